# codemods: native-save, native-load, compat-names
# refused: a model this file re-exports in TF2 (with a head) is read back by TF1 tensor names
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
            probs = tf.nn.softmax(y, name="probs")
            tf.saved_model.simple_save(sess, dst, {"x": x}, {"probs": probs})


def serve(path, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], path)
        return sess.run("probs:0", feed_dict={"x:0": batch})


make_base("base")
reexport("base", "with_head")
print(serve("with_head", [[1.0, 2.0]]))
# output
# refused: a model this file re-exports in TF2 (with a head) is read back by TF1 tensor names
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
    loaded = tf.saved_model.load(src, tags=["serve"])
    sig = loaded.signatures["serving_default"]

    def head(x):
        y = sig(x=x)["y"]
        probs = tf.nn.softmax(y, name="probs")
        return {"probs": probs}

    @tf.function(input_signature=[tf.TensorSpec.from_spec(sig.structured_input_signature[1]["x"], name="x")])
    def serving_default_signature(x):
        outputs = head(x=x)
        return {"probs": outputs["probs"]}

    export_module = tf.Module()
    export_module.loaded = loaded
    tf.saved_model.save(export_module, dst, signatures={"serving_default": serving_default_signature})


def serve(path, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], path)
        return sess.run("probs:0", feed_dict={"x:0": batch})


make_base("base")
reexport("base", "with_head")
print(serve("with_head", [[1.0, 2.0]]))
# diagnostics
# 27:16: SM214 `tf.saved_model.loader.load(...)` left as TF1 code: the export (<string>) is migrated to tf.saved_model.save, which keeps signature keys only, and no single signature has the tensors x:0, probs:0; fetch by signature key: `loaded.signatures[key](**{input_key: value})[output_key]`
