# codemods: native-save, compat-names
# `graph = tf.Graph()` stays when the code still uses it after the block
import tensorflow as tf


def export(export_dir):
    graph = tf.Graph()
    with graph.as_default(), tf.Session(graph=graph) as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x, name="y")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    return graph
# output
# `graph = tf.Graph()` stays when the code still uses it after the block
import tensorflow as tf


def export(export_dir):
    graph = tf.Graph()

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
    return graph
