# codemods: native-save, compat-names
# `with tf.Session().as_default() as s:` binds the session like `with tf.Session() as s:`
import tensorflow as tf


def export(export_dir):
    with tf.Session().as_default() as s:
        x = tf.placeholder(tf.float32, [None], name="x")
        k = tf.Variable(3.0, name="k")
        y = tf.square(x) * k
        s.run(tf.global_variables_initializer())
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        builder.add_meta_graph_and_variables(
            s,
            [tf.saved_model.tag_constants.SERVING],
            signature_def_map={
                "serving_default": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
            },
        )
        builder.save()
# output
# `with tf.Session().as_default() as s:` binds the session like `with tf.Session() as s:`
import tensorflow as tf


def export(export_dir):
    k = tf.Variable(3.0, name="k")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.square(x) * k
        return {"y": y}

    module = tf.Module()
    module.k = k
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
