# codemods: native-save, compat-names
# refused (SM311): a random op evaluated where it is built is not replayed (its values are not the TF1 session's)
import tensorflow as tf


def export(export_dir):
    sess = tf.InteractiveSession()
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.identity(x * 2.0, name="y")
    print(tf.random_normal([2], seed=1).eval())
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# refused (SM311): a random op evaluated where it is built is not replayed (its values are not the TF1 session's)
import tensorflow as tf


def export(export_dir):
    sess = tf.InteractiveSession()
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.identity(x * 2.0, name="y")
    print(tf.random_normal([2], seed=1).eval())
    tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 9:11: SM311 not migrated: `tf.random_normal([2], seed=1).eval()` evaluates a graph expression built in place that native-save does not replay (only a call of a TF op it moves into tf.functions, or arithmetic on the block's tensors, is replayed); compute it with TF2 ops after the migration, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
