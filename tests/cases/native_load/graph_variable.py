# codemods: native-load, compat-names
# a graph variable made default around the session
import tensorflow as tf


def predict(export_dir, batch):
    graph = tf.Graph()
    with graph.as_default():
        with tf.Session(graph=graph) as sess:
            meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
            sig = meta_graph.signature_def["serving_default"]
            return sess.run(sig.outputs["y"].name, {sig.inputs["x"].name: batch})
# output
# a graph variable made default around the session
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy()
