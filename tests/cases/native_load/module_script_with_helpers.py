# codemods: native-load, compat-names
# a module-level load next to a function with its own session variable (a different binding)
import sys

import tensorflow as tf


def train_step(sess, op):
    return sess.run(op)


sess = tf.Session(graph=tf.Graph())
meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], sys.argv[1])
sig = meta_graph.signature_def["serving_default"]
print(sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: [[1.0], [2.0]]}))
sess.close()
# output
# a module-level load next to a function with its own session variable (a different binding)
import sys

import tensorflow as tf


def train_step(sess, op):
    return sess.run(op)


loaded = tf.saved_model.load(sys.argv[1], tags=[tf.saved_model.SERVING])
sig = loaded.signatures["serving_default"]
print(sig(x=[[1.0], [2.0]])["y"].numpy())
