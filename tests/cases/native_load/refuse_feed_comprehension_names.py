# codemods: native-load, compat-names
# refused: the feed comprehension's keys are tensor names the signature does not give
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        return sess.run(signature.outputs["y"].name, feed_dict={name + ":0": v for name, v in data.items()})
# output
# refused: the feed comprehension's keys are tensor names the signature does not give
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.compat.v1.saved_model.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        return sess.run(signature.outputs["y"].name, feed_dict={name + ":0": v for name, v in data.items()})
# diagnostics
# 9:64: SM203 the feeds `{name + ":0": v for name, v in data.items()}` are built at run time, and their keys are not signature inputs
