# codemods: native-load, compat-names
# refused: the session lives on the object and serves later calls
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: the session lives on the object and serves later calls
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 8:9: SM202 the session `self.sess` is stored on an object, so other code may use
