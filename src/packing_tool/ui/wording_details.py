"""An event's stored detail and where an order was packed elsewhere, in the chosen language.

An event's ``detail`` is English text kept in the scan journal on the share (a stored format,
also written by older versions of the program), so it is translated here by its known forms; a
detail of an unknown form is shown as it is. Internal ids (worker ids, event numbers) are left
out. ``ui.wording`` re-exports ``detail``, ``place`` and ``elsewhere``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.ui import local_time

CONTEXT = "Wording"  # one context with ui.wording: the words are shared


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


PHRASES: dict[str, str] = {
    "in": QT_TRANSLATE_NOOP("Wording", "in {list} of {session}"),
    "packed": QT_TRANSLATE_NOOP("Wording", "packed {place}"),
    "packing": QT_TRANSLATE_NOOP("Wording", "being packed now {place}"),
    "at": QT_TRANSLATE_NOOP("Wording", "at {station}"),
    "by": QT_TRANSLATE_NOOP("Wording", "by {name}"),
    "this_list": QT_TRANSLATE_NOOP("Wording", "in this list"),
    "repacked": QT_TRANSLATE_NOOP("Wording", "packed again (was {where})"),
    "manual_undone": QT_TRANSLATE_NOOP("Wording", "confirmation by hand undone"),
    "scan_undone": QT_TRANSLATE_NOOP("Wording", "last scan undone"),
    "packed_when_by": QT_TRANSLATE_NOOP("Wording", "packed {when} by {name}"),
    "packed_by": QT_TRANSLATE_NOOP("Wording", "packed by {name}"),
    "extra_kept": QT_TRANSLATE_NOOP("Wording", "extra {sku} kept in the box"),
    "extra_removed": QT_TRANSLATE_NOOP("Wording", "extra {sku} taken out of the box"),
}


def _phrase(key: str, **values: str) -> str:
    return _tr(PHRASES[key]).format(**values)


def _place(list_name: str, session: str, station: str | None, name: str | None,
           when: str) -> str:
    parts = [_phrase("in", list=list_name, session=session)]
    if station:
        parts.append(_phrase("at", station=station))
    if name:
        parts.append(_phrase("by", name=name))
    return " ".join(parts) + (f", {when}" if when else "")


def place(info: Elsewhere) -> str:
    """"in DHL_Orders of 2026-11-21_2 at PACK-01 by Иван, today 10:41", translated."""
    when = local_time.when(info.at) if info.at is not None else ""
    return _place(info.list_name, info.session_id, info.station, info.worker_name, when)


def elsewhere(info: Elsewhere) -> str:
    """"packed in DHL_Orders of 2026-11-21_2 at PACK-01 by Иван, today 10:41", translated."""
    if info.note:
        return info.note
    return _phrase("packed" if info.state is Where.PACKED else "packing", place=place(info))


_STORED_WHEN = r"(?:, (?P<when>today \d\d:\d\d|yesterday \d\d:\d\d|\d{4}-\d\d-\d\d \d\d:\d\d))?"
_ELSEWHERE = (r"(?P<how>packed|being packed now) in (?P<list>.+?) of (?P<session>\S+?)"
              r"(?: at (?P<station>.+?))?(?: by (?P<name>.+?))?" + _STORED_WHEN)


def _stored_elsewhere(m: re.Match[str]) -> str:
    when = m["when"] or ""
    if when.startswith(("today ", "yesterday ")):  # the words of the day it was stored
        word, time = when.split(" ", 1)
        when = local_time.day_word(word == "today", time)
    elif when:
        when = local_time.when(when)
    where = _place(m["list"], m["session"], m["station"], m["name"], when)
    return _phrase("packed" if m["how"] == "packed" else "packing", place=where)


def _undone(m: re.Match[str]) -> str:
    return _phrase("manual_undone" if m["kind"] == "manual" else "scan_undone")


def _packed_before(m: re.Match[str]) -> str:
    when = local_time.when(m["when"]) if m["when"] != "?" else ""
    return _phrase("packed_when_by" if when else "packed_by", when=when, name=m["name"])


def _repacked(m: re.Match[str]) -> str:
    where = m["where"]
    return _phrase("repacked", where=_phrase("this_list") if where == "in this list"
                   else detail(where))


def _extra_done(m: re.Match[str]) -> str:
    return _phrase("extra_kept" if m["how"] == "kept in" else "extra_removed", sku=m["sku"])


# Known forms of the domain's detail texts (domain/packer_rules.py), most specific first:
# a pattern and either a translatable template filled with the pattern's groups or a function.
DETAILS: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    (r"finish or skip order (?P<order>.+) before handing over",
     QT_TRANSLATE_NOOP("Wording", "finish or skip order {order} before handing over")),
    (r"finish or skip order (?P<order>.+) before packing another one again",
     QT_TRANSLATE_NOOP("Wording", "finish or skip order {order} before packing another one "
                                  "again")),
    (r"taken over from (?P<name>.+)", QT_TRANSLATE_NOOP("Wording", "taken over from {name}")),
    (r"no order is open", QT_TRANSLATE_NOOP("Wording", "no order is open")),
    (r"no order is open; scan an order label",
     QT_TRANSLATE_NOOP("Wording", "no order is open; scan an order label")),
    (r"(?P<packed>\d+) of (?P<total>\d+) units packed; scan its label to resume",
     QT_TRANSLATE_NOOP("Wording", "{packed} of {total} units packed; scan its label to "
                                  "resume")),
    (r"(?P<packed>\d+) of (?P<total>\d+) units packed earlier",
     QT_TRANSLATE_NOOP("Wording", "{packed} of {total} units packed earlier")),
    (r"empty scan", QT_TRANSLATE_NOOP("Wording", "empty scan")),
    (r"the scanner read it twice", QT_TRANSLATE_NOOP("Wording", "the scanner read it twice")),
    (r"no order (?P<code>'.*') in list (?P<list>.+) to pack again",
     QT_TRANSLATE_NOOP("Wording", "no order {code} in list {list} to pack again")),
    (r"order (?P<order>.+) is not packed; scan its label to pack it",
     QT_TRANSLATE_NOOP("Wording", "order {order} is not packed; scan its label to pack it")),
    (r"a reason is required", QT_TRANSLATE_NOOP("Wording", "a reason is required")),
    (r"packed again \(was (?P<where>.+)\)", _repacked),
    (r"label (?P<code>'.*') matches orders (?P<orders>.+); ask a supervisor",
     QT_TRANSLATE_NOOP("Wording", "label {code} matches orders {orders}; ask a supervisor")),
    (r"order (?P<order>.+) is Not Fulfillable: do not pack it",
     QT_TRANSLATE_NOOP("Wording", "order {order} is Not Fulfillable: do not pack it")),
    (r"order (?P<order>.+) belongs to list (?P<list>.+), not (?P<this>.+)",
     QT_TRANSLATE_NOOP("Wording", "order {order} belongs to list {list}, not {this}")),
    (r"that is an item barcode; scan an order label first",
     QT_TRANSLATE_NOOP("Wording", "that is an item barcode; scan an order label first")),
    (r"no order (?P<code>'.*') in list (?P<list>.+)",
     QT_TRANSLATE_NOOP("Wording", "no order {code} in list {list}")),
    (r"the order has no units to pack",
     QT_TRANSLATE_NOOP("Wording", "the order has no units to pack")),
    (r"completed at (?P<when>\S+) by (?P<name>.*) \((?P<id>[^()]*)\)", _packed_before),
    (r"every unit of (?P<sku>.+) is packed; keep or remove the extra one",
     QT_TRANSLATE_NOOP("Wording", "every unit of {sku} is packed; keep or remove the extra "
                                  "one")),
    (r"order (?P<order>.+) is already open",
     QT_TRANSLATE_NOOP("Wording", "order {order} is already open")),
    (r"that is the label of order (?P<order>.+), already packed",
     QT_TRANSLATE_NOOP("Wording", "that is the label of order {order}, already packed")),
    (r"that is the label of order (?P<orders>.+); skip order (?P<order>.+) first to switch",
     QT_TRANSLATE_NOOP("Wording", "that is the label of order {orders}; skip order {order} "
                                  "first to switch")),
    (r"nothing to undo on row (?P<row>\d+) in order (?P<order>.+)",
     QT_TRANSLATE_NOOP("Wording", "nothing to undo on line {row} in order {order}")),
    (r"nothing to undo in order (?P<order>.+)",
     QT_TRANSLATE_NOOP("Wording", "nothing to undo in order {order}")),
    (r"undid event \d+ \((?P<kind>\w+)\)", _undone),
    (r"order (?P<order>.+) has no row (?P<row>\d+)",
     QT_TRANSLATE_NOOP("Wording", "order {order} has no line {row}")),
    (r"the line is already complete",
     QT_TRANSLATE_NOOP("Wording", "the line is already complete")),
    (r"quantity must be 1 to (?P<n>\d+)",
     QT_TRANSLATE_NOOP("Wording", "quantity must be 1 to {n}")),
    (r"(?P<n>\d+) unit\(s\) of (?P<sku>.+) confirmed by hand",
     QT_TRANSLATE_NOOP("Wording", "{n} unit(s) of {sku} confirmed by hand")),
    (r"no extra (?P<sku>'.*') is pending in order (?P<order>.+)",
     QT_TRANSLATE_NOOP("Wording", "no extra {sku} is pending in order {order}")),
    (r"extra (?P<sku>.+) (?P<how>kept in|taken out of) the box", _extra_done),
    (r"(?P<code>'.*') is not known", QT_TRANSLATE_NOOP("Wording", "{code} is not known")),
    (r"(?P<skus>.+) is not in order (?P<order>.+)",
     QT_TRANSLATE_NOOP("Wording", "{skus} is not in order {order}")),
    (r"second check skipped: (?P<reason>.+)",
     QT_TRANSLATE_NOOP("Wording", "second check skipped: {reason}")),
    (r"second check by (?P<name>.*) \((?P<id>[^()]*)\)",
     QT_TRANSLATE_NOOP("Wording", "second check by {name}")),
    (r"(?P<name>.+) packed order (?P<order>.+); another worker must check it",
     QT_TRANSLATE_NOOP("Wording", "{name} packed order {order}; another worker must check it")),
    (r"a second worker scans their card first",
     QT_TRANSLATE_NOOP("Wording", "a second worker scans their card first")),
    (r"scan the label of order (?P<order>.+) to confirm the check",
     QT_TRANSLATE_NOOP("Wording", "scan the label of order {order} to confirm the check")),
    (r"order (?P<order>.+) is not fully packed yet",
     QT_TRANSLATE_NOOP("Wording", "order {order} is not fully packed yet")),
    (_ELSEWHERE, _stored_elsewhere),
]
_COMPILED = [(re.compile(pattern), words) for pattern, words in DETAILS]


def detail(text: str) -> str:
    """An event's stored English detail in the chosen language; unknown forms as they are."""
    for pattern, words in _COMPILED:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        if callable(words):
            return words(m)
        return _tr(words).format(**{k: _quoted(v) for k, v in m.groupdict().items()})
    return text


def _quoted(value: str | None) -> str:
    """A scanned code the domain quoted Python's way ('X-42') in the language's quotes."""
    if value and len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
        return _tr("'{text}'").format(text=value[1:-1])
    return value or ""


# Station settings' problems (storage.settings, which has no Qt), as the Settings dialog shows
# them while the user types. Theme and language problems cannot come from the dialog's lists.
SETTINGS: list[tuple[str, str]] = [
    (r"The heartbeat must be between (?P<low>\d+) and (?P<high>\d+) s \(it is (?P<v>\d+) s\)\.",
     QT_TRANSLATE_NOOP("Wording", "The heartbeat must be between {low} and {high} s (it is "
                                  "{v} s).")),
    (r"A lock must count as stale only after more than two heartbeats: more than (?P<min>\d+) s "
     r"\(it is (?P<v>\d+) s\)\.",
     QT_TRANSLATE_NOOP("Wording", "A lock must count as stale only after more than two "
                                  "heartbeats: more than {min} s (it is {v} s).")),
    (r"The stale time may be at most (?P<max>\d+) s \(it is (?P<v>\d+) s\)\.",
     QT_TRANSLATE_NOOP("Wording", "The stale time may be at most {max} s (it is {v} s).")),
    (r"The share timeout must be between (?P<low>\d+) and (?P<high>\d+) s "
     r"\(it is (?P<v>\d+) s\)\.",
     QT_TRANSLATE_NOOP("Wording", "The share timeout must be between {low} and {high} s (it is "
                                  "{v} s).")),
    (r"The pause gap for scores must be between (?P<low>\d+) and (?P<high>\d+) s "
     r"\(it is (?P<v>\d+) s\)\.",
     QT_TRANSLATE_NOOP("Wording", "The pause gap for scores must be between {low} and {high} s "
                                  "(it is {v} s).")),
    (r"The station name is empty: leave it unset to use the PC name\.",
     QT_TRANSLATE_NOOP("Wording", "The station name is empty: leave it unset to use the PC "
                                  "name.")),
    (r"The station name is longer than (?P<n>\d+) characters\.",
     QT_TRANSLATE_NOOP("Wording", "The station name is longer than {n} characters.")),
    (r'The station name may not contain .* or control characters\.',
     QT_TRANSLATE_NOOP("Wording", 'The station name may not contain \\ / : * ? " < > | or '
                                  "control characters.")),
    (r"The server path is empty: leave it unset to use the demo data\.",
     QT_TRANSLATE_NOOP("Wording", "The server path is empty: leave it unset to use the demo "
                                  "data.")),
]
_SETTINGS = [(re.compile(pattern), words) for pattern, words in SETTINGS]


def settings_problem(text: str) -> str:
    """One of storage.settings' problems in the chosen language; unknown ones as they are."""
    for pattern, words in _SETTINGS:
        found = pattern.fullmatch(text)
        if found is not None:
            return _tr(words).format(**found.groupdict())
    return text
