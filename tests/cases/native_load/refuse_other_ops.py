# codemods: native-load, compat-names
# refused: the session also runs an initializer after the load
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sess.run(tf.tables_initializer())
        sig = meta_graph.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
# output
# refused: the session also runs an initializer after the load
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sess.run(tf.tables_initializer())
        sig = meta_graph.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
# diagnostics
# 8:18: SM201 the session also runs `tf.tables_initializer()`, an op that is not par
