# codemods: native-load, compat-names
# refused: several fetches inside a larger expression
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        print(sess.run([sig.outputs["y"].name, sig.outputs["z"].name], {sig.inputs["x"].name: batch}))
# output
# refused: several fetches inside a larger expression
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        print(sess.run([sig.outputs["y"].name, sig.outputs["z"].name], {sig.inputs["x"].name: batch}))
# diagnostics
# 9:15: SM208 `sess.run` with several fetches sits inside a larger expression
