# codemods: native-load, compat-names
# refused: code outside the class reads the session member of a new instance
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})


print(Model("/models/linear").sess.list_devices())
# output
# refused: code outside the class reads the session member of a new instance
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})


print(Model("/models/linear").sess.list_devices())
# diagnostics
# 14:7: SM202 `Model("/models/linear").sess` reads the session `self.sess` from outside the class `Model`
