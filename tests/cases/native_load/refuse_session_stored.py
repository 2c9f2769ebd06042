# codemods: native-load, compat-names
# refused: the session is stored on self after the load
import tensorflow as tf


class Model:
    def load(self, export_dir):
        sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        self.sess = sess
# output
# refused: the session is stored on self after the load
import tensorflow as tf


class Model:
    def load(self, export_dir):
        sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        self.sess = sess
# diagnostics
# 9:21: SM202 the session `sess` is stored in `self.sess`, so other code may use it
