# codemods: native-save
# refused (SM302): the graph is imported from a MetaGraph and its values restored from a checkpoint;
# the diagnostic points to `smmigrate wrap-metagraph`, which converts the two files directly
import tensorflow as tf


def convert(ckpt, export_dir):
    graph = tf.Graph()
    with graph.as_default():
        saver = tf.train.import_meta_graph(ckpt + ".meta")
        with tf.Session(graph=graph) as sess:
            saver.restore(sess, ckpt)
            x = graph.get_tensor_by_name("x:0")
            y = graph.get_tensor_by_name("y:0")
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 11:13: SM302 not migrated: the block restores a checkpoint into `sess` with a saver native-save does not read (it migrates `saver = tf.train.Saver()` made in the block, without arguments, restored by `saver.restore(sess, path)`); the values live only in that session, so export it with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand; the graph is imported from a MetaGraph (`import_meta_graph`): `smmigrate wrap-metagraph <checkpoint>.meta <checkpoint>` makes the TF2 SavedModel from the two files without this code
