"""Errors that the CLI turns into one line on stderr and exit code 2, and the exit codes themselves.

Library functions raise `SmmigrateError` (or a subclass) with a message that names the file or
name at fault and what to do about it; the CLI prints ``smmigrate: error: <message>`` and exits 2.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes shared by every sub-command (`smmigrate.cli.main` returns one)."""

    OK = 0  # nothing to change / models equivalent
    CHANGED = 1  # files changed (or would change), manual work reported, models differ
    ERROR = 2  # bad arguments, unreadable or invalid input, internal failure
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class SmmigrateError(Exception):
    """A user-facing error: bad input, bad arguments, or a model that cannot be handled."""

    exit_code = ExitCode.ERROR


class UsageError(SmmigrateError):
    """Bad command-line arguments (beyond what argparse checks)."""


class TensorFlowMissing(SmmigrateError):
    """A command needs TensorFlow and it is not installed."""
