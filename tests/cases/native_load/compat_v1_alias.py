# codemods: native-load, compat-names
# tf1 = tf.compat.v1 alias and the TF1 spelling tf.saved_model.load(sess, tags, export_dir)
import tensorflow as tf

tf1 = tf.compat.v1


def predict(export_dir, batch):
    with tf1.Session(graph=tf1.Graph()) as sess:
        meta_graph = tf1.saved_model.load(sess, [tf1.saved_model.SERVING], export_dir)
        sig = meta_graph.signature_def["serving_default"]
        return sess.run(sig.outputs["y"].name, feed_dict={sig.inputs["x"].name: batch})
# output
# tf1 = tf.compat.v1 alias and the TF1 spelling tf.saved_model.load(sess, tags, export_dir)
import tensorflow as tf

tf1 = tf.compat.v1


def predict(export_dir, batch):
    loaded = tf.saved_model.load(export_dir, tags=[tf1.saved_model.SERVING])
    sig = loaded.signatures["serving_default"]
    return sig(x=batch)["y"].numpy()
