# codemods: native-save, compat-names
# the graph is built by a helper of the module called once: its statements take the call's place
# (its locals renamed to the names the call binds, its parameter bound first) and the helper goes
import tensorflow as tf


def build(scale):
    """Returns the model's endpoints."""
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0], [2.0]], name="w")
    y = tf.multiply(tf.matmul(x, w), scale, name="y")
    return x, y


def export(export_dir):
    inputs, outputs = build(3.0)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": inputs}, {"y": outputs})
# output
# the graph is built by a helper of the module called once: its statements take the call's place
# (its locals renamed to the names the call binds, its parameter bound first) and the helper goes
import tensorflow as tf


def export(export_dir):
    w = tf.Variable([[1.0], [2.0]], name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(inputs):
        outputs = tf.multiply(tf.matmul(inputs, w), 3.0, name="y")
        return {"y": outputs}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
