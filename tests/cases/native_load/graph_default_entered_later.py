# codemods: native-load, compat-names
# the session is created on a graph variable first; the graph is made default only around the load
import tensorflow as tf


def predict(export_dir, batch):
    graph = tf.Graph()
    sess = tf.Session(graph=graph)
    with graph.as_default():
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
    sig = meta_graph.signature_def["serving_default"]
    x = graph.get_tensor_by_name(sig.inputs["x"].name)
    y = graph.get_tensor_by_name(sig.outputs["y"].name)
    result = sess.run(y, feed_dict={x: batch})
    sess.close()
    return result
# output
# the session is created on a graph variable first; the graph is made default only around the load
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    sig = loaded.signatures["serving_default"]
    result = sig(x=batch)["y"].numpy()
    return result
