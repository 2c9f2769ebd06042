"""A loading function that makes the session, loads into it and returns it with the SignatureDef
(TF1); callers run it: a list of output names made over keys, a single fetch, the session closed.

argv: linear_dir (x -> y, z).
"""

import sys

import numpy as np
import tensorflow as tf


def _open_model(export_dir):
    sess = tf.Session(graph=tf.Graph())
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    signature = meta.signature_def["serving_default"]
    return sess, signature, export_dir


def predict_both(export_dir, batch, names=("z", "y")):
    session, sig, where = _open_model(export_dir)
    fetches = [sig.outputs[name].name for name in names]
    first, second = session.run(fetches, feed_dict={sig.inputs["x"].name: batch})
    session.close()
    return first, second, where == export_dir


session, signature, _ = _open_model(sys.argv[1])
print("y", repr(session.run(signature.outputs["y"].name, {signature.inputs["x"].name: np.ones((2, 1), np.float32)})))
for value in predict_both(sys.argv[1], [[3.0]]):
    print(repr(value))
