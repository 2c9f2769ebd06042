# a TF1 optimizer used only eagerly (apply_gradients, minimize of a callable) is not graph code: the module is native
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
opt = tf.compat.v1.train.AdamOptimizer(learning_rate=0.01)


@tf.function
def step(x):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.square(x * w))
    opt.apply_gradients(zip(tape.gradient(loss, [w]), [w]))


sgd = tf.compat.v1.train.GradientDescentOptimizer(0.1)
sgd.minimize(lambda: tf.reduce_sum(w * w), var_list=[w])
