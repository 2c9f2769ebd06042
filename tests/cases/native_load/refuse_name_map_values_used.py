# codemods: native-load, compat-names
# refused: the name map's values (TF1 tensor names) are printed
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        fetches = {k: signature.outputs[k].name for k in signature.outputs}
        print("fetching", fetches)
        return sess.run(fetches, feed_dict={signature.inputs["x"].name: data})
# output
# refused: the name map's values (TF1 tensor names) are printed
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.compat.v1.saved_model.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        fetches = {k: signature.outputs[k].name for k in signature.outputs}
        print("fetching", fetches)
        return sess.run(fetches, feed_dict={signature.inputs["x"].name: data})
# diagnostics
# 10:27: SM211 the name map `fetches` (signature key -> TF1 tensor name) is used for more than its keys and as feeds or fetches, and its values are signature keys in TF2
