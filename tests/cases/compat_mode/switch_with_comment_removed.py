# codemods: whole-api, native-load, native-save, compat-names, compat-mode
# the module's own switch goes with its comment once its graph code all migrated
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()  # this script still builds TF1 graphs


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None], name="x")
        y = tf.multiply(x, 3.0, name="y")
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# the module's own switch goes with its comment once its graph code all migrated
import tensorflow as tf


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.multiply(x, 3.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
