# codemods: native-load, compat-names
# a client with two models, each in its own session on `self`
import tensorflow as tf


class Ensemble:
    def __init__(self, first_dir, second_dir):
        self.first = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.first, ["serve"], first_dir)
        self.second = tf.Session(graph=tf.Graph())
        meta = tf.saved_model.loader.load(self.second, ["serve"], second_dir)
        self.sig = meta.signature_def["serving_default"]

    def predict(self, batch):
        a = self.first.run("y:0", feed_dict={"x:0": batch})
        b = self.second.run(self.sig.outputs["y"].name, feed_dict={self.sig.inputs["x"].name: batch})
        return a + b
# output
# a client with two models, each in its own session on `self`
import tensorflow as tf


class Ensemble:
    def __init__(self, first_dir, second_dir):
        self.loaded = tf.saved_model.load(first_dir, tags=["serve"])
        self.pruned = self.loaded.prune(["x:0"], "y:0")
        self.loaded_2 = tf.saved_model.load(second_dir, tags=["serve"])
        self.sig = self.loaded_2.signatures["serving_default"]

    def predict(self, batch):
        a = self.pruned(tf.cast(batch, self.pruned.inputs[0].dtype)).numpy()
        b = self.sig(x=batch)["y"].numpy()
        return a + b
# diagnostics
# 14:13: SM220 hard-coded tensor names (x:0, y:0) are fetched with `.prune`
