# codemods: native-load, compat-names
# refused: the session is configured
import tensorflow as tf


def predict(export_dir, batch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    with tf.Session(graph=tf.Graph(), config=config) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: the session is configured
import tensorflow as tf


def predict(export_dir, batch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    with tf.Session(graph=tf.Graph(), config=config) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 7:39: SM206 the session is created with `config=config`, which has no per-call TF2
