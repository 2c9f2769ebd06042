# codemods: native-load, compat-names
# one with statement for graph and session; the graph's own get_tensor_by_name
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Graph().as_default() as graph, tf.Session(graph=graph) as sess:
        meta_graph = tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        y = graph.get_tensor_by_name(sig.outputs["y"].name)
        prediction = sess.run(y, feed_dict={sig.inputs["x"].name: batch})
    print("prediction:", prediction)
    return prediction
# output
# one with statement for graph and session; the graph's own get_tensor_by_name
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=[tf.saved_model.SERVING])
    sig = loaded.signatures["serving_default"]
    prediction = sig(x=batch)["y"].numpy()
    print("prediction:", prediction)
    return prediction
