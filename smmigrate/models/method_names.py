"""Restore classify/regress method names on a SavedModel (the MethodNameUpdater pass, done safely).

`tf.saved_model.save` marks every signature `tensorflow/serving/predict`, so servers and tools that
check method names reject Classify/Regress calls on TF2 re-exports. `update_method_names` sets them
from an explicit mapping, from the original export (`like=`) or by inference from the signature's
shape (`auto=True`), validates every change against TF Serving's classify/regress contract with
TensorFlow's own `is_valid_signature` before anything is written, then rewrites `saved_model.pb`
and/or `saved_model.pbtxt` atomically and recomputes `fingerprint.pb` (TensorFlow's
MethodNameUpdater leaves it stale). Nothing is written when nothing changes, so a second run is a
no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from .. import _proto
from .._tf import import_tensorflow
from ..errors import SmmigrateError
from ..fsutil import atomic_write_bytes
from .export import write_method_names

SHORT = {v: k for k, v in _proto.METHOD_ALIASES.items()}


class MethodNameChanges(dict):
    """``{signature key: {"old", "new", "reason"}}`` for every signature that changed (or would,
    with ``dry_run``); ``.warnings`` lists what the caller should know but did not stop the run."""

    def __init__(self, changes=(), warnings=()):
        super().__init__(changes)
        self.warnings = list(warnings)
        self.fingerprint_repaired = False  # a stale fingerprint.pb was recomputed, no name changed


def resolve_method_name(value: str, key: str = "") -> str:
    """`classify`/`regress`/`predict` -> full name; full names (with a '/') pass through."""
    value = value.strip()
    if value.lower() in _proto.METHOD_ALIASES:
        return _proto.METHOD_ALIASES[value.lower()]
    if "/" in value:
        return value
    where = f" for signature {key!r}" if key else ""
    raise SmmigrateError(
        f"unknown method name {value!r}{where}; use classify, regress, predict or a full name like "
        "tensorflow/serving/classify"
    )


def _public_keys(mg) -> list:
    # `__saved_model_init_op` and friends are not servable signatures; their method name is unused.
    return sorted(k for k in mg.signature_def if not k.startswith("__"))


def _contract_ok(tf, signature, method_name: str) -> bool:
    """TensorFlow's `is_valid_signature` on a copy of `signature` carrying `method_name`."""
    from tensorflow.core.protobuf import meta_graph_pb2

    # Round-trip through bytes: `signature` may come from smmigrate._proto's private pool.
    sig = meta_graph_pb2.SignatureDef.FromString(signature.SerializeToString())
    sig.method_name = method_name
    return bool(tf.compat.v1.saved_model.is_valid_signature(sig))


def _contract_hint(method_name: str) -> str:
    if method_name == _proto.CLASSIFY:
        return (
            "classify needs one DT_STRING input 'inputs' (serialized tf.Example) and outputs 'classes' (string) "
            "and/or 'scores' (float)"
        )
    if method_name == _proto.REGRESS:
        return "regress needs one DT_STRING input 'inputs' (serialized tf.Example) and one float output 'outputs'"
    return "predict needs at least one input and one output"


def _check_complete(tf, target, mg) -> None:
    """Refuse an export whose checkpoint is missing or unreadable, before anything is written.

    The method names live in saved_model.pb alone, but the fingerprint recomputed afterwards hashes
    variables/variables.index, and a half-copied export is better reported than edited.
    """
    if not _proto.has_variables(mg):
        return
    prefix = target.export_dir / "variables" / "variables"
    index = Path(f"{prefix}.index")
    if not index.is_file():
        what = "missing" if not (index.exists() or index.is_symlink()) else "not a readable file"
        raise SmmigrateError(
            f"{index}: {what}, but the graph has variables: the export is incomplete; "
            "copy the whole export folder again (nothing changed)"
        )
    try:
        tf.train.load_checkpoint(str(prefix))
    except Exception as exc:  # noqa: BLE001 - TF raises several types for unreadable data
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise SmmigrateError(
            f"{index}: checkpoint cannot be read ({first}); copy the export again (nothing changed)"
        ) from None


def plan_method_names(
    export_dir,
    mapping: Mapping[str, str] | None = None,
    *,
    like=None,
    auto: bool = False,
    tags: Iterable[str] | None = None,
) -> tuple[dict, list]:
    """Work out (changes, warnings) without writing: changes is key -> {old, new, reason}."""
    if not mapping and like is None and not auto:
        raise SmmigrateError(f"{export_dir}: nothing to do; give --set KEY=METHOD, --like ORIGINAL_DIR or --auto")
    tags = _proto.parse_tags(tags)
    target = _proto.read_saved_model(export_dir)
    mg = _proto.select_meta_graph(target.proto, tags, str(target.path))
    keys = _public_keys(mg)
    tf = import_tensorflow()  # only now: bad paths and arguments fail fast, without TF's start-up
    _check_complete(tf, target, mg)

    wanted: dict = {}  # key -> (method name, reason, source)
    warnings: list = []
    original_sigs: dict = {}
    if auto:
        for key in keys:
            inferred = _proto.infer_method_name(mg.signature_def[key])
            if inferred:
                wanted[key] = (inferred[0], f"auto: {inferred[1]}", "auto")
    if like is not None:
        original = _proto.read_saved_model(like)
        # Same tag set as the target (the re-export keeps the original's tags in the usual case).
        orig_mg = _proto.select_meta_graph(original.proto, tags or _proto.tag_set(mg) or None, str(original.path))
        shared = [k for k in keys if k in orig_mg.signature_def]
        if not shared:
            raise SmmigrateError(f"{like}: shares no signature key with {export_dir}; is it the right original export?")
        for key in shared:
            original_sigs[key] = orig_mg.signature_def[key]
            wanted[key] = (original_sigs[key].method_name, f"like {Path(like).name}", "like")
    for key, value in (mapping or {}).items():
        if key not in mg.signature_def:
            raise SmmigrateError(
                f"{target.path}: no signature {key!r} in MetaGraph {','.join(_proto.tag_set(mg)) or '(no tags)'}; "
                f"available: {', '.join(keys) or 'none'}"
            )
        wanted[key] = (resolve_method_name(value, key), "--set", "set")

    changes: dict = {}
    refused: list = []
    for key in sorted(wanted):
        new, reason, source = wanted[key]
        old = mg.signature_def[key].method_name
        if new == old or not new:
            continue
        if new in SHORT and not _contract_ok(tf, mg.signature_def[key], new):
            if source == "like" and not _contract_ok(tf, original_sigs[key], new):
                # The original breaks the contract the same way (the TF Serving fixture's
                # regress_x2_to_y3 has a float input): copying keeps the two exports alike.
                warnings.append(
                    f"{key}: the original's {SHORT[new]} signature does not meet the {SHORT[new]} contract "
                    f"either ({_contract_hint(new)}); copied as-is"
                )
            else:
                refused.append(f"{key} cannot be {SHORT[new]}: {_contract_hint(new)}")
                continue
        changes[key] = {"old": old, "new": new, "reason": reason}
    if refused:
        raise SmmigrateError(f"{target.path}: refused, nothing changed: " + "; ".join(refused))
    return changes, warnings


def recompute_fingerprint(export_dir) -> str | None:
    """Rewrite `fingerprint.pb` from the SavedModel on disk, if the export has one; say what was done."""
    path = Path(export_dir) / _proto.FINGERPRINT_PB
    if not path.exists():
        return None
    if not (Path(export_dir) / _proto.SAVED_MODEL_PB).exists():
        # TensorFlow fingerprints only the binary saved_model.pb (for a text export its hashes come
        # out empty), and a stale fingerprint claims a checksum that no longer holds: remove it.
        path.unlink()
        return (
            f"{path}: removed; TensorFlow fingerprints only a binary saved_model.pb and the old one no longer matched"
        )
    import_tensorflow()
    from tensorflow.python.saved_model.pywrap_saved_model import fingerprinting

    try:
        data = fingerprinting.CreateFingerprintDef(str(export_dir))
    except Exception as exc:  # noqa: BLE001 - pywrap raises its own exception types
        raise SmmigrateError(
            f"{path}: could not recompute the fingerprint ({exc}); delete fingerprint.pb or re-export"
        ) from exc
    atomic_write_bytes(path, data)
    return f"{path}: recomputed"


def _fingerprint_is_stale(export_dir: Path) -> bool:
    """fingerprint.pb's signature hash disagrees with saved_model.pb (a run killed between the two writes).

    Only `signature_def_hash` is compared: it is what a method-name edit changes, and it is stable
    across TensorFlow versions (`saved_model_checksum` is not), so an untouched export never counts.
    """
    path, pb = export_dir / _proto.FINGERPRINT_PB, export_dir / _proto.SAVED_MODEL_PB
    if not path.is_file() or not pb.is_file():
        return False
    import_tensorflow()
    from tensorflow.python.saved_model.pywrap_saved_model import fingerprinting

    cls = _proto.schema().FingerprintDef
    try:
        current = cls.FromString(path.read_bytes())
        fresh = cls.FromString(fingerprinting.CreateFingerprintDef(str(export_dir)))
    except Exception:  # noqa: BLE001 - an unreadable fingerprint is left alone; TF loads without it
        return False
    return current.signature_def_hash != fresh.signature_def_hash


def update_method_names(
    export_dir,
    mapping: Mapping[str, str] | None = None,
    *,
    like=None,
    auto: bool = False,
    tags: Iterable[str] | None = None,
    dry_run: bool = False,
) -> MethodNameChanges:
    """Set signature method names on the SavedModel in `export_dir`; return what changed.

    `mapping` maps signature keys to `classify`, `regress`, `predict` or a full method name;
    `like` is another SavedModel whose method names are copied for every shared signature key;
    `auto` infers classify/regress from the signature's inputs and outputs. Explicit entries win
    over `like`, which wins over `auto`. Every change to classify/regress/predict must satisfy
    TF Serving's contract, else SmmigrateError and nothing is written. Returns a dict
    ``{key: {"old": ..., "new": ..., "reason": ...}}`` (a `MethodNameChanges`, whose ``.warnings``
    lists e.g. signatures copied from an original that itself breaks the contract, and what happened
    to fingerprint.pb). Files are written in the order .pbtxt, .pb, fingerprint.pb, each atomically.
    With `dry_run`, nothing is written.
    """
    export_dir = Path(export_dir)
    changes, warnings = plan_method_names(export_dir, mapping, like=like, auto=auto, tags=tags)
    result = MethodNameChanges(changes, warnings)
    if dry_run:
        return result
    if not changes:
        # Names are right but an interrupted earlier run may have left the old fingerprint.pb.
        if _fingerprint_is_stale(export_dir):
            recompute_fingerprint(export_dir)
            result.fingerprint_repaired = True
            result.warnings.append(
                f"{export_dir / _proto.FINGERPRINT_PB}: did not match the signatures "
                "(an interrupted earlier run?); recomputed"
            )
        return result
    result.warnings.extend(write_method_names(export_dir, changes, tags))
    fingerprint = recompute_fingerprint(export_dir)
    if fingerprint and "removed" in fingerprint:
        result.warnings.append(fingerprint)
    return result
