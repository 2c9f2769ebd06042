# codemods: native-save, compat-names
# refused (SM308): the assembled signature_def_map is read for more than its keys after the export (the TF2 code has no SignatureDefs to give it)
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.identity(x * 2.0, name="y")
    sess = tf.Session()
    signatures = {}
    signatures["serving_default"] = tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=signatures)
    builder.save()
    print(signatures["serving_default"].method_name)
# output
# refused (SM308): the assembled signature_def_map is read for more than its keys after the export (the TF2 code has no SignatureDefs to give it)
import tensorflow as tf


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.identity(x * 2.0, name="y")
    sess = tf.Session()
    signatures = {}
    signatures["serving_default"] = tf.compat.v1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
    builder = tf.compat.v1.saved_model.Builder(export_dir)
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=signatures)
    builder.save()
    print(signatures["serving_default"].method_name)
# diagnostics
# 14:5: SM308 not migrated: `signatures` (the signature_def_map) is used here other than by `signatures = {}`, `signatures[key] = signature` statements before the export and reads of its keys after it (`sorted(m)`, `len(m)`, `k in m`, `for k in m`); use it only that way, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
