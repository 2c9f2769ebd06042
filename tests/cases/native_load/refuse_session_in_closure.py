# codemods: native-load, compat-names
# refused: a nested function closes over the session and may run after the block
import tensorflow as tf


def make_predictor(export_dir):
    sess = tf.Session(graph=tf.Graph())
    tf.saved_model.loader.load(sess, ["serve"], export_dir)

    def predict(batch):
        return sess.run("y:0", feed_dict={"x:0": batch})

    return predict
# output
# refused: a nested function closes over the session and may run after the block
import tensorflow as tf


def make_predictor(export_dir):
    sess = tf.Session(graph=tf.Graph())
    tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)

    def predict(batch):
        return sess.run("y:0", feed_dict={"x:0": batch})

    return predict
# diagnostics
# 10:16: SM202 the session `sess` is used inside `predict()`, which may run at any ti
