# codemods: native-load, compat-names
# the session's graph is the one an enclosing `with tf.Graph().as_default() as graph:` entered
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], export_dir)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            return sess.run(sig.outputs["y"].name, {x: batch})
# output
# the session's graph is the one an enclosing `with tf.Graph().as_default() as graph:` entered
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy()
