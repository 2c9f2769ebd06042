# codemods: native-load, compat-names
# refused: a method checks for the session member by name
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})

    def loaded(self):
        return hasattr(self, "sess")
# output
# refused: a method checks for the session member by name
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})

    def loaded(self):
        return hasattr(self, "sess")
# diagnostics
# 14:30: SM202 the member `self.sess` is named by the string "sess" in `loaded()`, so it may be read or set
