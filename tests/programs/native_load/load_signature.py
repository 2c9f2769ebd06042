"""Signature-driven loads (TF1): scalar output types, int lists and NumPy arrays fed to float32."""
import sys

import numpy as np
import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants


def scalar(export_dir, value):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            meta_graph = tf.saved_model.loader.load(sess, [tag_constants.SERVING], export_dir)
            sig = meta_graph.signature_def[signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]
            return sess.run(sig.outputs["output"].name, feed_dict={sig.inputs["input"].name: value})


def linear(export_dir, batch):
    sess = tf.Session(graph=tf.Graph())
    meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta_graph.signature_def["serving_default"]
    y = sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})
    sess.close()
    return y


def show(label, value):
    print(label, repr(value), type(value).__name__)


if __name__ == "__main__":
    scalar_dir, linear_dir = sys.argv[1:3]
    show("scalar float:", scalar(scalar_dir, 3.0))
    show("scalar int:", scalar(scalar_dir, 4))
    show("linear int list:", linear(linear_dir, [[1], [2]]))
    show("linear int array:", linear(linear_dir, np.array([[3], [4]])))
    show("linear float64:", linear(linear_dir, np.array([[0.5]], dtype=np.float64)))
