"""`smmigrate verify A B`: prove two models compute the same, signature by signature.

Loads both models with TensorFlow (imported only inside `run`), feeds every shared signature the
same deterministic inputs (or those in ``--inputs file.npz``), and prints a per-signature table.
Exit codes: 0 equivalent, 1 not equivalent, 2 errors (unloadable model, a signature that fails
to run, bad arguments).
"""

from __future__ import annotations

from ..models import DEFAULT_ATOL, DEFAULT_RTOL

NAME = "verify"
HELP = "check that two models (TF1 or TF2) give the same outputs on every signature"
DESCRIPTION = (
    "Load two SavedModels (TF1 or TF2; or GRAPH files with --a-checkpoint/--b-checkpoint through the "
    "graph adapter) and, for every signature key, check input/output keys, dtypes and shapes, method "
    "names (reported; failing only with --strict-method-names) and outputs within --rtol/--atol on "
    "inputs generated from the specs with a fixed seed (serialized tf.Example inputs are built from "
    "the graph's ParseExample spec) or read from --inputs. "
    "Exit codes: 0 equivalent, 1 not equivalent, 2 error."
)


def add_arguments(parser) -> None:
    parser.add_argument("a", metavar="A", help="first model: SavedModel folder (or graph file with --a-checkpoint)")
    parser.add_argument("b", metavar="B", help="second model")
    parser.add_argument(
        "--signature",
        action="append",
        default=[],
        metavar="KEY",
        help="compare only this signature key (repeatable; default: all keys of both)",
    )
    parser.add_argument(
        "--rtol", type=float, default=DEFAULT_RTOL, help=f"relative tolerance (default {DEFAULT_RTOL:g})"
    )
    parser.add_argument(
        "--atol", type=float, default=DEFAULT_ATOL, help=f"absolute tolerance (default {DEFAULT_ATOL:g})"
    )
    parser.add_argument(
        "--inputs",
        metavar="FILE.npz",
        help="inputs to feed: arrays named INPUT or SIGNATURE/INPUT (others are generated)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for generated inputs (default 0)")
    parser.add_argument("--batch", type=int, default=2, help="size used for unknown dimensions (default 2)")
    parser.add_argument("--strict-method-names", action="store_true", help="fail when method names differ")
    parser.add_argument(
        "--tags", help="MetaGraph tag set for both models, comma-separated (default: only one, else serve)"
    )
    parser.add_argument("--a-checkpoint", metavar="CKPT", help="checkpoint for A when A is a graph file")
    parser.add_argument("--b-checkpoint", metavar="CKPT", help="checkpoint for B when B is a graph file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--perf",
        action="store_true",
        help="also measure load time, p50/p99 latency per signature (batch 1 and --perf-batch) and peak "
        "memory, each model in its own process",
    )
    parser.add_argument(
        "--perf-batch", type=int, default=32, metavar="N", help="the larger batch size --perf times (default 32)"
    )
    parser.add_argument(
        "--perf-runs", type=int, default=50, metavar="N", help="timed calls per signature and batch (default 50)"
    )


def run(args) -> int:
    import json

    from ..errors import UsageError

    if args.batch < 1:
        raise UsageError("--batch must be at least 1")
    if args.perf:
        from pathlib import Path

        if args.perf_batch < 1 or args.perf_runs < 1:
            raise UsageError("--perf-batch and --perf-runs must be at least 1")
        for given in (args.a, args.b):
            if not Path(given).is_dir():
                raise UsageError(f"{given}: --perf measures SavedModel folders; wrap a graph file into one first")
    from ..models.verify import verify

    report = verify(
        args.a,
        args.b,
        signatures=args.signature or None,
        rtol=args.rtol,
        atol=args.atol,
        inputs=args.inputs,
        seed=args.seed,
        batch=args.batch,
        strict_method_names=args.strict_method_names,
        tags=args.tags,
        checkpoint_a=args.a_checkpoint,
        checkpoint_b=args.b_checkpoint,
    )
    perf = None
    if args.perf:
        from ..models.perf import format_perf, measure

        batches = sorted({1, args.perf_batch})
        tags = args.tags.split(",") if args.tags else None
        perf = {
            "a": measure(args.a, batches=batches, runs=args.perf_runs, tags=tags, reference=args.b),
            "b": measure(args.b, batches=batches, runs=args.perf_runs, tags=tags, reference=args.a),
        }
    if args.json:
        data = report.to_json()
        if perf is not None:
            data["perf"] = perf
        print(json.dumps(data, indent=2))
    else:
        print(report.format_table())
        if perf is not None:
            print()
            print(format_perf(perf["a"], perf["b"]))
    return report.exit_code
