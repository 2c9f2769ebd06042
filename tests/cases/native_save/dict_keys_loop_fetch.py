# codemods: native-save, compat-names
# a loop over literal keys fetching `sess.run(t[name], feed)`: the loop's entries fetched as a dict, the key's picked
import numpy as np
import tensorflow as tf


def build():
    a = tf.placeholder(tf.float32, [None, 3], name="a")
    w = tf.Variable(np.array([0.5, 1.5, -2.0], np.float32), name="w")
    return {"a": a, "scaled": a * w, "total": tf.reduce_sum(a * w, axis=1)}


def export(export_dir):
    t = build()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for name in ("scaled", "total"):
            print(name, np.round(sess.run(t[name], {t["a"]: [[1, 2, 3]]}), 5).tolist())
        tf.saved_model.simple_save(sess, export_dir, {"a": t["a"]}, {"total": t["total"]})
# output
# a loop over literal keys fetching `sess.run(t[name], feed)`: the loop's entries fetched as a dict, the key's picked
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable(np.array([0.5, 1.5, -2.0], np.float32), name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="a")])
    def evaluate(a):
        t_scaled = a * w
        t_total = tf.reduce_sum(a * w, axis=1)
        return {"scaled": t_scaled, "total": t_total}

    for name in ("scaled", "total"):
        print(name, np.round({key: result.numpy() for key, result in evaluate(a=[[1, 2, 3]]).items()}[name], 5).tolist())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="a")])
    def serving_default(a):
        t_total = tf.reduce_sum(a * w, axis=1)
        return {"total": t_total}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
