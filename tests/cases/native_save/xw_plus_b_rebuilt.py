# `tf.nn.xw_plus_b` has no TF2 name: moved into the tf.function as `bias_add(matmul(x, w), b)`, named as TF1 named it
import tensorflow as tf


def export(path):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable([[1.0], [2.0]], name="w")
        b = tf.Variable([0.5], name="b")
        y = tf.nn.xw_plus_b(x, w, b, name="y")
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})
# output
# `tf.nn.xw_plus_b` has no TF2 name: moved into the tf.function as `bias_add(matmul(x, w), b)`, named as TF1 named it
import tensorflow as tf


def export(path):
    w = tf.Variable([[1.0], [2.0]], name="w")
    b = tf.Variable([0.5], name="b")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.nn.bias_add(tf.matmul(x, w), b, name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})
