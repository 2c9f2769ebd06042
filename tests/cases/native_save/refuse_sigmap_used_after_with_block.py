# codemods: native-save, compat-names
# refused (SM308): a signature_def_map assembled inside the graph's with-block, read after the block (the TF2 code replacing the block would leave it undefined); the diagnostic names that use
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        m = {}
        m["serving_default"] = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], signature_def_map=m)
        builder.save()
    return sorted(m)
# output
# refused (SM308): a signature_def_map assembled inside the graph's with-block, read after the block (the TF2 code replacing the block would leave it undefined); the diagnostic names that use
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        m = {}
        m["serving_default"] = tf.compat.v1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
        builder = tf.compat.v1.saved_model.Builder(export_dir)
        builder.add_meta_graph_and_variables(sess, [tf.saved_model.SERVING], signature_def_map=m)
        builder.save()
    return sorted(m)
# diagnostics
# 14:19: SM308 not migrated: `m` (the signature_def_map assembled before the export) is used after the code that builds and exports the graph, where the TF2 code would leave it undefined; read its keys before the end of that code, or export with `smmigrate.export_session(sess, export_dir, ...)`
