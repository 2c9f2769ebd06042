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

from .errors import ExitCode, SmmigrateError

__all__ = ["ExitCode", "build_parser", "main"]

# Order in `--help`; modules not listed here come after, alphabetically.
_ORDER = ["rewrite", "wrap_metagraph", "upgrade", "method_names", "inspect", "verify"]


class _Version(argparse.Action):
    """`--version`, read from the installed package's metadata only when asked for."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from . import __version__

        print(f"smmigrate {__version__}")
        parser.exit(ExitCode.OK)


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
    parser.add_argument("--version", action=_Version, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        p = sub.add_parser(module.NAME, help=module.HELP, description=getattr(module, "DESCRIPTION", module.HELP))
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> ExitCode:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return ExitCode.ERROR
    try:
        return ExitCode(args._run(args))
    except SmmigrateError as exc:
        print(f"smmigrate: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("smmigrate: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:  # `smmigrate rewrite --diff . | head`
        return ExitCode.ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
