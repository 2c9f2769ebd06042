# codemods: native-save, compat-names
# endpoints in a dict of names read back by key (feeds, fetches, signatures), signature helpers through a module alias
import numpy as np
import tensorflow as tf

sig_utils = tf.saved_model.signature_def_utils


def build():
    a = tf.placeholder(tf.float32, [None, 3], name="a")
    b = tf.placeholder(tf.float32, [None, 3], name="b")
    w = tf.Variable(np.array([0.5, 1.5, -2.0], np.float32), name="w")
    return {"a": a, "b": b, "dot": tf.reduce_sum(a * b * w, axis=1, keep_dims=True), "norm": tf.norm(a * w, axis=1)}


def export(export_dir):
    t = build()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    feed = {t["a"]: [[1, 2, 3], [0, 1, 0]], t["b"]: [[3, 2, 1], [1, 1, 1]]}
    print("dot", np.round(sess.run(t["dot"], feed), 5).tolist())
    signature_map = {}
    signature_map["dot"] = sig_utils.predict_signature_def({"a": t["a"], "b": t["b"]}, {"dot": t["dot"]})
    signature_map["serving_default"] = sig_utils.predict_signature_def({"a": t["a"]}, {"norm": t["norm"]})
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], signature_def_map=signature_map)
    builder.save()
    sess.close()


def export_rebound(export_dir):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    ends = {"x": x, "y": tf.reduce_sum(x, axis=1)}
    ends["x"] = x * 2.0
    with tf.Session() as sess:
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": ends["y"], "x2": ends["x"]})
# output
# endpoints in a dict of names read back by key (feeds, fetches, signatures), signature helpers through a module alias
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable(np.array([0.5, 1.5, -2.0], np.float32), name="w")
    feed = {"a": [[1, 2, 3], [0, 1, 0]], "b": [[3, 2, 1], [1, 1, 1]]}

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="a"),
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="b"),
        ]
    )
    def dot(a, b):
        t_dot = tf.reduce_sum(a * b * w, axis=1, keepdims=True)
        return {"dot": t_dot}

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="a")])
    def serving_default(a):
        t_norm = tf.norm(a * w, axis=1)
        return {"norm": t_norm}

    print("dot", np.round(dot(**feed)["dot"].numpy(), 5).tolist())
    module = tf.Module()
    module.w = w
    module.dot = dot
    module.serving_default = serving_default
    tf.saved_model.save(
        module,
        export_dir,
        signatures={
            "dot": dot,
            "serving_default": serving_default,
        },
    )


def export_rebound(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default_2(x):
        ends_y = tf.reduce_sum(x, axis=1)
        ends_x = x * 2.0
        return {"y": ends_y, "x2": ends_x}

    module_2 = tf.Module()
    module_2.serving_default_2 = serving_default_2
    tf.saved_model.save(module_2, export_dir, signatures={"serving_default": serving_default_2})
