"""Administrator commands: statistics, sessions, verify, migrate, backup, archive, demo.

No Qt here: every command runs on a server or an IT person's shell. Each module offers
``register(commands)``, which adds its subparser and sets ``run`` to a function taking the
parsed arguments and returning the exit code.
"""
