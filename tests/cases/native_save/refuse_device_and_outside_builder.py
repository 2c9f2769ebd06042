# codemods: native-save, compat-names
# refused: a device scope inside the block (SM307); a Builder created outside any block (SM301)
import tensorflow as tf


def export(export_dir):
    with tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.device("/cpu:0"):
            y = tf.identity(x, name="y")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    return export_dir


builder = tf.saved_model.builder.SavedModelBuilder("/tmp/x")
with tf.Session() as sess:
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"a": tf.saved_model.predict_signature_def({"x": x}, {"x": x})})
    builder.save()
# output
# refused: a device scope inside the block (SM307); a Builder created outside any block (SM301)
import tensorflow as tf


def export(export_dir):
    with tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        with tf.device("/cpu:0"):
            y = tf.identity(x, name="y")
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    return export_dir


builder = tf.compat.v1.saved_model.Builder("/tmp/x")
with tf.Session() as sess:
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"a": tf.compat.v1.saved_model.predict_signature_def({"x": x}, {"x": x})})
    builder.save()
# diagnostics
# 8:9: SM307 not migrated: a `with` statement inside the export block (device, control_dependencies, ...) changes how the graph is built; native-save only migrates plain blocks, `tf.variable_scope` and `tf.name_scope` — remove it if it does not matter for serving, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 14:11: SM301 not migrated: this export is not inside a `with tf.Graph().as_default()` / `with tf.Session() as sess:` block that builds its graph (session passed in or created elsewhere, Builder created outside the block, graph restored); export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand
