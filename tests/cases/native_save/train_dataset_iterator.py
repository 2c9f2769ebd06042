# codemods: native-save, compat-names
# training on a tf.data pipeline (`from_tensor_slices(...).batch(n).repeat()`, a one-shot iterator, `get_next()`): every replayed `sess.run` that needs the batch pulls the next element, as TF1's did
import numpy as np
import tensorflow as tf


def export(export_dir):
    np.random.seed(5)
    features = np.random.rand(24, 3).astype(np.float32)
    targets = (features @ np.array([[1.0], [-2.0], [0.5]], np.float32)).astype(np.float32)
    dataset = tf.data.Dataset.from_tensor_slices((features, targets)).batch(6).repeat()
    iterator = dataset.make_one_shot_iterator()
    batch_x, batch_t = iterator.get_next()
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    loss = tf.reduce_mean(tf.square(tf.matmul(batch_x, w) - batch_t))
    train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    y = tf.matmul(x, w, name="y")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    print("first loss %.6f" % sess.run(loss))
    for step in range(8):
        _, l = sess.run([train_op, loss])
        print("step %d loss %.6f" % (step, l))
    print("next batch", sess.run(batch_x)[0].round(4).tolist())
    tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    sess.close()
# output
# training on a tf.data pipeline (`from_tensor_slices(...).batch(n).repeat()`, a one-shot iterator, `get_next()`): every replayed `sess.run` that needs the batch pulls the next element, as TF1's did
import numpy as np
import tensorflow as tf


def export(export_dir):
    np.random.seed(5)
    features = np.random.rand(24, 3).astype(np.float32)
    targets = (features @ np.array([[1.0], [-2.0], [0.5]], np.float32)).astype(np.float32)
    dataset = tf.data.Dataset.from_tensor_slices((features, targets)).batch(6).repeat()
    iterator = iter(dataset)
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    optimizer = tf.compat.v1.train.AdamOptimizer(0.1)

    @tf.function
    def evaluate(batch_x, batch_t):
        loss = tf.reduce_mean(tf.square(tf.matmul(batch_x, w) - batch_t))
        return loss

    print("first loss %.6f" % evaluate(*next(iterator)).numpy())

    @tf.function
    def train_step(batch_x, batch_t):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(batch_x, w) - batch_t))
        variables = [w]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])
        return loss

    for step in range(8):
        _, l = [None, train_step(*next(iterator)).numpy()]
        print("step %d loss %.6f" % (step, l))

    @tf.function
    def evaluate_2(batch_x, batch_t):
        return batch_x

    print("next batch", evaluate_2(*next(iterator)).numpy()[0].round(4).tolist())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.matmul(x, w, name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
