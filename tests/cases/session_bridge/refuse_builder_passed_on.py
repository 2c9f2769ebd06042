# not bridged (SM403): the Builder is handed to other code; (SM405): **kwargs hide the arguments
import tensorflow as tf


def export(sess, export_dir, sigs, finish):
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], signature_def_map=sigs)
    finish(builder)


def export_kwargs(sess, export_dir, **signature):
    tf.saved_model.simple_save(sess, export_dir, **signature)
# diagnostics
# 6:15: SM403 not bridged: `builder` is used for more than Builder(...), o
# 12:50: SM405 not bridged: `**` arguments hide what the call passes, so th
