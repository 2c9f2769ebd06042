# codemods: native-save, native-load, compat-names
# refused: a new op of the re-export reads the signature's input
import tensorflow as tf


def make_base(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.identity(x * 2.0, name="y")
        with tf.Session() as sess:
            tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})


def reexport(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            y = graph.get_tensor_by_name(sig.outputs["y"].name)
            residual = y - x
            tf.saved_model.simple_save(sess, dst, {"x": x}, {"residual": residual})


make_base("base")
reexport("base", "residual")
# output
# refused: a new op of the re-export reads the signature's input
import tensorflow as tf


def make_base(path):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * 2.0, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})


def reexport(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.compat.v1.saved_model.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            y = graph.get_tensor_by_name(sig.outputs["y"].name)
            residual = y - x
            tf.compat.v1.saved_model.simple_save(sess, dst, {"x": x}, {"residual": residual})


make_base("base")
reexport("base", "residual")
# diagnostics
# 20:28: SM209 `tf.saved_model.loader.load(...)` left as TF1 code: the new op `residual` reads `x`, a signature input; only the loaded signature's outputs can feed new ops in a re-export; compute on the signature's outputs in TF2 instead: `y = loaded.signatures[key](x=x)['y']`, then apply TF2 ops to `y`
# 16:13: SM301 not migrated: `sess` is used for something other than `sess.run(...)` here (a restored checkpoint? a graph built elsewhere?); use `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the tf.Module by hand
