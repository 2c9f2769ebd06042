# codemods: native-save, compat-names
# tensor.eval(...) and train_op.run(...) in the block's (default) session, replayed like sess.run
import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        w = tf.Variable([[1.0], [2.0]], name="w")
        y = tf.matmul(x, w, name="y")
        loss = tf.reduce_mean(tf.square(y - 1.0))
        train_op = tf.train.GradientDescentOptimizer(0.05).minimize(loss)
        sess.run(tf.global_variables_initializer())
        print("before", w.eval(), y.eval(feed_dict={x: [[1.0, 1.0]]}, session=sess))
        for _ in range(3):
            train_op.run(feed_dict={x: [[1.0, 0.5], [0.0, 2.0]]})
        print("after", loss.eval({x: [[1.0, 0.5]]}), w.eval(session=sess).ravel())
        print("one more step", sess.run([train_op], feed_dict={x: [[2.0, 1.0]]}), w.eval().ravel())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# tensor.eval(...) and train_op.run(...) in the block's (default) session, replayed like sess.run
import tensorflow as tf


def export(export_dir):
    w = tf.Variable([[1.0], [2.0]], name="w")
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.05)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.matmul(x, w, name="y")
        return {"y": y}

    print("before", w.numpy(), serving_default(x=[[1.0, 1.0]])["y"].numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def train_step(x):
        with tf.GradientTape() as tape:
            y = tf.matmul(x, w, name="y")
            loss = tf.reduce_mean(tf.square(y - 1.0))
        variables = [w]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])

    for _ in range(3):
        train_step(x=[[1.0, 0.5], [0.0, 2.0]])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def evaluate(x):
        y = tf.matmul(x, w, name="y")
        loss = tf.reduce_mean(tf.square(y - 1.0))
        return loss

    print("after", evaluate(x=[[1.0, 0.5]]).numpy(), w.numpy().ravel())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def train_step_2(x):
        with tf.GradientTape() as tape_2:
            y = tf.matmul(x, w, name="y")
            loss = tf.reduce_mean(tf.square(y - 1.0))
        variables_2 = [w]
        gradients_2 = tape_2.gradient(loss, variables_2)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients_2, variables_2) if g is not None])

    print("one more step", [train_step_2(x=[[2.0, 1.0]])], w.numpy().ravel())
    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
