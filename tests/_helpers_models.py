"""Tiny TF2 SavedModels for the method-names/inspect/verify tests, exported on demand.

Each export is a `tf.Module` computing ``y = a * x + b`` (signature ``serving_default``) and
optionally ``z = 2 * a * x`` (signature ``double``), so tests know every output exactly and can
change one weight, one dtype or drop one signature; input/output keys can be renamed to match
another model's. TensorFlow is passed in by the caller (the
session-wide ``tf`` fixture), so importing this module stays cheap.
"""

from __future__ import annotations

from pathlib import Path


def export_affine(
    tf,
    path: Path,
    *,
    a: float = 0.5,
    b: float = 2.0,
    dtype=None,
    keys=("serving_default", "double"),
    input_name: str = "x",
    output_name: str = "y",
) -> Path:
    dtype = dtype or tf.float32
    module = tf.Module()
    module.a = tf.Variable(a, dtype=dtype, name="a")
    module.b = tf.Variable(b, dtype=dtype, name="b")
    spec = [tf.TensorSpec([None, 1], dtype, name=input_name)]

    @tf.function(input_signature=spec)
    def affine(x):
        return {output_name: module.a * x + module.b}

    @tf.function(input_signature=spec)
    def double(x):
        return {"z": 2 * module.a * x}

    available = {"serving_default": affine, "double": double}
    signatures = {k: available[k] for k in keys}
    module.affine, module.double = affine, double
    tf.saved_model.save(module, str(path), signatures=signatures)
    return Path(path)
