"""Errors that the CLI turns into one line on stderr and exit code 2.

Library functions raise `SmmigrateError` (or a subclass) with a message that names the file or
name at fault and what to do about it; the CLI prints ``smmigrate: error: <message>`` and exits 2.
"""

from __future__ import annotations


class SmmigrateError(Exception):
    """A user-facing error: bad input, bad arguments, or a model that cannot be handled."""

    exit_code = 2


class UsageError(SmmigrateError):
    """Bad command-line arguments (beyond what argparse checks)."""


class TensorFlowMissing(SmmigrateError):
    """A command needs TensorFlow and it is not installed."""
