# codemods: native-save, compat-names
# graph ops evaluated where they are built (`tf.reduce_sum(w).eval()`, `sess.run(tf.nn.relu(x) * 2.0, feed)`, `(w * 2.0).eval()`): each becomes a computation of its own, evaluated eagerly
import numpy as np
import tensorflow as tf


def export(export_dir):
    sess = tf.InteractiveSession()
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0, -1.0], [0.5, 2.0]], name="w")
    y = tf.nn.relu(tf.matmul(x, w), name="y")
    tf.global_variables_initializer().run()
    data = np.array([[1.0, 2.0], [-1.0, 0.5]], dtype=np.float32)
    print("sum %.4f" % tf.reduce_sum(w).eval())
    print("relu", sess.run(tf.nn.relu(x) * 2.0, {x: data}).tolist())
    doubled = (w * 2.0).eval()
    print("doubled", doubled.tolist(), "mean", sess.run(tf.reduce_mean(y), feed_dict={x: data}))
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# graph ops evaluated where they are built (`tf.reduce_sum(w).eval()`, `sess.run(tf.nn.relu(x) * 2.0, feed)`, `(w * 2.0).eval()`): each becomes a computation of its own, evaluated eagerly
import numpy as np
import tensorflow as tf


def export(export_dir):
    w = tf.Variable([[1.0, -1.0], [0.5, 2.0]], name="w")
    data = np.array([[1.0, 2.0], [-1.0, 0.5]], dtype=np.float32)

    @tf.function(input_signature=[])
    def evaluate():
        reduce_sum = tf.reduce_sum(w)
        return reduce_sum

    print("sum %.4f" % evaluate().numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def evaluate_2(x):
        value = tf.nn.relu(x) * 2.0
        return value

    print("relu", evaluate_2(x=data).numpy().tolist())

    @tf.function(input_signature=[])
    def evaluate_3():
        value_2 = w * 2.0
        return value_2

    doubled = evaluate_3().numpy()

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def evaluate_4(x):
        y = tf.nn.relu(tf.matmul(x, w), name="y")
        reduce_mean = tf.reduce_mean(y)
        return reduce_mean

    print("doubled", doubled.tolist(), "mean", evaluate_4(x=data).numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.nn.relu(tf.matmul(x, w), name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
