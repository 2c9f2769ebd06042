# codemods: native-load, compat-names
# a plain session variable, closed after use
import tensorflow as tf


def predict(export_dir, batch):
    sess = tf.Session(graph=tf.Graph())
    meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta_graph.signature_def["serving_default"]
    prediction = sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
    sess.close()
    return prediction
# output
# a plain session variable, closed after use
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    prediction = sig(x=batch)["y"].numpy()
    return prediction
