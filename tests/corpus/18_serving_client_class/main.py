"""Export a model, then serve it from a client class that keeps its session, like serving wrappers do."""
import numpy as np
import tensorflow as tf

EXPORT = "client_model"


def export():
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable([[1.0], [2.0], [3.0]], name="w")
        y = tf.nn.sigmoid(tf.matmul(x, w) - 4.0, name="y")
        with tf.Session(graph=graph) as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, EXPORT, inputs={"x": x}, outputs={"y": y})


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


export()
p = Predictor(EXPORT)
for row in p.predict(np.array([[1, 0, 0], [0, 1, 1], [1, 1, 1]], np.float32)):
    print("p=%.6f" % row[0])
p.close()
