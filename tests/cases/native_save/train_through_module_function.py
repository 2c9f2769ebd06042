# codemods: native-save, compat-names
# a function of the module that only computes with the block's variables (defined among the graph statements) is kept where it is; the training step and the signature call it
import numpy as np
import tensorflow as tf


def export(export_dir):
    np.random.seed(11)
    features = np.random.rand(40, 2).astype(np.float32)
    labels = (features @ np.array([[2.0], [-3.0]], np.float32) + 0.5).astype(np.float32)
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    t = tf.placeholder(tf.float32, [None, 1], name="t")
    w = tf.Variable(tf.zeros([2, 1]), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")

    def predict(inputs):
        return tf.matmul(inputs, w) + b

    loss = tf.reduce_mean(tf.square(predict(x) - t))
    train_op = tf.train.MomentumOptimizer(0.2, 0.9).minimize(loss)
    y = tf.identity(predict(x), name="y")
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(4):
            losses = [sess.run([train_op, loss], {x: features[i : i + 8], t: labels[i : i + 8]})[1] for i in range(0, 40, 8)]
            print("epoch %d mean loss %.6f" % (epoch, float(np.mean(losses))))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# a function of the module that only computes with the block's variables (defined among the graph statements) is kept where it is; the training step and the signature call it
import numpy as np
import tensorflow as tf


def export(export_dir):
    np.random.seed(11)
    features = np.random.rand(40, 2).astype(np.float32)
    labels = (features @ np.array([[2.0], [-3.0]], np.float32) + 0.5).astype(np.float32)
    w = tf.Variable(tf.zeros([2, 1]), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")

    def predict(inputs):
        return tf.matmul(inputs, w) + b

    optimizer = tf.compat.v1.train.MomentumOptimizer(0.2, 0.9)

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step(x, t):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(predict(x) - t))
        variables = [w, b]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])
        return loss

    for epoch in range(4):
        losses = [[None, train_step(x=features[i : i + 8], t=labels[i : i + 8]).numpy()][1] for i in range(0, 40, 8)]
        print("epoch %d mean loss %.6f" % (epoch, float(np.mean(losses))))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(predict(x), name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
