# bridged (was SM302): a checkpoint restored into the session by a saver of some variables, exported with a Builder
import tensorflow as tf


def export(checkpoint, export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        saver = tf.train.Saver([w])
        saver.restore(sess, checkpoint)
        b = tf.saved_model.Builder(export_dir)
        b.add_meta_graph_and_variables(sess, ["serve"], {"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})})
        b.save()
# output
# bridged (was SM302): a checkpoint restored into the session by a saver of some variables, exported with a Builder
import tensorflow as tf
import smmigrate


def export(checkpoint, export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        saver = tf.train.Saver([w])
        saver.restore(sess, checkpoint)
        smmigrate.export_session(sess, export_dir, tags=["serve"], signature_def_map={"serving_default": tf.saved_model.predict_signature_def({"x": x}, {"y": y})})
# diagnostics
# 12:13: SM406 bridged with smmigrate.export_session, not migrated to native TF2: SM302 the block restores a checkpoint into `sess` with a saver native-save does not read (it migrates `saver = tf.train.Saver()` made in the block, without arguments, restored by `saver.restore(sess, path)`); the values live only in that session, so export it with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand
