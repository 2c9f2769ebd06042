"""Serving clients (TF1): sessions kept on `self` in `__init__`, run by other methods, closed by one.

argv: linear_dir. `Predictor` keeps the signature's tensor names on `self` (a local SignatureDef);
`Client` keeps the SignatureDef and the graph's tensors on `self` and fetches two outputs at once;
`Raw` runs hard-coded tensor names (`.prune` in TF2).
"""

import sys

import tensorflow as tf


class Predictor:
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


class Client:
    def __init__(self, export_dir):
        self.graph = tf.Graph()
        with self.graph.as_default():
            self.sess = tf.Session()
            meta_graph = tf.saved_model.loader.load(self.sess, ["serve"], export_dir)
        self.signature = meta_graph.signature_def["serving_default"]
        self.x = self.graph.get_tensor_by_name(self.signature.inputs["x"].name)
        self.y = self.sess.graph.get_tensor_by_name(self.signature.outputs["y"].name)
        self.z = self.graph.get_tensor_by_name(self.signature.outputs["z"].name)

    def both(self, batch):
        y, z = self.sess.run([self.y, self.z], feed_dict={self.x: batch})
        return y, z

    def as_dict(self, batch):
        return self.sess.run({"z": self.z}, {self.x: batch})


class Raw:
    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, ["serve"], export_dir)

    def predict(self, batch):
        return self.sess.run("z:0", feed_dict={"x:0": batch})


if __name__ == "__main__":
    predictor = Predictor(sys.argv[1])
    for batch in ([[1.0]], [[2.0], [3.0]]):
        value = predictor.predict(batch)
        print("predictor:", repr(value), type(value).__name__)
    predictor.close()
    client = Client(sys.argv[1])
    y, z = client.both([[0.5], [1.5]])
    print("client both:", repr(y), repr(z), type(y).__name__)
    print("client dict:", repr(client.as_dict([[4.0]])))
    raw = Raw(sys.argv[1])
    value = raw.predict([[1.0], [-1.0]])
    print("raw:", repr(value), type(value).__name__)
