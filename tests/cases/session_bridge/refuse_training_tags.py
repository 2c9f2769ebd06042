# codemods: session-bridge, native-save, compat-names
# not bridged (SM401): tags other than exactly [SERVING] on a session passed in
import tensorflow as tf


def export(sess, export_dir, x, y):
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.tag_constants.TRAINING],
        signature_def_map={"serving_default": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})},
    )
    builder.save()
# output
# not bridged (SM401): tags other than exactly [SERVING] on a session passed in
import tensorflow as tf


def export(sess, export_dir, x, y):
    builder = tf.compat.v1.saved_model.Builder(export_dir)
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.TRAINING],
        signature_def_map={"serving_default": tf.compat.v1.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})},
    )
    builder.save()
# diagnostics
# 9:9: SM401 not bridged: tags `[tf.saved_model.tag_constants.TRAINING]` are ['train'], not exactly [SERVING]; the bridge w
# 6:15: SM301 not migrated: this export is not inside a `with tf.Graph().as_default()` / `with tf.Session() as sess:` block
