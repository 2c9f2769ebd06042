"""Load TF1-written and TF2-written SavedModels side by side (plain TF2) and print what to compare.

``compare_exports.py SPEC.json``; SPEC is a list of ``{"name", "tf1", "tf2", "feeds"}``. For each
model it prints, as one JSON line: tags, signatures with method name, input/output dtypes and
shapes (from saved_model.pb), whether fingerprint.pb exists, the saved variables' names and shapes
(TF1: the checkpoint's keys; TF2: the object graph's variables), and every signature's outputs when
called with the same inputs. ``feeds[signature or "*"][input]`` is ``{"examples": [{feature:
[floats]}]}`` (serialized tf.Example) or ``{"values": ...}``; other inputs get generated values.
"""
import json
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.core.protobuf import saved_model_pb2


def describe(export_dir):
    proto = saved_model_pb2.SavedModel()
    with open(os.path.join(export_dir, "saved_model.pb"), "rb") as fh:
        proto.ParseFromString(fh.read())
    meta = []
    for mg in proto.meta_graphs:
        sigs = {}
        for key, sig in mg.signature_def.items():
            if key.startswith("__"):
                continue
            info = lambda m: {k: [v.dtype, [d.size for d in v.tensor_shape.dim] if not v.tensor_shape.unknown_rank else None] for k, v in m.items()}
            sigs[key] = {"method": sig.method_name, "inputs": info(sig.inputs), "outputs": info(sig.outputs)}
        meta.append({"tags": sorted(mg.meta_info_def.tags), "signatures": sigs})
    return meta


def variables(export_dir):
    """{name: shape} of the saved variables: TF2 names them in the object graph (`tf.Variable(name=)`),
    TF1 SavedModels only by their checkpoint keys."""
    proto = saved_model_pb2.SavedModel()
    with open(os.path.join(export_dir, "saved_model.pb"), "rb") as fh:
        proto.ParseFromString(fh.read())
    nodes = proto.meta_graphs[0].object_graph_def.nodes
    found = {
        n.variable.name.split(":")[0]: [d.size for d in n.variable.shape.dim]
        for n in nodes
        if n.WhichOneof("kind") == "variable"
    }
    if found:
        return found
    prefix = os.path.join(export_dir, "variables", "variables")
    if not os.path.exists(prefix + ".index"):
        return {}
    return {k: list(s) for k, s in tf.train.list_variables(prefix) if not k.startswith("_CHECKPOINTABLE")}


def example(features):
    feats = {k: tf.train.Feature(float_list=tf.train.FloatList(value=v)) for k, v in features.items()}
    return tf.train.Example(features=tf.train.Features(feature=feats)).SerializeToString()


def make_input(spec, given):
    if given is not None and "examples" in given:
        return tf.constant([example(f) for f in given["examples"]])
    if given is not None:
        return tf.constant(given["values"], dtype=spec.dtype)
    dims = [2 if d is None else d for d in spec.shape] if spec.shape.rank is not None else [2]
    size = int(np.prod(dims))
    if spec.dtype == tf.string:
        return tf.constant(np.array([f"s{i}".encode() for i in range(size)]).reshape(dims))
    if spec.dtype.is_integer:
        return tf.constant((np.arange(size) % 4).reshape(dims), dtype=spec.dtype)
    return tf.constant(np.linspace(-1.0, 2.0, size).reshape(dims), dtype=spec.dtype)


def outputs(export_dir, feeds):
    loaded = tf.saved_model.load(export_dir)
    out = {}
    for key, fn in loaded.signatures.items():
        _, kwargs = fn.structured_input_signature
        given = {**feeds.get("*", {}), **feeds.get(key, {})}
        args = {name: make_input(spec, given.get(name, given.get((spec.name or name).split(":")[0]))) for name, spec in kwargs.items()}
        result = fn(**args)
        out[key] = {k: (np.asarray(v.numpy(), dtype=float).tolist() if v.dtype != tf.string else [str(s) for s in v.numpy().ravel()]) for k, v in result.items()}
    return out


def main(spec_path):
    with open(spec_path) as fh:
        pairs = json.load(fh)
    report = []
    for pair in pairs:
        entry = {"name": pair["name"]}
        for side in ("tf1", "tf2"):
            d = pair[side]
            entry[side] = {
                "meta": describe(d),
                "fingerprint": os.path.exists(os.path.join(d, "fingerprint.pb")),
                "variables": variables(d),
                "outputs": outputs(d, pair.get("feeds", {})),
            }
        report.append(entry)
    print("REPORT " + json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1])
