# codemods: native-save, compat-names
# a region with its own graph: `g = tf.Graph()`, `with g.as_default():`, `tf.Session(graph=g)` made
# without `with`, and `with sess.as_default(), g.as_default():` around the export
import tensorflow as tf


def export(export_dir):
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None], name="x")
        k = tf.Variable(3.0, name="k")
        y = tf.multiply(x, k, name="y")
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=g)
    with sess.as_default(), g.as_default():
        sess.run(init)
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# a region with its own graph: `g = tf.Graph()`, `with g.as_default():`, `tf.Session(graph=g)` made
# without `with`, and `with sess.as_default(), g.as_default():` around the export
import tensorflow as tf


def export(export_dir):
    k = tf.Variable(3.0, name="k")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.multiply(x, k, name="y")
        return {"y": y}

    module = tf.Module()
    module.k = k
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
