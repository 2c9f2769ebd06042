# codemods: native-save, compat-names
# the session is made inside the graph's block and closed after it: the whole stretch is migrated
import tensorflow as tf


def export(export_dir):
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.add(x, 1.0, name="y")
        sess = tf.Session(graph=graph)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    sess.close()
# output
# the session is made inside the graph's block and closed after it: the whole stretch is migrated
import tensorflow as tf


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.add(x, 1.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
