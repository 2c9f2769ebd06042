# codemods: native-save, compat-names
# training before the export: a GradientDescentOptimizer loop of sess.run([train_op, loss], feed_dict) becomes an eager GradientTape step (Keras SGD: the same weights), global_step counted
import numpy as np
import tensorflow as tf


def export(export_dir):
    rng = np.random.RandomState(42)
    xs = rng.uniform(-1, 1, size=(64, 1)).astype(np.float32)
    ys = 3.0 * xs - 1.0
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 1], name="x")
        y_true = tf.placeholder(tf.float32, [None, 1], name="y_true")
        w = tf.Variable([[0.0]], name="w")
        b = tf.Variable([0.0], name="b")
        global_step = tf.Variable(0, trainable=False, name="global_step")
        y_pred = tf.add(tf.matmul(x, w), b, name="y_pred")
        loss = tf.reduce_mean(tf.square(y_pred - y_true))
        train_op = tf.train.GradientDescentOptimizer(0.5).minimize(loss, global_step=global_step)
        sess.run(tf.global_variables_initializer())
        for step in range(40):
            _, l = sess.run([train_op, loss], feed_dict={x: xs, y_true: ys})
            if step % 10 == 0:
                print("step %d loss %.6f" % (step, l))
        print("w=%.5f b=%.5f" % (sess.run(w)[0][0], sess.run(b)[0]), "steps", sess.run(global_step))
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y_pred})
# output
# training before the export: a GradientDescentOptimizer loop of sess.run([train_op, loss], feed_dict) becomes an eager GradientTape step (Keras SGD: the same weights), global_step counted
import numpy as np
import tensorflow as tf


def export(export_dir):
    rng = np.random.RandomState(42)
    xs = rng.uniform(-1, 1, size=(64, 1)).astype(np.float32)
    ys = 3.0 * xs - 1.0
    w = tf.Variable([[0.0]], name="w")
    b = tf.Variable([0.0], name="b")
    global_step = tf.Variable(0, trainable=False, name="global_step")
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.5)

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="y_true"),
        ]
    )
    def train_step(x, y_true):
        with tf.GradientTape() as tape:
            y_pred = tf.add(tf.matmul(x, w), b, name="y_pred")
            loss = tf.reduce_mean(tf.square(y_pred - y_true))
        variables = [w, b]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])
        global_step.assign_add(1)
        return loss

    for step in range(40):
        _, l = [None, train_step(x=xs, y_true=ys).numpy()]
        if step % 10 == 0:
            print("step %d loss %.6f" % (step, l))
    print("w=%.5f b=%.5f" % (w.numpy()[0][0], b.numpy()[0]), "steps", global_step.numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="x")])
    def serving_default(x):
        y_pred = tf.add(tf.matmul(x, w), b, name="y_pred")
        return {"y": y_pred}

    module = tf.Module()
    module.w = w
    module.b = b
    module.global_step = global_step
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
