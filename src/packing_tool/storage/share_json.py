"""JSON from the share without Python's recursion limit as the parser's limit.

``json.loads`` answers a document nested deeper than the interpreter's recursion limit
(``[[[[...`` a hundred thousand times: a few hundred kilobytes) with ``RecursionError``, which
no reader expects: it is not a ``ValueError``, so it went past every "unreadable file"
handler as a traceback. ``loads`` turns it into ``JsonTooDeepError``, a ``ValueError``, so
the usual handling applies and names the file.
"""

from __future__ import annotations

import json
from typing import Any

TOO_DEEP = "JSON nested too deeply to read"


class JsonTooDeepError(ValueError):
    """The document nests lists or objects deeper than the parser can follow."""

    def __init__(self) -> None:
        super().__init__(TOO_DEEP)


def loads(text: str | bytes) -> Any:
    """``json.loads``; ``JsonTooDeepError`` (a ``ValueError``) for a document nested too deeply."""
    try:
        return json.loads(text)
    except RecursionError:
        raise JsonTooDeepError() from None
