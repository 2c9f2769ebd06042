# codemods: native-save, compat-names
# sess.run of a tensor that no signature returns: its own small tf.function
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        doubled = x * 2.0
        y = tf.identity(doubled + 1.0, name="y")
        print(sess.run(doubled, {x: [1.0]}))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# sess.run of a tensor that no signature returns: its own small tf.function
import tensorflow as tf


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def evaluate(x):
        doubled = x * 2.0
        return doubled

    print(evaluate(x=[1.0]).numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        doubled = x * 2.0
        y = tf.identity(doubled + 1.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
