"""The session bridge: a TF2 SavedModel written from a live TF1 session (`smmigrate.export_session`).

TF1 training scripts export at the end, from a session whose graph was built (and trained, or
restored) elsewhere, so no static rewrite can reproduce the graph. The bridge takes the session as
it is: it exports the session's graph as a MetaGraphDef, reads every variable's current value out
of the session, and hands both to the graph adapter (`graph_adapter.build(values=...)`), which
maps every variable — reference or resource — onto an eager resource variable, runs the init /
main / legacy-init op (tables, with asset files copied beside the export), prunes one
ConcreteFunction per signature and writes a TF2 SavedModel with `tf.saved_model.save`. Method
names other than predict (classify/regress) are written back before the export folder appears.

It accepts what the TF1 APIs took: `simple_save`'s ``inputs``/``outputs`` tensor dicts, or a
Builder's ``signature_def_map`` of SignatureDef protos (from `predict_/classification_/
regression_/build_signature_def`). A program that called `disable_v2_behavior()` is graph-mode
everywhere; the bridge then runs its TF2 part inside `context.eager_mode()`, which TF 2.21 allows
in such a program (the adapter's eager variables and `tf.saved_model.save` work there; checked in
tests/test_session_bridge.py). The export directory is written atomically.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .. import _proto
from ..errors import SmmigrateError
from .export import PREDICT, eager, real_tensorflow, save_wrapped

__all__ = ["export_session"]

_SERVE = "serve"


# --------------------------------------------------------------------------------- signatures
def _tensor_name(value, where: str) -> str:
    if isinstance(value, str):
        return value if ":" in value else f"{value}:0"
    name = getattr(value, "name", None)
    if not isinstance(name, str) or getattr(value, "op", None) is None:
        raise SmmigrateError(
            f"{where}: expected a tf.Tensor of the session's graph or a tensor name, got {type(value).__name__}"
        )
    if getattr(value, "dtype", None) is not None and hasattr(value, "indices") and hasattr(value, "dense_shape"):
        raise SmmigrateError(f"{where}: sparse tensors are not supported by the session bridge; pass dense tensors")
    return name


def _signature_from_proto(key: str, sig) -> tuple[dict, dict, str]:
    ins: dict[str, str] = {}
    outs: dict[str, str] = {}
    for kind, infos, into in (("input", sig.inputs, ins), ("output", sig.outputs, outs)):
        for name, info in infos.items():
            if info.WhichOneof("encoding") != "name":
                raise SmmigrateError(
                    f"signature {key!r}: {kind} {name!r} is a composite (sparse/ragged) tensor, which the session "
                    "bridge does not support; export it with dense tensors"
                )
            into[name] = info.name
    return ins, outs, sig.method_name or PREDICT


def signature_specs(inputs, outputs, signature_def_map, signatures) -> dict:
    """{key: (inputs {arg: tensor name}, outputs {key: tensor name}, method name)}."""
    given = [
        n
        for n, v in (
            ("inputs/outputs", inputs or outputs),
            ("signature_def_map", signature_def_map),
            ("signatures", signatures),
        )
        if v
    ]
    if len(given) != 1:
        raise SmmigrateError(
            "export_session: pass exactly one of inputs=/outputs= (simple_save), signature_def_map= (Builder) "
            f"or signatures=; got {', '.join(given) or 'none'}"
        )
    specs: dict = {}
    if inputs or outputs:
        if not inputs or not outputs:
            raise SmmigrateError("export_session: simple_save-style export needs both inputs= and outputs= dicts")
        specs["serving_default"] = (
            {k: _tensor_name(v, f"inputs[{k!r}]") for k, v in dict(inputs).items()},
            {k: _tensor_name(v, f"outputs[{k!r}]") for k, v in dict(outputs).items()},
            PREDICT,
        )
        return specs
    table = signature_def_map or signatures
    if not isinstance(table, Mapping):
        raise SmmigrateError("export_session: signature_def_map must be a dict {key: SignatureDef}")
    for key, sig in table.items():
        if key.startswith("__"):
            continue  # `__saved_model_init_op` and friends: the init op is handled separately
        if hasattr(sig, "inputs") and hasattr(sig, "method_name"):
            specs[key] = _signature_from_proto(key, sig)
        elif isinstance(sig, (tuple, list)) and len(sig) in (2, 3):
            ins, outs = sig[0], sig[1]
            method = sig[2] if len(sig) == 3 else PREDICT
            specs[key] = (
                {k: _tensor_name(v, f"signature {key!r} input {k!r}") for k, v in dict(ins).items()},
                {k: _tensor_name(v, f"signature {key!r} output {k!r}") for k, v in dict(outs).items()},
                method,
            )
        else:
            raise SmmigrateError(
                f"signature {key!r}: expected a SignatureDef (predict_signature_def, ...) or (inputs, outputs), "
                f"got {type(sig).__name__}"
            )
    if not specs:
        raise SmmigrateError("export_session: no signatures to export")
    return specs


def check_tags(tags) -> None:
    if tags is None:
        return
    if isinstance(tags, str):
        tags = [tags]
    if set(tags) != {_SERVE}:
        raise SmmigrateError(
            f"export_session: tags {sorted(set(tags))} are not exactly ['serve']; a TF2 SavedModel has one "
            "MetaGraph tagged serve, so export other tag sets with TF1 or drop them"
        )


# ---------------------------------------------------------------------------- graph + values
_REF_VARS = {"Variable", "VariableV2"}


def _variable_fetches(graph) -> tuple[dict, list]:
    """{variable op name: tensor that reads its current value}; also the read ops created."""
    fetches: dict = {}
    missing = []
    for op in graph.get_operations():
        if op.type in _REF_VARS:
            fetches[op.name] = op.outputs[0]
        elif op.type == "VarHandleOp":
            # An existing read without control inputs reads the current value and runs nothing
            # else (a read created under control_dependencies would re-run e.g. an assign).
            read = next(
                (c for c in op.outputs[0].consumers() if c.type == "ReadVariableOp" and not c.control_inputs), None
            )
            if read is not None:
                fetches[op.name] = read.outputs[0]
            else:
                missing.append(op)
    created = []
    if missing:
        import tensorflow as tf

        finalized = graph.finalized
        if finalized:
            graph._unsafe_unfinalize()  # noqa: SLF001 - a read op is all we add, then it is final again
        try:
            with graph.as_default(), tf.compat.v1.name_scope("smmigrate_bridge_read"):
                for op in missing:
                    t = tf.raw_ops.ReadVariableOp(resource=op.outputs[0], dtype=op.get_attr("dtype"))
                    fetches[op.name] = t
                    created.append(t.op.name)
        finally:
            if finalized:
                graph.finalize()
    return fetches, created


def read_values(sess, fetches: dict) -> tuple[dict, list]:
    """Current values of the variables (one `sess.run`); uninitialized ones are skipped and listed."""
    import tensorflow as tf

    names = sorted(fetches)
    if not names:
        return {}, []
    try:
        got = sess.run([fetches[n] for n in names])
        return dict(zip(names, got, strict=False)), []
    except tf.errors.FailedPreconditionError:
        pass
    values, skipped = {}, []
    for n in names:  # slow path: find out which variables have no value
        try:
            values[n] = sess.run(fetches[n])
        except tf.errors.FailedPreconditionError:
            skipped.append(n)
    return values, skipped


def _asset_tensors(graph, assets_collection) -> list:
    import tensorflow as tf

    found = list(assets_collection or [])
    found += [t for t in graph.get_collection(tf.compat.v1.GraphKeys.ASSET_FILEPATHS) if t not in found]
    return found


def _add_assets(meta, sess, tensors, asset_dir: Path) -> int:
    """Copy the files the asset tensors name into `asset_dir`; record them in `meta.asset_file_def`."""
    taken = {a.filename for a in meta.asset_file_def}
    count = 0
    for t in tensors:
        name = t.name if hasattr(t, "name") else str(t)
        value = sess.run(t)
        path = Path(value.decode() if isinstance(value, bytes) else str(value))
        if not path.is_file():
            raise SmmigrateError(f"{path}: asset file of tensor {name} not found; the export needs it beside the model")
        filename, n = path.name, 1
        while filename in taken:
            n += 1
            filename = f"{path.stem}_{n}{path.suffix}"
        taken.add(filename)
        asset_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, asset_dir / filename)
        entry = meta.asset_file_def.add()
        entry.tensor_info.name = name
        entry.filename = filename
        count += 1
    return count


def _op_name(op) -> str | None:
    if op is None:
        return None
    if isinstance(op, str):
        return _proto.op_name(op)
    inner = getattr(op, "op", None)  # a Tensor: its op
    return (inner if inner is not None and hasattr(inner, "type") else op).name


# ------------------------------------------------------------------------------------ saving
def export_session(
    sess,
    export_dir,
    inputs: Mapping | None = None,
    outputs: Mapping | None = None,
    *,
    signature_def_map: Mapping | None = None,
    signatures: Mapping | None = None,
    tags=None,
    legacy_init_op=None,
    main_op=None,
    init_op=None,
    assets_collection=None,
    clear_devices: bool = True,
    overwrite: bool = False,
    **ignored,
) -> Path:
    """Export the graph of the live TF1 session `sess`, with its variables' current values, as a
    TF2 SavedModel in `export_dir` (object graph, resource variables, signatures with their method
    names, assets, table initializers). Returns the export folder. `export_dir` is a path, str or
    bytes, as TF1's Builder took it.

    Signatures: `inputs`/`outputs` ({key: tensor}, as `simple_save` took them; written as
    ``serving_default``), or `signature_def_map` ({key: SignatureDef}, as a Builder took it), or
    `signatures` ({key: SignatureDef or (inputs, outputs[, method name])}). `tags`, when given,
    must be exactly ``[serve]``. `main_op` / `legacy_init_op` / `init_op` run after the values are
    set and again whenever the export is loaded (by default: the graph's table and local-variable
    initializers). Builder/simple_save arguments that have no TF2 meaning (`strip_default_attrs`,
    `saver`, `train_op`) are accepted and ignored. Works with or without v2 behaviour disabled.
    Raises SmmigrateError; nothing is left in `export_dir` on failure.
    """
    unknown = sorted(set(ignored) - {"strip_default_attrs", "saver", "train_op"})
    if unknown:
        raise SmmigrateError(f"export_session: unexpected argument(s) {', '.join(unknown)}")
    if isinstance(export_dir, bytes):  # TF1's Builder took `compat.as_bytes(path)` too
        export_dir = os.fsdecode(export_dir)
    specs = signature_specs(inputs, outputs, signature_def_map, signatures)
    check_tags(tags)
    ops = [n for n in (_op_name(main_op), _op_name(legacy_init_op), _op_name(init_op)) if n]
    if len(ops) > 1:
        raise SmmigrateError("export_session: pass at most one of main_op, legacy_init_op, init_op")
    graph = sess.graph
    with real_tensorflow() as tf:
        with graph.as_default():
            fetches, _ = _variable_fetches(graph)
            values, skipped = read_values(sess, fetches)
            meta = tf.compat.v1.train.export_meta_graph(graph=graph, clear_devices=clear_devices)
        if ops:
            meta.collection_def["saved_model_main_op"].node_list.value[:] = ops
        with tempfile.TemporaryDirectory(prefix="smmigrate-bridge-") as scratch:
            n_assets = _add_assets(meta, sess, _asset_tensors(graph, assets_collection), Path(scratch) / "assets")
            with eager(tf):
                from . import _graphio, graph_adapter

                source = _graphio.source_from(meta, None)
                source.path = Path(f"<session graph for {export_dir}>")
                if n_assets:
                    source.export_dir = Path(scratch)
                w = graph_adapter.build(source, values=values, signatures=False, clear_devices=clear_devices)
                if skipped:
                    w.notes.append(f"variables without a value in the session, not exported: {', '.join(skipped)}")
                for key in sorted(specs):
                    ins, outs, _ = specs[key]
                    w.functions[key] = w.prune(ins, outs, label=f"signature {key}")
                return save_wrapped(w, export_dir, {k: s[2] for k, s in specs.items()}, overwrite=overwrite)
