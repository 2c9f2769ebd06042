# codemods: native-load, compat-names
# refused: the session is handed to another function
import tensorflow as tf


def predict(export_dir, batch, run_model):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return run_model(sess, batch)
# output
# refused: the session is handed to another function
import tensorflow as tf


def predict(export_dir, batch, run_model):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return run_model(sess, batch)
# diagnostics
# 8:26: SM202 the session `sess` is passed to `run_model(...)`, which may run anythi
