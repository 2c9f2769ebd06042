# not bridged (SM404): the export directory is computed in Builder(...), or rebound before the export
import os

import tensorflow as tf


def export(sess, base, version, sigs):
    builder = tf.saved_model.builder.SavedModelBuilder(os.path.join(base, str(version)))
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=sigs)
    builder.save()


def export_rebound(sess, export_dir, sigs):
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    export_dir = export_dir + "_tmp"
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map=sigs)
    builder.save()
# diagnostics
# 8:56: SM404 not bridged: the export directory `os.path.join(base, str(ve
# 14:56: SM404 not bridged: `export_dir` is assigned again between Builder(
