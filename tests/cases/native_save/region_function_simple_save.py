# codemods: native-save, compat-names
# a region: the graph is built on the default graph at function level, the session is made without
# `with`, evaluated, exported with simple_save and closed
import numpy as np
import tensorflow as tf

W = np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32)


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable(W, name="w")
    y = tf.nn.relu(tf.matmul(x, w), name="y")

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    out = sess.run(y, {x: np.ones((1, 2), np.float32)})
    print("y", out.tolist())
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
    print("done")
# output
# a region: the graph is built on the default graph at function level, the session is made without
# `with`, evaluated, exported with simple_save and closed
import numpy as np
import tensorflow as tf

W = np.array([[0.5, -1.0], [2.0, 0.25]], dtype=np.float32)


def export(export_dir):
    w = tf.Variable(W, name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.nn.relu(tf.matmul(x, w), name="y")
        return {"y": y}

    out = serving_default(x=np.ones((1, 2), np.float32))["y"].numpy()
    print("y", out.tolist())
    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
    print("done")
