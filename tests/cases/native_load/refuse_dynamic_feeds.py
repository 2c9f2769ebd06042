# codemods: native-load, compat-names
# refused: the feed dict is built elsewhere
import tensorflow as tf


def predict(export_dir, feeds):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict=feeds)
# output
# refused: the feed dict is built elsewhere
import tensorflow as tf


def predict(export_dir, feeds):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict=feeds)
# diagnostics
# 8:42: SM203 the feeds `feeds` are built at run time, so the signature inputs they
