# codemods: native-save, compat-names
# an InteractiveSession made before the graph (notebook style)
import tensorflow as tf


def export(export_dir):
    sess = tf.InteractiveSession()
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    b = tf.Variable([0.5, -0.5], name="b")
    y = tf.add(x, b, name="y")
    sess.run(tf.global_variables_initializer())
    print("b", sess.run(b).tolist())
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# an InteractiveSession made before the graph (notebook style)
import tensorflow as tf


def export(export_dir):
    b = tf.Variable([0.5, -0.5], name="b")
    print("b", b.numpy().tolist())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.add(x, b, name="y")
        return {"y": y}

    module = tf.Module()
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
