# codemods: native-load, compat-names
# refused: a method hands the session member to a callback defined inside it
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predictor(self):
        def predict(batch):
            return self.sess.run("y:0", feed_dict={"x:0": batch})

        return predict
# output
# refused: a method hands the session member to a callback defined inside it
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predictor(self):
        def predict(batch):
            return self.sess.run("y:0", feed_dict={"x:0": batch})

        return predict
# diagnostics
# 12:20: SM202 the session `self.sess` is used inside `predict()`, which may run at any time
