# codemods: native-save, compat-names
# names that are not uses: a train op called `train` (as in `tf.train`), a keyword `value=` after the export while `value` is a graph tensor; the comment above the dropped session line stays
import numpy as np
import tensorflow as tf


def export(export_dir):
    np.random.seed(3)
    data = np.random.randn(16, 2).astype(np.float32)
    labels = (data[:, :1] - data[:, 1:] > 0).astype(np.float32)
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.placeholder(tf.float32, [None, 1], name="y")
    w = tf.Variable(tf.zeros([2, 1]), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")
    logits = tf.matmul(x, w) + b
    value = tf.sigmoid(logits, name="value")
    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
    train = tf.train.GradientDescentOptimizer(1.0).minimize(loss)
    # train for a few steps
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for _ in range(10):
        _, l = sess.run([train, loss], {x: data, y: labels})
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"value": value})
    print(dict(value=round(float(l), 5)))
# output
# names that are not uses: a train op called `train` (as in `tf.train`), a keyword `value=` after the export while `value` is a graph tensor; the comment above the dropped session line stays
import numpy as np
import tensorflow as tf


def export(export_dir):
    np.random.seed(3)
    data = np.random.randn(16, 2).astype(np.float32)
    labels = (data[:, :1] - data[:, 1:] > 0).astype(np.float32)
    w = tf.Variable(tf.zeros([2, 1]), name="w")
    b = tf.Variable(tf.zeros([1]), name="b")
    optimizer = tf.keras.optimizers.SGD(learning_rate=1.0)

    # train for a few steps
    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="y"),
        ]
    )
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = tf.matmul(x, w) + b
            loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
        variables = [w, b]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])
        return loss

    for _ in range(10):
        _, l = [None, train_step(x=data, y=labels).numpy()]

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        logits = tf.matmul(x, w) + b
        value = tf.sigmoid(logits, name="value")
        return {"value": value}

    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
    print(dict(value=round(float(l), 5)))
