# codemods: native-save, native-load, compat-names
# refused: the loaded session is exported again under a new key with no new ops
import tensorflow as tf


def make_base(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def resign(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            y = graph.get_tensor_by_name(sig.outputs["y"].name)
            tf.saved_model.simple_save(sess, dst, {"inputs": x}, {"doubled": y})


make_base("base")
resign("base", "resigned")
# output
# refused: the loaded session is exported again under a new key with no new ops
import tensorflow as tf


def make_base(path):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})


def resign(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.compat.v1.saved_model.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            y = graph.get_tensor_by_name(sig.outputs["y"].name)
            tf.compat.v1.saved_model.simple_save(sess, dst, {"inputs": x}, {"doubled": y})


make_base("base")
resign("base", "resigned")
# diagnostics
# 20:13: SM201 `tf.saved_model.loader.load(...)` left as TF1 code: the session is also exported again with no new ops (a re-export under new signature keys is not generated); run those ops as TF2 code and use `loaded = tf.saved_model.load(export_dir, tags=...)` with `loaded.signatures[key](**inputs)` for the model
# 16:13: SM301 not migrated: `sess` is used for something other than `sess.run(...)` here (a restored checkpoint? a graph built elsewhere?); use `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand
