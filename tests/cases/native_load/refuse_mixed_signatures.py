# codemods: native-load, compat-names
# refused: one sess.run fetches from two signatures
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        a = meta_graph.signature_def["a"]
        b = meta_graph.signature_def["b"]
        return sess.run([a.outputs["y"].name, b.outputs["y"].name], {a.inputs["x"].name: batch})
# output
# refused: one sess.run fetches from two signatures
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        a = meta_graph.signature_def["a"]
        b = meta_graph.signature_def["b"]
        return sess.run([a.outputs["y"].name, b.outputs["y"].name], {a.inputs["x"].name: batch})
# diagnostics
# 10:16: SM212 one `sess.run` feeds or fetches tensors of two signatures
