# codemods: native-load, compat-names
# tensors looked up in the session's graph by signature name, feeds passed positionally
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        x = sess.graph.get_tensor_by_name(sig.inputs["x"].name)
        y = sess.graph.get_tensor_by_name(sig.outputs["y"].name)
        z = tf.get_default_graph().get_tensor_by_name(sig.outputs["z"].name)
        return sess.run(y, {x: batch}), sess.run(z, {x: batch})
# output
# tensors looked up in the session's graph by signature name, feeds passed positionally
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy(), sig(x=batch)["z"].numpy()
