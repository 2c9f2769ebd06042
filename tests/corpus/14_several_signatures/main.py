import numpy as np
import tensorflow as tf

sig_utils = tf.saved_model.signature_def_utils


def build():
    a = tf.placeholder(tf.float32, [None, 3], name="a")
    b = tf.placeholder(tf.float32, [None, 3], name="b")
    w = tf.Variable(np.array([0.5, 1.5, -2.0], np.float32), name="w")
    return {
        "a": a,
        "b": b,
        "dot": tf.reduce_sum(a * b * w, axis=1),
        "norm_a": tf.norm(a * w, axis=1),
        "diff": (a - b) * w,
    }


t = build()
sess = tf.Session()
sess.run(tf.global_variables_initializer())
feed = {t["a"]: [[1, 2, 3], [0, 1, 0]], t["b"]: [[3, 2, 1], [1, 1, 1]]}
for name in ("dot", "norm_a", "diff"):
    print(name, np.round(sess.run(t[name], feed), 5).tolist())

signature_map = {}
signature_map["dot"] = sig_utils.predict_signature_def({"a": t["a"], "b": t["b"]}, {"dot": t["dot"]})
signature_map["norm"] = sig_utils.predict_signature_def({"a": t["a"]}, {"norm": t["norm_a"]})
signature_map["serving_default"] = sig_utils.predict_signature_def(
    {"a": t["a"], "b": t["b"]}, {"diff": t["diff"], "dot": t["dot"]}
)
builder = tf.saved_model.builder.SavedModelBuilder("multi")
builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING], signature_def_map=signature_map)
builder.save()
sess.close()
