# codemods: native-save, compat-names
# refused (SM307): control flow inside the block decides the signatures
import tensorflow as tf


def export(export_dir, with_scores):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        outputs = {"y": tf.reduce_sum(x, axis=1)}
        if with_scores:
            outputs["scores"] = tf.nn.softmax(x)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, outputs)
# output
# refused (SM307): control flow inside the block decides the signatures
import tensorflow as tf


def export(export_dir, with_scores):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        outputs = {"y": tf.reduce_sum(x, axis=1)}
        if with_scores:
            outputs["scores"] = tf.nn.softmax(x)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, outputs)
# diagnostics
# 9:9: SM307 not migrated: control flow inside the export block decides what the gr
