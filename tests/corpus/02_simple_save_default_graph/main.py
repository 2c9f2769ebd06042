# Linear scorer built at function level on the default graph, exported with simple_save.
import numpy as np
import tensorflow as tf

np.random.seed(0)
tf.set_random_seed(0)

W_INIT = np.array([[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]], dtype=np.float32)


def build_and_export(export_dir):
    features = tf.placeholder(tf.float32, [None, 3], name="features")
    w = tf.Variable(W_INIT, name="w")
    bias = tf.Variable(np.zeros(2, dtype=np.float32), name="bias")
    logits = tf.matmul(features, w) + bias
    probs = tf.nn.softmax(logits, name="probs")

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    batch = np.random.rand(4, 3).astype(np.float32)
    p = sess.run(probs, {features: batch})
    for row in p:
        print("probs %.6f %.6f" % (row[0], row[1]))
    tf.saved_model.simple_save(
        sess, export_dir, inputs={"features": features}, outputs={"probs": probs, "logits": logits}
    )
    sess.close()


build_and_export("model_out")
print("done")
