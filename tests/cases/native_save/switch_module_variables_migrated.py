# codemods: whole-api, native-save, compat-names, compat-mode
# a `tensorflow.compat.v1` + `disable_v2_behavior()` module whose scopes, get_variable and layers all migrate
# ends native TF2: the import is folded and the switch goes
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        with tf.variable_scope("net", reuse=tf.AUTO_REUSE):
            h = tf.layers.dense(x, 2, activation=tf.nn.relu, kernel_initializer=tf.constant_initializer(0.5))
            scale = tf.get_variable("scale", [], initializer=tf.ones_initializer())
        y = h * scale
        print("variables:", [v.name for v in tf.global_variables()])
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# a `tensorflow.compat.v1` + `disable_v2_behavior()` module whose scopes, get_variable and layers all migrate
# ends native TF2: the import is folded and the switch goes
import tensorflow as tf


def export(export_dir):
    net_dense_kernel = tf.Variable(tf.constant(0.5, shape=[3, 2], dtype=tf.float32), name="net/dense/kernel")
    net_dense_bias = tf.Variable(tf.zeros([2]), name="net/dense/bias")
    scale = tf.Variable(tf.ones([]), name="net/scale")
    print("variables:", [v.name for v in [net_dense_kernel, net_dense_bias, scale]])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        h = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, net_dense_kernel), net_dense_bias))
        y = h * scale
        return {"y": y}

    module = tf.Module()
    module.net_dense_kernel = net_dense_kernel
    module.net_dense_bias = net_dense_bias
    module.scale = scale
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
