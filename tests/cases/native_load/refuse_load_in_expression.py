# codemods: native-load, compat-names
# refused: the load result is used inside a larger expression
import tensorflow as tf


def signature_keys(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        return sorted(tf.saved_model.loader.load(sess, ["serve"], export_dir).signature_def)
# output
# refused: the load result is used inside a larger expression
import tensorflow as tf


def signature_keys(export_dir):
    with tf.Session(graph=tf.Graph()) as sess:
        return sorted(tf.compat.v1.saved_model.load(sess, ["serve"], export_dir).signature_def)
# diagnostics
# 7:23: SM210 its result is used inside a larger expression
