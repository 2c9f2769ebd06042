# codemods: native-save, compat-names
# a helper returning a name and an expression (`return x, x * w`): the name binds the caller's directly,
# the expression by an assignment of its own
import tensorflow as tf

SCALE = 2.0


def build():
    x = tf.placeholder(tf.float32, [None], name="x")
    w = tf.Variable(SCALE, name="w")
    return x, tf.identity(x * w, name="y")


def export(export_dir):
    x, y = build()
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    print("y", sess.run(y, {x: [1.0, 2.5]}).tolist())
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# a helper returning a name and an expression (`return x, x * w`): the name binds the caller's directly,
# the expression by an assignment of its own
import tensorflow as tf

SCALE = 2.0


def export(export_dir):
    w = tf.Variable(SCALE, name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(x * w, name="y")
        return {"y": y}

    print("y", serving_default(x=[1.0, 2.5])["y"].numpy().tolist())
    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
