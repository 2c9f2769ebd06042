# codemods: native-load, compat-names
# refused: sess.run with run options
import tensorflow as tf


def predict(export_dir, batch, options):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch}, options=options)
# output
# refused: sess.run with run options
import tensorflow as tf


def predict(export_dir, batch, options):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch}, options=options)
# diagnostics
# 8:58: SM207 `sess.run` is given `options=options` (run options and metadata have n
