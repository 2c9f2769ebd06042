# codemods: native-save, compat-names
# refused (SM308): an assembled signature_def_map read by a function defined after the export (the TF2 code replacing the region would leave it undefined); the diagnostic names that use
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 2], name="x")
y = tf.identity(x * 2.0, name="y")
sess = tf.Session()
signatures = {}
signatures["serving_default"] = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
builder = tf.saved_model.builder.SavedModelBuilder("out")
builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=signatures)
builder.save()


def keys():
    return sorted(signatures)
# output
# refused (SM308): an assembled signature_def_map read by a function defined after the export (the TF2 code replacing the region would leave it undefined); the diagnostic names that use
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 2], name="x")
y = tf.identity(x * 2.0, name="y")
sess = tf.Session()
signatures = {}
signatures["serving_default"] = tf.compat.v1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
builder = tf.compat.v1.saved_model.Builder("out")
builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=signatures)
builder.save()


def keys():
    return sorted(signatures)
# diagnostics
# 15:19: SM308 not migrated: `signatures` (the signature_def_map assembled before the export) is used after the code that builds and exports the graph, where the TF2 code would leave it undefined; read its keys before the end of that code, or export with `smmigrate.export_session(sess, export_dir, ...)`
