# codemods: native-load, compat-names
# refused: the names of the outputs are zipped with the results
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        names = [signature.outputs["y"].name, signature.outputs["z"].name]
        values = sess.run(names, feed_dict={signature.inputs["x"].name: data})
        return dict(zip(names, values))
# output
# refused: the names of the outputs are zipped with the results
import tensorflow as tf


def run(path, data):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.compat.v1.saved_model.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        names = [signature.outputs["y"].name, signature.outputs["z"].name]
        values = sess.run(names, feed_dict={signature.inputs["x"].name: data})
        return dict(zip(names, values))
# diagnostics
# 11:25: SM211 the list of tensor names `names` is used for more than the fetches of `sess.run`, and TF2 has no tensor names
