# codemods: native-save, compat-names
# the session is made without `with` inside the graph's block (`sess = tf.Session(graph=graph)`),
# used, and closed there
import tensorflow as tf


def export(export_dir):
    graph = tf.Graph()
    with graph.as_default():
        x = tf.placeholder(tf.float32, shape=[None, 2], name="x")
        w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
        y = tf.nn.softmax(tf.matmul(x, w), name="y")
        sess = tf.Session(graph=graph)
        sess.run(tf.global_variables_initializer())
        print("y", ["%.6f" % v for v in sess.run(y, {x: [[0.1, 0.2]]})[0]])
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
        sess.close()
# output
# the session is made without `with` inside the graph's block (`sess = tf.Session(graph=graph)`),
# used, and closed there
import tensorflow as tf


def export(export_dir):
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.nn.softmax(tf.matmul(x, w), name="y")
        return {"y": y}

    print("y", ["%.6f" % v for v in serving_default(x=[[0.1, 0.2]])["y"].numpy()[0]])
    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
