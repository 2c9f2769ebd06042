# codemods: native-load, compat-names
# refused: new ops are built on a loaded tensor
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        y = sess.graph.get_tensor_by_name("y:0")
        doubled = y * 2
        return sess.run(doubled, feed_dict={"x:0": batch})
# output
# refused: new ops are built on a loaded tensor
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        y = sess.graph.get_tensor_by_name("y:0")
        doubled = y * 2
        return sess.run(doubled, feed_dict={"x:0": batch})
# diagnostics
# 9:19: SM209 the tensor `y` is used to build `doubled`, a new op the TF2 signature
