# codemods: native-load, compat-names
# refused: the session member is made by another method
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self._make_session()
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def _make_session(self):
        self.sess = tf.Session(graph=tf.Graph())

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: the session member is made by another method
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self._make_session()
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def _make_session(self):
        self.sess = tf.Session(graph=tf.Graph())

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 8:9: SM202 the session `self.sess` is not created by `self.sess = tf.Session(...)` in `__init__()` before the load, in the same block
