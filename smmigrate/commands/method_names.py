"""`smmigrate method-names EXPORT_DIR`: restore classify/regress method names on a SavedModel.

TF2's `tf.saved_model.save` marks every signature `tensorflow/serving/predict`. This command sets
method names from ``--set``, from the original export (``--like``) or by inference (``--auto``),
refuses changes that break TF Serving's classify/regress contract, and rewrites the SavedModel
atomically (fingerprint.pb recomputed). TensorFlow is imported only inside `run`.
Exit codes: 0 nothing to change, 1 changed (or would change with ``--dry-run``), 2 error.
"""

from __future__ import annotations

NAME = "method-names"
HELP = "set classify/regress/predict method names on SavedModel signatures (TF2 exports lose them)"
DESCRIPTION = (
    "Set the method name of SavedModel signatures. TF2 exports mark every signature "
    "tensorflow/serving/predict; restore classify/regress with --like ORIGINAL_DIR (copy from the "
    "original TF1 export), --auto (infer from inputs/outputs) or --set KEY=METHOD. Every change is "
    "checked against the classify/regress contract first; if any fails nothing is written. "
    "Exit codes: 0 nothing to change, 1 changed (or would change with --dry-run), 2 error."
)


def _key_value(text: str):
    import argparse

    key, sep, value = text.partition("=")
    if not sep or not key or not value:
        raise argparse.ArgumentTypeError(f"expected KEY=METHOD (e.g. regress_x_to_y=regress), got {text!r}")
    return key.strip(), value.strip()


def add_arguments(parser) -> None:
    parser.add_argument("export_dir", metavar="EXPORT_DIR", help="SavedModel folder to update in place")
    parser.add_argument(
        "--set",
        dest="set_",
        metavar="KEY=METHOD",
        action="append",
        type=_key_value,
        default=[],
        help="set one signature's method: classify, regress, predict or a full name (repeatable)",
    )
    parser.add_argument(
        "--like", metavar="ORIGINAL_DIR", help="copy the method name of every signature key shared with this SavedModel"
    )
    parser.add_argument(
        "--auto",
        action="store_true",
        help="infer classify/regress from the signature's inputs/outputs and report the choice",
    )
    parser.add_argument("--tags", help="MetaGraph tag set, comma-separated (default: the only one, else serve)")
    parser.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")


def run(args) -> int:
    from ..cli import ExitCode
    from ..models.method_names import update_method_names

    mapping = {}
    for key, value in args.set_:
        mapping[key] = value
    result = update_method_names(
        args.export_dir, mapping or None, like=args.like, auto=args.auto, tags=args.tags, dry_run=args.dry_run
    )
    warnings = result.warnings
    verb = "would change" if args.dry_run else "changed"
    for key, change in result.items():
        print(f"{key}: {change['old'] or '(none)'} -> {change['new']}   ({change['reason']})")
    for w in warnings:
        print(f"warning: {w}")
    if not result:
        print(f"{args.export_dir}: method names already as requested; nothing to change")
        return ExitCode.CHANGED if getattr(result, "fingerprint_repaired", False) else ExitCode.OK
    print(
        f"{args.export_dir}: {verb} {len(result)} signature(s)"
        + ("" if args.dry_run else "; fingerprint.pb recomputed if present")
    )
    return ExitCode.CHANGED
