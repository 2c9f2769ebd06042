"""`smmigrate inspect PATH`: describe a SavedModel, MetaGraphDef or frozen GraphDef.

Reads protobufs only (`smmigrate.inspect_model`), never TensorFlow itself, so it answers in a
fraction of a second. Human-readable by default; ``--json`` prints the same facts for scripts.
Exit code 0, or 2 when the path is not a readable model.
"""

from __future__ import annotations

NAME = "inspect"
HELP = "describe a SavedModel, MetaGraphDef or GraphDef (format, signatures, variables, what to do)"
DESCRIPTION = (
    "Describe a SavedModel folder or a MetaGraphDef / GraphDef file (binary or text, detected by "
    "content): format, TensorFlow version, tag sets, signatures with method names and tensors, "
    "variables (reference vs resource), assets, init ops, device pins, and what smmigrate can do "
    "with it. Reads protobufs without importing TensorFlow."
)


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="PATH", help="SavedModel folder, or a .pb/.pbtxt/.meta graph file")
    parser.add_argument("--tags", help="only this MetaGraph (comma-separated tag set, e.g. serve)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--variables", action="store_true", help="list every variable (text output)")


def run(args) -> int:
    import json

    from ..cli import ExitCode
    from ..inspect_model import format_report, inspect

    info = inspect(args.path, tags=args.tags)
    if args.json:
        print(json.dumps(info, indent=2, sort_keys=True))
    else:
        print(format_report(info, show_variables=args.variables))
    return ExitCode.OK
