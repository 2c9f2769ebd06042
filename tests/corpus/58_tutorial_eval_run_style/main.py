"""Tutorial style: ops run with `op.run()` and tensors read with `tensor.eval()` under the session's
`with` block (its default session), then a TF Serving style export with a version directory."""
import os

import numpy as np
import tensorflow as tf

EXPORT_BASE = "eval_style_models"
VERSION = 3

x = tf.placeholder(tf.float32, [None, 2], name="x")
w = tf.Variable([[0.5, -0.5], [1.5, 0.25]], name="w")
b = tf.Variable([0.1, 0.2], name="b")
y = tf.add(tf.matmul(x, w), b, name="y")
scale = tf.assign(w, w * 2.0)

with tf.Session() as sess:
    tf.global_variables_initializer().run()
    print("before", y.eval(feed_dict={x: np.ones((1, 2), np.float32)}).tolist())
    scale.op.run()
    print("after", y.eval(feed_dict={x: np.ones((1, 2), np.float32)}).tolist())
    print("w", w.eval().tolist())
    export_path = os.path.join(EXPORT_BASE, str(VERSION))
    tf.saved_model.simple_save(sess, export_path, inputs={"x": x}, outputs={"y": y})
