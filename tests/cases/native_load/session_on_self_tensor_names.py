# codemods: native-load, compat-names
# a serving client keeps the signature's tensor names on `self` and closes its session
import tensorflow as tf


class Predictor(object):
    def __init__(self, export_dir, signature_key="serving_default"):
        self.graph = tf.Graph()
        self.sess = tf.Session(graph=self.graph)
        meta = tf.saved_model.loader.load(self.sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        sig = meta.signature_def[signature_key]
        self.input_name = sig.inputs["x"].name
        self.output_name = sig.outputs["y"].name

    def predict(self, batch):
        return self.sess.run(self.output_name, feed_dict={self.input_name: batch})

    def close(self):
        self.sess.close()
# output
# a serving client keeps the signature's tensor names on `self` and closes its session
import tensorflow as tf


class Predictor(object):
    def __init__(self, export_dir, signature_key="serving_default"):
        self.loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
        self.signature_fn = self.loaded.signatures[signature_key]

    def predict(self, batch):
        return self.signature_fn(x=batch)["y"].numpy()

    def close(self):
        pass
