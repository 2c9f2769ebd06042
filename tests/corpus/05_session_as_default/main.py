import numpy as np
import tensorflow as tf


def make_graph():
    x = tf.placeholder(tf.float32, [None], name="x")
    k = tf.Variable(3.0, name="k")
    y = tf.square(x) * k
    return x, y


with tf.Session().as_default() as s:
    x, y = make_graph()
    s.run(tf.global_variables_initializer())
    vals = y.eval(feed_dict={x: np.array([1.0, 2.0, 3.0], np.float32)})
    print("cubic-ish: " + ", ".join("%.2f" % v for v in vals))
    builder = tf.saved_model.builder.SavedModelBuilder("exported")
    builder.add_meta_graph_and_variables(
        s,
        [tf.saved_model.tag_constants.SERVING],
        signature_def_map={
            "serving_default": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": y})
        },
    )
    builder.save()
