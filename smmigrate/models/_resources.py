"""TF2 resources the graph adapter owns: lookup tables created eagerly, and the export's initializer.

`Table` recreates one of the graph's table ops (`HashTableV2`, ...) outside the graph so every
pruned function, and a reloaded export, use the same table: TF2 gives each function of a loaded
SavedModel its own copy of an in-graph table (shared names get per-function suffixes), which leaves
the serving functions with empty tables. `Initializer` re-runs the graph's init op with asset paths
when an export is loaded (`tf.saved_model.load` runs the `_initialize` of tracked resources).
"""

from __future__ import annotations

from .._tf import import_tensorflow

tf = import_tensorflow()

from tensorflow.python.trackable import resource  # noqa: E402


class Initializer(resource.CapturableResource):
    """Re-runs the graph's init op (tables, asset-path variables) when the export is loaded."""

    def __init__(self, init_fn, assets):
        super().__init__()
        self._init_fn = init_fn
        self._assets = list(assets)

    def _create_resource(self):
        # Nothing to create; a constant keeps the traced create function valid on re-save.
        return tf.constant(1.0)

    def _initialize(self):
        return self._init_fn(*[a.asset_path for a in self._assets])


def _attr_kwargs(node_def) -> dict:
    """NodeDef attrs as keyword arguments of the matching `tf.raw_ops` function (scalars only)."""
    out = {}
    for key, av in node_def.attr.items():
        kind = av.WhichOneof("value")
        if kind == "type":
            out[key] = tf.dtypes.as_dtype(av.type)
        elif kind == "s":
            out[key] = av.s.decode()
        elif kind in ("b", "i", "f"):
            out[key] = getattr(av, kind)
        elif kind == "shape":
            out[key] = tf.TensorShape(av.shape)
    return out


class Table(resource.CapturableResource):
    """A lookup table of the graph, created eagerly so every function (and a reloaded export) shares it."""

    def __init__(self, node_def, shared_name: str):
        self._op = getattr(tf.raw_ops, node_def.op)
        self._kwargs = _attr_kwargs(node_def)
        # A unique shared name: eager kernels are cached by attributes, and two tables with equal
        # attributes would otherwise be one table.
        self._kwargs["shared_name"] = shared_name
        self._kwargs["use_node_name_sharing"] = False
        super().__init__()
        with tf.init_scope():  # create it now, eagerly, not inside the graph being imported
            self.resource_handle  # noqa: B018

    def _create_resource(self):
        return self._op(**self._kwargs)
