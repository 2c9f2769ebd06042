"""Feed and fetch dicts filled in loops over the SignatureDef's keys (TF1), with the SignatureDef map
kept whole: looked up by tensor, by `.name` alone, over the caller's data or over the signature.

argv: linear_dir (x -> y, z).
"""

import sys

import numpy as np
import tensorflow as tf

KEY = "serving_default"


def run_lookups(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signatures = meta_graph_def.signature_def
        feed_dict = {}
        for name in data:
            input_tensor = sess.graph.get_tensor_by_name(signatures[KEY].inputs[name].name)
            feed_dict[input_tensor] = data[name]
        output_dict = {}
        for name, info in signatures[KEY].outputs.items():
            output_dict[name] = sess.graph.get_tensor_by_name(info.name)
        results = sess.run(output_dict, feed_dict=feed_dict)
        return {k: results[k] for k in sorted(results)}


def run_names(path, batch):
    graph = tf.Graph()
    with tf.Session(graph=graph) as sess:
        meta = tf.saved_model.loader.load(sess, ["serve"], path)
        sig = meta.signature_def[KEY]
        feeds = {}
        for key, info in sig.inputs.items():
            feeds[info.name] = batch
        fetches = {}
        for key in sig.outputs:
            fetches[key] = sig.outputs[key].name
        out = sess.run(fetches, feeds)
        print("fetched", sorted(out), len(fetches))
        return out["z"]


if __name__ == "__main__":
    for name, value in run_lookups(sys.argv[1], {"x": np.array([[1.0], [3.0]], np.float32)}).items():
        print(name, repr(value))
    print("z", repr(run_names(sys.argv[1], [[2.0]])))
