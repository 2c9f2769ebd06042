# codemods: native-save, native-load, compat-names
# refused: the re-exported model is written elsewhere (maybe by TF1 code, which TF2 re-saves without its variables)
import tensorflow as tf


def reexport(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            logits = graph.get_tensor_by_name(sig.outputs["logits"].name)
            probs = tf.nn.softmax(logits, name="probs")
            tf.saved_model.simple_save(sess, dst, {"x": x}, {"probs": probs})


reexport("/models/tf1_base/1", "with_head")
# output
# refused: the re-exported model is written elsewhere (maybe by TF1 code, which TF2 re-saves without its variables)
import tensorflow as tf


def reexport(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.compat.v1.saved_model.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            logits = graph.get_tensor_by_name(sig.outputs["logits"].name)
            probs = tf.nn.softmax(logits, name="probs")
            tf.compat.v1.saved_model.simple_save(sess, dst, {"x": x}, {"probs": probs})


reexport("/models/tf1_base/1", "with_head")
# diagnostics
# 8:20: SM209 `tf.saved_model.loader.load(...)` left as TF1 code: the block re-exports the loaded model with new ops, and the loaded directory is not written by an export of this file that is migrated to TF2 (TF 2.21 re-saves a TF1 SavedModel loaded with tf.saved_model.load without its variables); once the export writing it is migrated in this run, the re-export is too; compute on the signature's outputs in TF2 instead: `y = loaded.signatures[key](x=x)['y']`, then apply TF2 ops to `y`
# 8:13: SM301 not migrated: `sess` is used for something other than `sess.run(...)` here (a restored checkpoint? a graph built elsewhere?); use `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand
