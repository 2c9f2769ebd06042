"""`smmigrate upgrade SRC DST`: a TF1 SavedModel as a native TF2 SavedModel, verified against SRC.

Checks SRC (a TF1 SavedModel, one MetaGraph or `--tags`) and DST (absent, or `--overwrite`) before
importing TensorFlow, then converts through the graph adapter, prints what was written and the
verification verdict. TensorFlow is imported in `run` only, so listing sub-commands stays cheap.
"""

from __future__ import annotations

from pathlib import Path

from ..cli import ExitCode
from ..errors import SmmigrateError, UsageError
from ..models import DEFAULT_ATOL, DEFAULT_RTOL

NAME = "upgrade"
HELP = "convert a TF1 SavedModel into a native TF2 SavedModel (trainable resource variables), verified"
DESCRIPTION = (
    "Re-export a TF1 SavedModel (reference or resource variables, init/main op, assets, tables, "
    "classify/regress signatures) as a TF2 SavedModel with an object graph: same signature keys, "
    "inputs, outputs and method names; variables as trainable resource variables; assets/ and "
    "assets.extra/ copied. DST appears only once complete and verified against SRC on every "
    "signature. Given a TF Serving model base folder (numbered version sub-folders), every version is "
    "upgraded into DST/<version>, each verified and all-or-nothing, with a summary. "
    "Exit codes: 0 written and equivalent, 2 error (nothing written; for a base folder: a version failed)."
)


def add_arguments(parser) -> None:
    parser.add_argument(
        "src", metavar="SRC", help="TF1 SavedModel folder, or a TF Serving model base folder (SRC/1/, SRC/2/, ...)"
    )
    parser.add_argument("dst", metavar="DST", help="output folder for the TF2 SavedModel (must not exist)")
    parser.add_argument(
        "--tags", metavar="serve", help="MetaGraph tag set to convert when SRC has several (comma-separated)"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace DST if it exists (only once the new export is complete)"
    )
    parser.add_argument("--no-verify", dest="verify", action="store_false", help="skip comparing DST with SRC")
    parser.add_argument(
        "--rtol",
        type=float,
        default=DEFAULT_RTOL,
        help=f"relative tolerance of the verification (default {DEFAULT_RTOL:g})",
    )
    parser.add_argument(
        "--atol",
        type=float,
        default=DEFAULT_ATOL,
        help=f"absolute tolerance of the verification (default {DEFAULT_ATOL:g})",
    )


def _run_versions(args, src: Path, dst: Path, versions: list[Path]) -> int:
    """A TF Serving model base folder: every numbered version upgraded into DST/<version>."""
    from ..models.upgrade import check_source

    for version in versions:  # protobuf-only refusals, before TensorFlow's start-up
        target = dst / version.name
        if target.exists() and not args.overwrite:
            raise UsageError(f"{target}: already exists; choose another DST or pass --overwrite")
    problems = {}
    for version in versions:
        try:
            check_source(version, args.tags)
        except SmmigrateError as exc:
            problems[version.name] = str(exc)

    from ..models.upgrade import upgrade_versions  # imports TensorFlow

    if len(problems) == len(versions):
        results = []
    else:
        results = upgrade_versions(
            src, dst, tags=args.tags, overwrite=args.overwrite, verify=args.verify, rtol=args.rtol, atol=args.atol
        )
    rows = []
    for version in versions:
        done = next((r for r in results if r.version == version.name), None)
        error = problems.get(version.name) or (done.error if done is not None else None)
        if error is None and done is not None and done.result is not None:
            r = done.result
            verdict = "not verified" if r.report is None else "verified equivalent"
            rows.append(
                f"  {version.name}: upgraded, {verdict}: {len(r.signatures)} signature(s), {r.variables} variable(s)"
            )
            for note in r.notes:
                print(f"note: {version.name}: {note}")
        else:
            rows.append(f"  {version.name}: FAILED, nothing written: {error}")
    failed = sum(1 for row in rows if ": FAILED" in row)
    print(f"{src}: {len(versions)} version(s), {len(versions) - failed} upgraded into {dst}, {failed} failed")
    print("\n".join(rows))
    return ExitCode.ERROR if failed else ExitCode.OK


def run(args) -> int:
    src, dst = Path(args.src), Path(args.dst)
    if not src.exists():
        raise UsageError(f"{src}: no such folder; pass a TF1 SavedModel folder")
    from ..models.upgrade import check_source, model_versions

    versions = model_versions(src)
    if versions:
        return _run_versions(args, src, dst, versions)
    if dst.exists() and not args.overwrite:
        raise UsageError(f"{dst}: already exists; choose another DST or pass --overwrite")

    check_source(src, args.tags)  # protobuf only: refusals come before TensorFlow's start-up

    from ..models.upgrade import upgrade  # imports TensorFlow

    result = upgrade(
        src, dst, tags=args.tags, overwrite=args.overwrite, verify=args.verify, rtol=args.rtol, atol=args.atol
    )
    for note in result.notes:
        print(f"note: {note}")
    print(f"{len(result.signatures)} signature(s), {result.variables} variable(s): {', '.join(result.signatures)}")
    if result.report is not None:
        print(result.report.format_table())
    print(f"wrote TF2 SavedModel {dst}")
    return ExitCode.OK
