import numpy as np
import tensorflow as tf

tf.set_random_seed(3)


def export(path):
    with tf.Graph().as_default():
        a = tf.placeholder(tf.float32, [None, 2], name="a")
        b = tf.placeholder(tf.float32, [None, 2], name="b")
        m = tf.Variable([[2.0, 0.0], [0.0, 3.0]], name="m")
        total = tf.matmul(a + b, m, name="total")
        prod = tf.reduce_prod(a * b, axis=1, name="prod")
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            tf.saved_model.simple_save(sess, path, {"a": a, "b": b}, {"total": total, "prod": prod})


def run(path):
    with tf.Session(graph=tf.Graph()) as sess:
        meta_graph_def = tf.saved_model.loader.load(sess, ["serve"], path)
        signature = meta_graph_def.signature_def["serving_default"]
        feeds = {k: v.name for k, v in signature.inputs.items()}
        fetches = {k: signature.outputs[k].name for k in signature.outputs}
        output_names = sorted(fetches)
        data = {"a": np.array([[1, 2], [3, 4]], np.float32), "b": np.array([[0.5, 0.5], [1, -1]], np.float32)}
        result = sess.run(fetches, feed_dict={feeds[k]: data[k] for k in feeds})
        for name in output_names:
            print(name, np.array2string(result[name], precision=3, separator=","))


export("pair_model")
run("pair_model")
