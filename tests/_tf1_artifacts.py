"""TF1 SavedModels that TF 2.21 struggles with, written the TF1 way: `python tests/_tf1_artifacts.py OUT`.

Run in its own process: TensorFlow is used as TF1 code used it (`tf.compat.v1` with v2 behaviour
disabled, reference variables, `SavedModelBuilder`), then some SignatureDefs are edited in the
protobuf the way old exporters got them wrong. Tests call `write_all(out)` through a subprocess
(`generate(out)`), so every test session builds fresh artifacts in a tmp folder. Writes:

- `regress_mismatch/`: a regress signature whose input is a serialized tf.Example string tensor
  (?,) while its TensorInfo says float32 scalar (dtype and rank wrong): y = 0.5 * x + 2.
- `output_shapes_mismatch/`: that model with the placeholder's own `shape` attribute recorded as a
  scalar while its `_output_shapes` say (?,): TF 2.21's `tf.saved_model.load` refuses it.
- `rank_mismatch/`: predict x float32 (?, 3) recorded as (?,) (rank wrong): y = x . w + b.
- `dtype_mismatch/`: the same model with x recorded as int64 and y as double (dtype wrong).
- `missing_init/`: the rank model whose legacy_init_op collection names an op the graph lacks.
- `counter/`: a reference-variable counter with `incr`, `incr_by(delta)`, `reset`, `get`
  signatures whose outputs are the float_ref tensors of the variable and its assignments.
- `batch_one/`: x declared (?, 3) but joined with a (1, 1) constant inside the graph: only batch 1 runs.
- `dense/`: y = relu(x . w + b) * scale with w, b trainable and `scale` not (trainable_variables
  collection present), an L2 loss on w and an activity loss on x in `regularization_losses`; for
  the Reusable SavedModel / fine-tuning tests.

`expected.json` in OUT records the numbers the tests compare with.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

W = [[1.0], [-2.0], [0.5]]
B = [0.25]


def _tf():
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    tf.compat.v1.disable_v2_behavior()
    return tf.compat.v1


def _save(tf1, sess, export: Path, sigs: dict, **kwargs) -> None:
    builder = tf1.saved_model.Builder(os.fspath(export))
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=sigs, **kwargs)
    builder.save()


def _edit(export: Path, edit) -> None:
    """Apply `edit(meta_graph)` to the SavedModel protobuf (the way a broken exporter wrote it)."""
    from tensorflow.core.protobuf import saved_model_pb2

    path = export / "saved_model.pb"
    sm = saved_model_pb2.SavedModel()
    sm.ParseFromString(path.read_bytes())
    edit(sm.meta_graphs[0])
    path.write_bytes(sm.SerializeToString())


def regress_mismatch(tf1, out: Path) -> None:
    with tf1.Graph().as_default(), tf1.Session() as sess:
        serialized = tf1.placeholder(tf1.string, [None], name="tf_example")
        feats = tf1.parse_example(serialized, {"x": tf1.FixedLenFeature([1], tf1.float32)})
        a = tf1.Variable(0.5, name="a", use_resource=False)
        b = tf1.Variable(2.0, name="b", use_resource=False)
        y = tf1.add(a * feats["x"], b, name="y")
        sess.run(tf1.global_variables_initializer())
        sig = tf1.saved_model.regression_signature_def(serialized, y)
        _save(tf1, sess, out / "regress_mismatch", {"regress_x_to_y": sig, "serving_default": sig})

    def edit(mg):
        for key in ("regress_x_to_y", "serving_default"):
            info = mg.signature_def[key].inputs["inputs"]
            info.dtype = 1  # DT_FLOAT
            info.tensor_shape.Clear()  # a scalar: rank 0

    _edit(out / "regress_mismatch", edit)
    # The same model whose placeholder node declares a scalar while its recorded _output_shapes
    # (and what the exporter fed) say (?,): TF 2.21's loader refuses the graph itself.
    shutil.copytree(out / "regress_mismatch", out / "output_shapes_mismatch")

    def node_edit(mg):
        edit(mg)
        for node in mg.graph_def.node:
            if node.name == "tf_example":
                node.attr["shape"].shape.Clear()

    _edit(out / "output_shapes_mismatch", node_edit)


def _affine(tf1, sess):
    x = tf1.placeholder(tf1.float32, [None, 3], name="x")
    w = tf1.Variable(W, name="w", use_resource=False)
    b = tf1.Variable(B, name="b", use_resource=False)
    y = tf1.add(tf1.matmul(x, w), b, name="y")
    sess.run(tf1.global_variables_initializer())
    return x, y


def rank_and_dtype_mismatch(tf1, out: Path) -> None:
    for name in ("rank_mismatch", "dtype_mismatch", "missing_init"):
        with tf1.Graph().as_default(), tf1.Session() as sess:
            x, y = _affine(tf1, sess)
            noop = tf1.no_op(name="init_tables")
            sig = tf1.saved_model.predict_signature_def({"x": x}, {"y": y})
            _save(tf1, sess, out / name, {"serving_default": sig}, legacy_init_op=noop)

    def rank(mg):
        mg.signature_def["serving_default"].inputs["x"].tensor_shape.dim.pop()

    def dtype(mg):
        mg.signature_def["serving_default"].inputs["x"].dtype = 9  # DT_INT64
        mg.signature_def["serving_default"].outputs["y"].dtype = 2  # DT_DOUBLE

    def missing(mg):
        for key in ("legacy_init_op", "saved_model_main_op"):
            if key in mg.collection_def:
                del mg.collection_def[key].node_list.value[:]
                mg.collection_def[key].node_list.value.append("init_tables_gone")

    _edit(out / "rank_mismatch", rank)
    _edit(out / "dtype_mismatch", dtype)
    _edit(out / "missing_init", missing)


def batch_one(tf1, out: Path) -> None:
    """x is [?, 3] but the graph joins it with a batch-1 constant: only batch 1 runs, as in some TF1 exports."""
    with tf1.Graph().as_default(), tf1.Session() as sess:
        x = tf1.placeholder(tf1.float32, [None, 3], name="x")
        w = tf1.Variable([*W, [1.0]], name="w", use_resource=False)
        bias_column = tf1.ones([1, 1], name="bias_column")
        y = tf1.matmul(tf1.concat([x, bias_column], 1), w, name="y")
        sess.run(tf1.global_variables_initializer())
        sig = tf1.saved_model.predict_signature_def({"x": x}, {"y": y})
        _save(tf1, sess, out / "batch_one", {"serving_default": sig})


def counter(tf1, out: Path) -> None:
    with tf1.Graph().as_default(), tf1.Session() as sess:
        c = tf1.Variable(0.0, name="counter", use_resource=False)
        delta = tf1.placeholder(tf1.float32, [], name="delta")
        incr = tf1.assign_add(c, 1.0, name="incr")
        incr_by = tf1.assign_add(c, delta, name="incr_by")
        reset = tf1.assign(c, 0.0, name="reset")
        sess.run(tf1.global_variables_initializer())
        info = tf1.saved_model.utils.build_tensor_info
        sig = tf1.saved_model.signature_def_utils.build_signature_def
        predict = tf1.saved_model.PREDICT_METHOD_NAME
        sigs = {
            "incr": sig({}, {"output": info(incr)}, predict),
            "incr_by": sig({"delta": info(delta)}, {"output": info(incr_by)}, predict),
            "reset": sig({}, {"output": info(reset)}, predict),
            "get": sig({}, {"output": info(c)}, predict),
        }
        _save(tf1, sess, out / "counter", sigs)


def dense(tf1, out: Path) -> None:
    with tf1.Graph().as_default(), tf1.Session() as sess:
        x = tf1.placeholder(tf1.float32, [None, 3], name="x")
        w = tf1.Variable(W, name="w", use_resource=False)
        b = tf1.Variable(B, name="b", use_resource=False)
        scale = tf1.Variable(2.0, name="scale", trainable=False, use_resource=False)
        y = tf1.multiply(tf1.nn.relu(tf1.matmul(x, w) + b), scale, name="y")
        tf1.add_to_collection(tf1.GraphKeys.REGULARIZATION_LOSSES, tf1.multiply(0.01, tf1.nn.l2_loss(w), name="w_l2"))
        # An activity loss needs the input: no no-argument function can compute it.
        tf1.add_to_collection(tf1.GraphKeys.REGULARIZATION_LOSSES, tf1.reduce_mean(x, name="activity"))
        sess.run(tf1.global_variables_initializer())
        sig = tf1.saved_model.predict_signature_def({"x": x}, {"y": y})
        _save(tf1, sess, out / "dense", {"serving_default": sig})


def counter_session_run(tf1, export: Path) -> list:
    """The counter's call sequence in a TF1 Session: incr x3, get, incr_by(2.5), get, reset, get."""
    results = []
    with tf1.Graph().as_default(), tf1.Session() as sess:
        mg = tf1.saved_model.loader.load(sess, ["serve"], os.fspath(export))
        sigs = mg.signature_def

        def call(key, feeds=None):
            sig = sigs[key]
            feed = {sig.inputs[k].name: v for k, v in (feeds or {}).items()}
            return float(sess.run(sig.outputs["output"].name, feed))

        for _ in range(3):
            results.append(call("incr"))
        results.append(call("get"))
        results.append(call("incr_by", {"delta": 2.5}))
        results.append(call("get"))
        results.append(call("reset"))
        results.append(call("get"))
    return results


X = [[1.0, 0.5, 2.0], [0.2, -1.0, 0.3]]
REGRESS_X = [1.0, 3.0]


def session_outputs(tf1, export: Path, key: str, output: str, feeds: dict) -> list:
    """What a TF1 Session serving `export` returns for signature `key` (the reference for upgrades)."""
    with tf1.Graph().as_default(), tf1.Session() as sess:
        mg = tf1.saved_model.loader.load(sess, ["serve"], os.fspath(export))
        sig = mg.signature_def[key]
        feed = {sig.inputs[k].name: v for k, v in feeds.items()}
        return sess.run(sig.outputs[output].name, feed).tolist()


def examples(tf1, values: list) -> list:
    return [
        tf1.train.Example(
            features=tf1.train.Features(feature={"x": tf1.train.Feature(float_list=tf1.train.FloatList(value=[v]))})
        ).SerializeToString()
        for v in values
    ]


def write_all(out: Path) -> dict:
    tf1 = _tf()
    out.mkdir(parents=True, exist_ok=True)
    regress_mismatch(tf1, out)
    rank_and_dtype_mismatch(tf1, out)
    counter(tf1, out)
    dense(tf1, out)
    batch_one(tf1, out)
    expected = {
        "counter_sequence": counter_session_run(tf1, out / "counter"),
        "w": W,
        "b": B,
        # TF1 Session outputs of the originals whose TensorInfos lie (the graph is what ran).
        "affine_y": session_outputs(tf1, out / "rank_mismatch", "serving_default", "y", {"x": X}),
        "regress_y": session_outputs(
            tf1, out / "regress_mismatch", "serving_default", "outputs", {"inputs": examples(tf1, REGRESS_X)}
        ),
    }
    (out / "expected.json").write_text(json.dumps(expected))
    return expected


def generate(out: Path) -> dict:
    """Write every artifact into `out` from a fresh process (v2 behaviour disabled there only)."""
    subprocess.run([sys.executable, __file__, os.fspath(out)], check=True, capture_output=True, timeout=600)
    return json.loads((Path(out) / "expected.json").read_text())


if __name__ == "__main__":
    write_all(Path(sys.argv[1]))
