# codemods: native-load, compat-names
# a client keeps the SignatureDef and the graph's tensors on `self`
import tensorflow as tf


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
        return y + z

    def only_y(self, batch):
        outputs = batch
        return self.sess.run(self.y, {self.x: outputs})
# output
# a client keeps the SignatureDef and the graph's tensors on `self`
import tensorflow as tf


class Client:
    def __init__(self, export_dir):
        self.loaded = tf.saved_model.load(export_dir, tags=["serve"])
        self.signature = self.loaded.signatures["serving_default"]

    def both(self, batch):
        outputs_2 = self.signature(x=batch)
        y, z = [outputs_2["y"].numpy(), outputs_2["z"].numpy()]
        return y + z

    def only_y(self, batch):
        outputs = batch
        return self.signature(x=outputs)["y"].numpy()
