# codemods: native-save, compat-names
# refused (SM306): **kwargs hide what the export call passes
import tensorflow as tf


def export(export_dir, **options):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y}, **options)
# output
# refused (SM306): **kwargs hide what the export call passes
import tensorflow as tf


def export(export_dir, **options):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        y = tf.identity(x * 2.0, name="y")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y}, **options)
# diagnostics
# 9:74: SM306 not migrated: `**` arguments hide what the call passes, so the export
