# codemods: native-save, compat-names
# a variable made inline in a graph expression becomes its own statement before the tf.function
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default() as g:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, tf.Variable(4.0, name="k"), name="y")
        z = tf.add(y, tf.Variable(0.5), name="z")
        with tf.Session(graph=g) as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y, "z": z})
# output
# a variable made inline in a graph expression becomes its own statement before the tf.function
import tensorflow as tf


def export(export_dir):
    k = tf.Variable(4.0, name="k")
    variable = tf.Variable(0.5)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.multiply(x, k, name="y")
        z = tf.add(y, variable, name="z")
        return {"y": y, "z": z}

    module = tf.Module()
    module.k = k
    module.variable = variable
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
