# codemods: native-load, compat-names
# signature_def looked up inline inside sess.run
import tensorflow as tf


def predict(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph = tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run(
            meta_graph.signature_def["serving_default"].outputs["y"].name,
            feed_dict={meta_graph.signature_def["serving_default"].inputs["x"].name: batch},
        )
# output
# signature_def looked up inline inside sess.run
import tensorflow as tf


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=["serve"])
    serving_default_fn = loaded.signatures["serving_default"]
    return serving_default_fn(x=batch)["y"].numpy()
