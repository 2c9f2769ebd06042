"""Sessions made by the caller and passed into the helpers that load and run the model (TF1).

A script-level session with a config goes into a public loader returning the SignatureDef, then into
a predictor; a `with` session inside `main()` goes into private helpers, one of them fetching two
outputs by keyword. The rewrite drops the sessions: the loaders return signature functions, used
after the loaded object is gone (and collected: tensorflow#46708 does not happen on TF 2.21).

argv: linear_dir (x -> y, z).
"""

import gc
import sys

import numpy as np
import tensorflow as tf

OUTPUT = "y"


def load_model(sess, export_dir):
    meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
    return meta_graph.signature_def[tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY]


def predict(sess, signature, batch):
    x = sess.graph.get_tensor_by_name(signature.inputs["x"].name)
    y = sess.graph.get_tensor_by_name(signature.outputs[OUTPUT].name)
    return sess.run(y, feed_dict={x: batch})


def _load(export_dir, sess):
    meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta.signature_def["serving_default"]
    return sig


def _both(sess, sig, batch):
    out = sess.run({"y": sig.outputs["y"].name, "z": sig.outputs["z"].name}, feed_dict={sig.inputs["x"].name: batch})
    return out


def main(export_dir):
    with tf.Session(graph=tf.Graph()) as session:
        signature = _load(export_dir, sess=session)
        for batch in ([[1.0], [2.0]], np.array([[0.5]], np.float32)):
            out = _both(session, signature, batch)
            print("y", repr(out["y"]), "z", repr(out["z"]))


config = tf.ConfigProto(intra_op_parallelism_threads=1)
sess = tf.Session(graph=tf.Graph(), config=config)
signature = load_model(sess, sys.argv[1])
gc.collect()
print("predict", repr(predict(sess, signature, [[3.0], [4.0]])))
sess.close()
main(sys.argv[1])
