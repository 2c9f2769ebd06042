# a TensorFlow-looking binding smmigrate cannot follow gets a diagnostic, not a guess
from ray.rllib.utils.framework import try_import_tf

tf1, tf, tfv = try_import_tf()

builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING])
# diagnostics
# 6:11: SM101 `tf` is bound by
# 7:45: SM101 cannot be proven to be TensorFlow
