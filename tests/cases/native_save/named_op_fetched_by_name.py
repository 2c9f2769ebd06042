# codemods: native-save
# ops left unbound, then looked up by their tensor names (`sess.graph.get_tensor_by_name`,
# `tf.get_default_graph().get_tensor_by_name`): each is bound to a fresh name in the tf.function
import tensorflow as tf


def export(path):
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="features")
        w = tf.Variable([[0.5, -0.5], [1.0, 1.0]], name="w")
        tf.nn.relu(tf.matmul(x, w), name="scores")
        tf.reduce_sum(tf.matmul(x, w), axis=1, name="total")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            signature = tf.saved_model.signature_def_utils.build_signature_def(
                inputs={"x": tf.saved_model.utils.build_tensor_info(sess.graph.get_tensor_by_name("features:0"))},
                outputs={
                    "scores": tf.saved_model.utils.build_tensor_info(sess.graph.get_tensor_by_name("scores:0")),
                    "total": tf.saved_model.utils.build_tensor_info(tf.get_default_graph().get_tensor_by_name("total:0")),
                },
                method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
            )
            builder = tf.saved_model.builder.SavedModelBuilder(path)
            builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": signature})
            builder.save()
# output
# ops left unbound, then looked up by their tensor names (`sess.graph.get_tensor_by_name`,
# `tf.get_default_graph().get_tensor_by_name`): each is bound to a fresh name in the tf.function
import tensorflow as tf


def export(path):
    w = tf.Variable([[0.5, -0.5], [1.0, 1.0]], name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        scores = tf.nn.relu(tf.matmul(x, w), name="scores")
        total = tf.reduce_sum(tf.matmul(x, w), axis=1, name="total")
        return {"scores": scores, "total": total}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, path, signatures={"serving_default": serving_default})
