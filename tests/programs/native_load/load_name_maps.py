"""Feeds and fetches derived from the SignatureDef (TF1): name maps, a comprehension, a name list,
the only input's name unpacked and looked up in the graph.

argv: linear_dir (x -> y, z).
"""

import sys

import numpy as np
import tensorflow as tf


def run_maps(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        feeds = {k: v.name for k, v in signature.inputs.items()}
        fetches = {k: signature.outputs[k].name for k in signature.outputs}
        output_names = sorted(fetches)
        result = sess.run(fetches, feed_dict={feeds[k]: data[k] for k in feeds})
        for name in output_names:
            print(name, repr(result[name]), type(result[name]).__name__)
        print("keys:", sorted(result), len(feeds), "x" in feeds)


def run_inline(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        inputs = {key: tensor.name for key, tensor in meta.signature_def["serving_default"].inputs.items()}
        outputs = {key: tensor.name for key, tensor in meta.signature_def["serving_default"].outputs.items()}
        sig = meta.signature_def["serving_default"]
        names = [sig.outputs["z"].name, sig.outputs["y"].name]
        y = sess.run(outputs["y"], {inputs["x"]: batch})
        z, y2 = sess.run(names, feed_dict={sig.inputs[k].name: v for k, v in {"x": batch}.items()})
        return y, z, y2


def run_sole(export_dir, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta.signature_def["serving_default"]
        (in_name,) = [t.name for t in sig.inputs.values()]
        out_name = sig.outputs["z"].name
        return sess.run(graph.get_tensor_by_name(out_name), feed_dict={graph.get_tensor_by_name(in_name): batch})


if __name__ == "__main__":
    run_maps(sys.argv[1], {"x": np.array([[1.0], [2.0]], np.float32)})
    for value in run_inline(sys.argv[1], [[0.5], [4.0]]):
        print("inline:", repr(value), type(value).__name__)
    print("sole:", repr(run_sole(sys.argv[1], [[1.0], [2.0]])))
