"""The `smmigrate` command: parses arguments and dispatches to one module per sub-command.

Each module in `smmigrate/commands/` defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and
``run(args) -> int``. Importing those modules must stay cheap (no TensorFlow): they import heavy
things inside ``run``. ``main(argv) -> int`` never raises for user errors: it prints one line and
returns 2.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from . import __version__
from .errors import SmmigrateError

# Order in `--help`; modules not listed here come after, alphabetically.
_ORDER = ["rewrite", "wrap_metagraph", "upgrade", "method_names", "inspect", "verify"]


class ExitCode:
    """Exit codes shared by every sub-command."""

    OK = 0  # nothing to change / models equivalent
    CHANGED = 1  # files changed (or would change), manual work reported, models differ
    ERROR = 2  # bad arguments, unreadable or invalid input, internal failure


def _command_modules():
    from . import commands

    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    names.sort(key=lambda n: (_ORDER.index(n) if n in _ORDER else len(_ORDER), n))
    return [importlib.import_module(f"{commands.__name__}.{n}") for n in names]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smmigrate",
        description="Migrate TensorFlow 1 SavedModel code and artifacts to TensorFlow 2.",
        epilog="Exit codes: 0 nothing to change / equivalent, 1 changes or manual work / not equivalent, 2 error.",
    )
    parser.add_argument("--version", action="version", version=f"smmigrate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        p = sub.add_parser(module.NAME, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP))
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return ExitCode.ERROR
    try:
        return int(args._run(args))
    except SmmigrateError as exc:
        print(f"smmigrate: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("smmigrate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `smmigrate rewrite --diff . | head`
        return ExitCode.ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
