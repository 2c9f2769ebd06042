# codemods: native-save, compat-names
# tf.layers at module level (a region): the variables and the signature function become module-level code
"""Two-layer MLP with tf.layers at module level."""
import numpy as np
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 5], name="x")
with tf.variable_scope("mlp"):
    hidden = tf.layers.dense(
        x,
        4,
        activation=tf.nn.relu,
        kernel_initializer=tf.constant_initializer(0.3),
        bias_initializer=tf.constant_initializer(0.1),
        name="hidden",
    )
y = tf.layers.dense(hidden, 1, kernel_initializer=tf.constant_initializer(-0.2), name="out")

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    out = sess.run(y, {x: np.arange(10, dtype=np.float32).reshape(2, 5) / 10})
    print("mlp:", " ".join("%.6f" % v for v in out.ravel()))
    print("trainable:", len(tf.trainable_variables()))
    tf.saved_model.simple_save(sess, "mlp_model", inputs={"x": x}, outputs={"y": y})
# output
# tf.layers at module level (a region): the variables and the signature function become module-level code
"""Two-layer MLP with tf.layers at module level."""
import numpy as np
import tensorflow as tf

mlp_hidden_kernel = tf.Variable(tf.constant(0.3, shape=[5, 4], dtype=tf.float32), name="mlp/hidden/kernel")
mlp_hidden_bias = tf.Variable(tf.constant(0.1, shape=[4], dtype=tf.float32), name="mlp/hidden/bias")
out_kernel = tf.Variable(tf.constant(-0.2, shape=[4, 1], dtype=tf.float32), name="out/kernel")
out_bias = tf.Variable(tf.zeros([1]), name="out/bias")


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 5], dtype=tf.float32, name="x")])
def serving_default(x):
    hidden = tf.nn.relu(tf.nn.bias_add(tf.matmul(x, mlp_hidden_kernel), mlp_hidden_bias))
    y = tf.nn.bias_add(tf.matmul(hidden, out_kernel), out_bias)
    return {"y": y}


out = serving_default(x=np.arange(10, dtype=np.float32).reshape(2, 5) / 10)["y"].numpy()
print("mlp:", " ".join("%.6f" % v for v in out.ravel()))
print("trainable:", len([mlp_hidden_kernel, mlp_hidden_bias, out_kernel, out_bias]))
module = tf.Module()
module.mlp_hidden_kernel = mlp_hidden_kernel
module.mlp_hidden_bias = mlp_hidden_bias
module.out_kernel = out_kernel
module.out_bias = out_bias
module.serving_default = serving_default
tf.saved_model.save(module, "mlp_model", signatures={"serving_default": serving_default})
