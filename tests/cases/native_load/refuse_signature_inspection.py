# codemods: native-load, compat-names
# refused: the SignatureDef is inspected, not just used for names
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        if "z" not in sig.outputs:
            raise ValueError("model has no z output")
        return sess.run(sig.outputs["z"].name, feed_dict={sig.inputs["x"].name: batch})
# output
# refused: the SignatureDef is inspected, not just used for names
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        if "z" not in sig.outputs:
            raise ValueError("model has no z output")
        return sess.run(sig.outputs["z"].name, feed_dict={sig.inputs["x"].name: batch})
# diagnostics
# 9:23: SM211 the SignatureDef `sig` is used for more than `.inputs[key].name` / `.o
