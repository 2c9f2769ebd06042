"""`smmigrate wrap-metagraph`: a TF1 graph + checkpoint as pruned TF2 functions, saved as a TF2 SavedModel.

Prints the functions it built (inputs and outputs with dtypes and shapes) and writes the SavedModel
to `--out` (default `<graph stem>_tf2` beside the graph), atomically. TensorFlow is imported in
`run` only, so listing sub-commands stays cheap.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._proto import format_spec
from ..cli import ExitCode
from ..errors import UsageError

NAME = "wrap-metagraph"
HELP = "wrap a TF1 MetaGraph/GraphDef/SavedModel + checkpoint as TF2 functions and save a TF2 SavedModel"
DESCRIPTION = (
    "Import a TF1 graph (MetaGraphDef .meta/.pb/.pbtxt, frozen GraphDef, or SavedModel folder) into "
    "TF2, restore its checkpoint (V2 or V1, reference or resource variables), run its init op, prune "
    "one function per signature (or per --feeds/--fetches), print them, and write a TF2 SavedModel. "
    "Exit codes: 0 written, 2 error (nothing written)."
)


def _names(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise argparse.ArgumentTypeError("expected comma-separated tensor names, e.g. x:0,y:0")
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph", metavar="GRAPH", help="graph file (.meta, .pb, .pbtxt; binary or text) or SavedModel folder"
    )
    parser.add_argument(
        "checkpoint",
        metavar="CHECKPOINT",
        nargs="?",
        help="checkpoint prefix, .index/.data/.meta path, V1 file, or folder with a 'checkpoint' file "
        "(default: the one beside GRAPH)",
    )
    parser.add_argument(
        "--out", metavar="DIR", help="output SavedModel folder (default: <graph stem>_tf2 beside GRAPH)"
    )
    parser.add_argument(
        "--feeds", type=_names, metavar="A:0,B:0", help="input tensors (default: the signatures' inputs)"
    )
    parser.add_argument(
        "--fetches", type=_names, metavar="Y:0", help="output tensors (default: the signatures' outputs)"
    )
    parser.add_argument("--signature", metavar="NAME", help="only this signature (or the key for --feeds/--fetches)")
    parser.add_argument(
        "--tags", type=_names, metavar="serve", help="MetaGraph tags to pick in a SavedModel with several"
    )
    parser.add_argument("--keep-devices", action="store_true", help="keep device pins recorded in the graph")
    parser.add_argument(
        "--overwrite", action="store_true", help="replace --out if it exists (only once the new export is complete)"
    )


def default_out(graph: Path) -> Path:
    graph = Path(graph)
    if graph.is_dir():
        return graph.parent / f"{graph.resolve().name}_tf2"
    return graph.parent / f"{graph.stem}_tf2"


def _describe(fn) -> list[str]:
    lines = []
    inputs = fn.structured_input_signature[1]
    for key in sorted(inputs):
        spec = inputs[key]
        lines.append(f"    in  {key}: {format_spec(spec.dtype.name, spec.shape)}")
    outputs = fn.structured_outputs
    for key in sorted(outputs):
        t = outputs[key]
        lines.append(f"    out {key}: {format_spec(t.dtype.name, t.shape)}")
    return lines


def run(args) -> int:
    graph = Path(args.graph)
    # Checked before importing TensorFlow, whose start-up prints log lines of its own.
    if not graph.exists():
        raise UsageError(f"{graph}: no such file; pass an existing graph file or SavedModel folder")
    out = Path(args.out) if args.out else default_out(graph)
    if out.exists() and not args.overwrite:
        raise UsageError(f"{out}: already exists; pass --out to choose another folder or --overwrite")

    from ..models.graph_adapter import wrap_metagraph  # imports TensorFlow

    wrapped = wrap_metagraph(
        graph,
        args.checkpoint,
        feeds=args.feeds,
        fetches=args.fetches,
        tags=args.tags,
        signature=args.signature,
        clear_devices=not args.keep_devices,
    )
    for note in wrapped.notes:
        print(f"note: {note}")
    print(f"{len(wrapped.functions)} function(s), {len(wrapped.variables)} variable(s):")
    for key in sorted(wrapped.functions):
        print(f"  {key}")
        for line in _describe(wrapped.functions[key]):
            print(line)
    seen = len(wrapped.notes)
    wrapped.save(out, overwrite=args.overwrite)
    for note in wrapped.notes[seen:]:  # what saving added (e.g. a loss it could not export)
        print(f"note: {note}")
    print(f"wrote TF2 SavedModel {out}")
    return ExitCode.OK
