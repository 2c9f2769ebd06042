# codemods: native-load, compat-names
# refused: code outside the class reads the session member of an instance
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})


model = Model("/models/linear")
print(model.predict([[1.0]]))
model.sess.close()
# output
# refused: code outside the class reads the session member of an instance
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.compat.v1.saved_model.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})


model = Model("/models/linear")
print(model.predict([[1.0]]))
model.sess.close()
# diagnostics
# 16:1: SM202 `model.sess` reads the session `self.sess` from outside the class `Model`
