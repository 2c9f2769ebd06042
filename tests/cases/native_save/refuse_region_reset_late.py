# codemods: native-save, compat-names
# refused (SM307): reset_default_graph() after the graph was built discards the placeholder the
# export uses
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None], name="x")
    tf.reset_default_graph()
    y = tf.add(x, 1.0, name="y")
    sess = tf.Session()
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# refused (SM307): reset_default_graph() after the graph was built discards the placeholder the
# export uses
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None], name="x")
    tf.reset_default_graph()
    y = tf.add(x, 1.0, name="y")
    sess = tf.Session()
    tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 8:5: SM307 not migrated: `reset_default_graph()` after the graph or its session were made discards what the export uses; move it to the start of the function
