# codemods: native-save, compat-names
# simple_save: one serving_default signature; a statement that is plain Python stays in place
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None], name="x")
            y = tf.add(x, 1.0, name="y")
            print("exporting to", export_dir)
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# simple_save: one serving_default signature; a statement that is plain Python stays in place
import tensorflow as tf


def export(export_dir):
    print("exporting to", export_dir)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.add(x, 1.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
