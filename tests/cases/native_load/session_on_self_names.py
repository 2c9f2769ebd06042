# codemods: native-load, compat-names
# a serving client: the session lives on `self`, other methods run it
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("y:0", feed_dict={"x:0": batch})
# output
# a serving client: the session lives on `self`, other methods run it
import tensorflow as tf


class Model:
    def __init__(self, export_dir):
        self.loaded = tf.saved_model.load(export_dir, tags=["serve"])
        self.pruned = self.loaded.prune(["x:0"], "y:0")

    def predict(self, batch):
        return self.pruned(tf.cast(batch, self.pruned.inputs[0].dtype)).numpy()
# diagnostics
# 11:16: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`
