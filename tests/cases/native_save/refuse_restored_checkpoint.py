# codemods: native-save, compat-names
# refused (SM302): the variables come from a checkpoint restored into the session
import tensorflow as tf


def export(checkpoint, export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        saver = tf.train.Saver()
        saver.restore(sess, checkpoint)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM302): the variables come from a checkpoint restored into the session
import tensorflow as tf


def export(checkpoint, export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        saver = tf.train.Saver()
        saver.restore(sess, checkpoint)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 11:9: SM302 not migrated: the block restores a checkpoint into `sess`; the values
