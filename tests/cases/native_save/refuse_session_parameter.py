# codemods: native-save, compat-names
# refused (SM301): the session comes from the caller, so the graph is built elsewhere
import tensorflow as tf


def export(sess, export_dir, x, y):
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# refused (SM301): the session comes from the caller, so the graph is built elsewhere
import tensorflow as tf


def export(sess, export_dir, x, y):
    tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 6:5: SM301 not migrated: this export is not inside a `with tf.Graph().as_default(
