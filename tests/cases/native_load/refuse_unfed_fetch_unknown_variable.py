# codemods: native-load, compat-names
# refused: a name fetched with no feeds, like a variable read, that no TF1 code here creates
import tensorflow as tf


def global_step(path):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], path)
        return sess.run("global_step:0")
# output
# refused: a name fetched with no feeds, like a variable read, that no TF1 code here creates
import tensorflow as tf


def global_step(path):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], path)
        return sess.run("global_step:0")
# diagnostics
# 8:16: SM203 `global_step:0` is fetched with no feeds, as a variable is read, but no TF1 code in this module creates a variable of that name
