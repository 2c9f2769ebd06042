# codemods: native-load, compat-names
# refused: another method puts something else in the session member
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})

    def reset(self):
        self.sess = None
# output
# refused: another method puts something else in the session member
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})

    def reset(self):
        self.sess = None
# diagnostics
# 14:9: SM202 the session `self.sess` is assigned again in `reset()`, so it may hold another object
