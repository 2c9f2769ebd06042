"""A TF1 SavedModel served by a TF1 Session: the reference when TF2's loader refuses the export.

`tf.saved_model.load` refuses some TF1 exports that TF1 served without complaint: signatures whose
outputs are reference tensors (a counter's `counter:0`, an `assign_add` result), or graphs whose
recorded metadata (`_output_shapes`) contradicts their nodes. `verify` still needs the original's
outputs to compare an upgrade with, so this module runs the original the way TF Serving's TF1
loader did: its graph (sanitized like the graph adapter's: devices cleared, recorded shapes dropped)
imported into a private `tf.Graph`, the variables restored by the graph's own saver, the init op run
with the assets fed, and each signature run with `Session.run`. The signatures behave like
ConcreteFunctions for `verify` (`structured_input_signature`, `structured_outputs`, keyword call),
and they share the one Session, so stateful signatures keep their state across calls.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._tf import import_tensorflow
from ..errors import SmmigrateError
from . import _graphio

tf = import_tensorflow()

__all__ = ["SessionModel", "load_session_model"]


class _SessionSignature:
    """One SignatureDef run in the shared Session; called with keyword tensors, returns numpy arrays."""

    def __init__(self, model: SessionModel, inputs: dict, outputs: dict) -> None:
        self._model = model  # keeps the Session alive while the signature is
        self._inputs = inputs  # key -> graph tensor
        self._outputs = outputs  # key -> graph tensor
        specs = {k: tf.TensorSpec(t.shape, t.dtype.base_dtype, name=k) for k, t in inputs.items()}
        self.structured_input_signature = ((), specs)
        self.structured_outputs = {k: tf.TensorSpec(t.shape, t.dtype.base_dtype) for k, t in outputs.items()}

    def __call__(self, **feeds):
        unknown = sorted(set(feeds) - set(self._inputs))
        if unknown:
            raise TypeError(f"unexpected inputs {unknown}")
        feed_dict = {self._inputs[k]: (v.numpy() if hasattr(v, "numpy") else v) for k, v in feeds.items()}
        return self._model.session.run(dict(self._outputs), feed_dict=feed_dict)


class SessionModel:
    """The graph, its Session, the signatures (`functions`) and how it was loaded (`notes`)."""

    def __init__(self, graph, session, functions: dict, notes: list) -> None:
        self.graph = graph
        self.session = session
        self.functions = functions
        self.notes = notes

    def close(self) -> None:
        self.session.close()


def load_session_model(export_dir, tags: tuple, *, why: str = "") -> SessionModel:
    """Load the TF1 SavedModel `export_dir` (MetaGraph `tags`) into a TF1 Session; see the module docstring."""
    export_dir = Path(export_dir)
    source = _graphio.source_from(export_dir, tags or None)
    meta = _graphio.sanitize(source.meta_graph, True)
    tf1 = tf.compat.v1
    graph = tf.Graph()
    notes = []
    if why:
        notes.append(f"{export_dir}: TF 2.21's tf.saved_model.load refuses it ({why}); run in a TF1 Session instead")

    def fail(what: str, exc: BaseException):
        msg = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        return SmmigrateError(
            f"{export_dir}: cannot run it in a TF1 Session either ({what}: {msg}); the export is broken: "
            "re-export it from the training code"
        )

    with graph.as_default():
        try:
            saver = tf1.train.import_meta_graph(meta, clear_devices=True)
        except (ValueError, KeyError, tf.errors.OpError) as exc:
            raise fail("importing the graph", exc) from None
        session = tf1.Session(graph=graph)
        try:
            prefix = export_dir / "variables" / "variables"
            if saver is not None and _graphio.variable_defs(meta):
                saver.restore(session, os.fspath(prefix))
            feeds = {}
            for tensor, filename in _graphio.asset_feeds(meta):
                feeds[graph.get_tensor_by_name(tensor)] = _graphio.resolve_asset(source, filename)
            init = [graph.get_operation_by_name(n) for n in _graphio.init_op_names(meta) if n]
            if init:
                session.run(init, feed_dict=feeds)
            functions = {}
            for key, sig in meta.signature_def.items():
                if key.startswith("__"):
                    continue
                ins = {k: graph.get_tensor_by_name(i.name) for k, i in sig.inputs.items()}
                outs = {k: graph.get_tensor_by_name(i.name) for k, i in sig.outputs.items()}
                functions[key] = (ins, outs)
        except (ValueError, KeyError, tf.errors.OpError, SmmigrateError) as exc:
            session.close()
            if isinstance(exc, SmmigrateError):
                raise
            raise fail("restoring and initializing", exc) from None
    model = SessionModel(graph, session, {}, notes)
    model.functions = {k: _SessionSignature(model, ins, outs) for k, (ins, outs) in sorted(functions.items())}
    return model
