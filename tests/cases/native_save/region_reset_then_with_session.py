# codemods: native-save, compat-names
# reset_default_graph() first, the graph at function level, then `with tf.Session() as sess:`
import tensorflow as tf


def export(export_dir):
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [None], name="x")
    y = tf.add(x, 1.0, name="y")
    with tf.Session() as sess:
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# reset_default_graph() first, the graph at function level, then `with tf.Session() as sess:`
import tensorflow as tf


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.add(x, 1.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
