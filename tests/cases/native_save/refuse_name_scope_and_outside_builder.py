# codemods: native-save, compat-names
# refused: a name_scope inside the block (SM307); a Builder created outside any block (SM301)
import tensorflow as tf


def export(export_dir):
    with tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.name_scope("model"):
            y = tf.identity(x, name="y")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    return export_dir


builder = tf.saved_model.builder.SavedModelBuilder("/tmp/x")
with tf.Session() as sess:
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"a": tf.saved_model.predict_signature_def({"x": x}, {"x": x})})
    builder.save()
# output
# refused: a name_scope inside the block (SM307); a Builder created outside any block (SM301)
import tensorflow as tf


def export(export_dir):
    with tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.name_scope("model"):
            y = tf.identity(x, name="y")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    return export_dir


builder = tf.compat.v1.saved_model.Builder("/tmp/x")
with tf.Session() as sess:
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"a": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"x": x})})
    builder.save()
# diagnostics
# 8:9: SM307 not migrated: a `with` statement inside the export block (name_scope,
# 14:11: SM301 not migrated: this export is not inside a `with tf.Graph().as_default(
