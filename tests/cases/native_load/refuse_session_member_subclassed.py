# codemods: native-load, compat-names
# refused: a subclass may use the session member
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})


class Scaled(Model):
    def predict(self, batch):
        return 2 * super().predict(batch)
# output
# refused: a subclass may use the session member
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})


class Scaled(Model):
    def predict(self, batch):
        return 2 * super().predict(batch)
# diagnostics
# 14:14: SM202 the class `Model` keeps its session in `self.sess` and is subclassed by `Scaled`, whose methods may use it
