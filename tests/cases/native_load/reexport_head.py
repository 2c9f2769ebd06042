# codemods: native-save, native-load, compat-names
# a base this file exports (migrated), loaded again with a head, probed, and exported with a builder
import tensorflow as tf


def make_base(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], name="w")
        logits = tf.matmul(x, w, name="logits")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"x": x}, {"logits": logits})


def reexport(src, dst):
    with tf.Graph().as_default() as graph:
        with tf.Session(graph=graph) as sess:
            meta = tf.saved_model.loader.load(sess, ["serve"], src)
            sig = meta.signature_def["serving_default"]
            x = graph.get_tensor_by_name(sig.inputs["x"].name)
            logits = graph.get_tensor_by_name(sig.outputs["logits"].name)
            probs = tf.nn.softmax(logits, name="probs")
            print(sess.run(probs, {x: [[1.0, 2.0, 3.0]]}))
            builder = tf.saved_model.builder.SavedModelBuilder(dst)
            builder.add_meta_graph_and_variables(
                sess,
                ["serve"],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def(
                        {"x": x}, {"probs": probs}
                    ),
                },
            )
            builder.save()


make_base("base")
reexport("base", "with_head")
# output
# a base this file exports (migrated), loaded again with a head, probed, and exported with a builder
import tensorflow as tf


def make_base(path):
    w = tf.Variable([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        logits = tf.matmul(x, w, name="logits")
        return {"logits": logits}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})


def reexport(src, dst):
    loaded = tf.saved_model.load(src, tags=["serve"])
    sig = loaded.signatures["serving_default"]

    def head(x):
        logits = sig(x=x)["logits"]
        probs = tf.nn.softmax(logits, name="probs")
        return {"probs": probs}

    print(head(x=[[1.0, 2.0, 3.0]])["probs"].numpy())

    @tf.function(input_signature=[tf.TensorSpec.from_spec(sig.structured_input_signature[1]["x"], name="x")])
    def serving_default_signature(x):
        outputs = head(x=x)
        return {"probs": outputs["probs"]}

    export_module = tf.Module()
    export_module.loaded = loaded
    tf.saved_model.save(export_module, dst, signatures={"serving_default": serving_default_signature})


make_base("base")
reexport("base", "with_head")
