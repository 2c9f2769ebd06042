"""Serving client in the style of TF's own integration tests: the SignatureDef map is kept whole,
feeds and fetches are collected in loops over the signature's keys, and one session serves the
module."""
import numpy as np
import tensorflow as tf

EXPORT_DIR = "map_model"
SIGNATURE_KEY = tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY


def export():
    with tf.Graph().as_default():
        a = tf.placeholder(tf.float32, [None, 2], name="a")
        b = tf.placeholder(tf.float32, [None, 2], name="b")
        w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
        total = tf.add(tf.matmul(a, w), b, name="total")
        diff = tf.subtract(a, b, name="diff")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, EXPORT_DIR, {"a": a, "b": b}, {"total": total, "diff": diff})


export()
sess = tf.Session(graph=tf.Graph())
meta_graph_def = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], EXPORT_DIR)
signatures = meta_graph_def.signature_def
inputs = {"a": np.array([[1.0, 0.0]], np.float32), "b": np.array([[0.5, 0.5]], np.float32)}
feed_dict = {}
for name in inputs:
    feed_dict[sess.graph.get_tensor_by_name(signatures[SIGNATURE_KEY].inputs[name].name)] = inputs[name]
output_dict = {}
for name, info in signatures[SIGNATURE_KEY].outputs.items():
    output_dict[name] = sess.graph.get_tensor_by_name(info.name)
results = sess.run(output_dict, feed_dict=feed_dict)
for name in sorted(results):
    print(name, results[name].tolist())
sess.close()
