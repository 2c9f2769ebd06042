# codemods: native-load, compat-names
# refused: fetches built at run time (a filtered comprehension)
import tensorflow as tf


def predict(export_dir, batch, output_keys):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        fetches = [sig.outputs[k].name for k in output_keys if k != "debug"]
        return sess.run(fetches, feed_dict={sig.inputs["x"].name: batch})
# output
# refused: fetches built at run time (a filtered comprehension)
import tensorflow as tf


def predict(export_dir, batch, output_keys):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        fetches = [sig.outputs[k].name for k in output_keys if k != "debug"]
        return sess.run(fetches, feed_dict={sig.inputs["x"].name: batch})
# diagnostics
# 10:25: SM203 the fetch `fetches` is computed at run time, so the signature output i
