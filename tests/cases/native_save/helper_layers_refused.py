# codemods: native-save, compat-names
# a helper calling a TF1 layer native-save does not migrate is refused on its line (never called from a tf.function)
import tensorflow as tf


def net(inputs):
    return tf.layers.conv2d(inputs, 2, 3, name="conv")


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 8, 8, 1], name="x")
    y = net(x)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# a helper calling a TF1 layer native-save does not migrate is refused on its line (never called from a tf.function)
import tensorflow as tf


def net(inputs):
    return tf.layers.conv2d(inputs, 2, 3, name="conv")


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 8, 8, 1], name="x")
    y = net(x)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 6:12: SM310 not migrated: `tf.layers.conv2d` is a TF1 layer native-save does not migrate (only tf.layers.dense, dropout and flatten are); rewrite it with tf.Variables and TF ops, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
