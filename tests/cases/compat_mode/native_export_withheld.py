# codemods: whole-api, native-save, compat-names, compat-mode
# a textbook export block native-save could migrate, but the module keeps other graph code: the
# export stays TF1 code (renamed so it runs) and the module runs in compatibility mode
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, shape=[None], name="x")
            y = tf.multiply(x, 2.0, name="y")
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def predict(values):
    x = tf.placeholder(tf.float32, shape=[None])
    with tf.Session() as sess:
        return sess.run(x * 3.0, {x: values})
# output
# a textbook export block native-save could migrate, but the module keeps other graph code: the
# export stays TF1 code (renamed so it runs) and the module runs in compatibility mode
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default():
        with tf.compat.v1.Session() as sess:
            x = tf.compat.v1.placeholder(tf.float32, shape=[None], name="x")
            y = tf.multiply(x, 2.0, name="y")
            tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def predict(values):
    x = tf.compat.v1.placeholder(tf.float32, shape=[None])
    with tf.compat.v1.Session() as sess:
        return sess.run(x * 3.0, {x: values})
# diagnostics
# 8:14: SM120 TF1 graph code at line 8 (`tf.compat.v1.Session`)
# 15:9: SM121 native-save would have migrated code in this module to eager TF2
