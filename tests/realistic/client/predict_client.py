"""Batch prediction client for an exported model (TF1 session API)."""
import json
import sys

import numpy as np
import tensorflow as tf
from tensorflow.saved_model import signature_constants, tag_constants

DEFAULT_KEY = signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY


def predict(export_dir, rows):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tag_constants.SERVING], export_dir)
        signature = meta_graph.signature_def[DEFAULT_KEY]
        input_name = signature.inputs["inputs"].name
        output_name = signature.outputs["probs"].name
        return sess.run(output_name, feed_dict={input_name: np.asarray(rows, dtype=np.float32)})


def predict_by_tensor_names(export_dir, rows):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("probs:0", {"inputs:0": rows})


class Predictor(object):
    """Keeps the session open across calls (a common serving-client pattern)."""

    def __init__(self, export_dir):
        self.sess = tf.Session(graph=tf.Graph())
        tf.saved_model.loader.load(self.sess, [tag_constants.SERVING], export_dir)

    def __call__(self, rows):
        return self.sess.run("probs:0", feed_dict={"inputs:0": rows})


if __name__ == "__main__":
    data = json.load(open(sys.argv[2]))
    print(predict(sys.argv[1], data).tolist())
