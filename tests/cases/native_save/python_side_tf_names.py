# codemods: native-save, compat-names
# TF names that are plain Python (tf.io.gfile here) are not graph code: the `if` that clears the
# export folder stays as it is, in place
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.multiply(x, 2.0, name="y")
        if tf.io.gfile.isdir(export_dir):
            tf.io.gfile.rmtree(export_dir)
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# TF names that are plain Python (tf.io.gfile here) are not graph code: the `if` that clears the
# export folder stays as it is, in place
import tensorflow as tf


def export(export_dir):
    if tf.io.gfile.isdir(export_dir):
        tf.io.gfile.rmtree(export_dir)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.multiply(x, 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
