# codemods: native-save, compat-names
# training on the default graph of a function, with a session made without `with` (the research-script shape): Adam, a feed dict bound before the loop, sess.close()
import numpy as np
import tensorflow as tf


def export(export_dir, steps=12, lr=0.01):
    rng = np.random.RandomState(0)
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    t = tf.placeholder(tf.float32, [None, 1], name="t")
    w1 = tf.Variable(np.full((3, 8), 0.05, np.float32) + np.arange(8, dtype=np.float32) * 0.01)
    w2 = tf.Variable(np.full((8, 1), 0.1, np.float32))
    pred = tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)
    loss = tf.losses.mean_squared_error(t, pred)
    opt = tf.train.AdamOptimizer(lr)
    train_op = opt.minimize(loss)
    data = rng.rand(16, 3).astype(np.float32)
    target = data.sum(axis=1, keepdims=True)
    feed = {x: data, t: target}
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for step in range(steps):
        l, _ = sess.run([loss, train_op], feed)
        if step % 5 == 0 or step == steps - 1:
            print("step {:03d} loss {:.6f}".format(step, l))
    builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.tag_constants.SERVING],
        signature_def_map={"predict": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": pred})},
    )
    builder.save()
    sess.close()
# output
# training on the default graph of a function, with a session made without `with` (the research-script shape): Adam, a feed dict bound before the loop, sess.close()
import numpy as np
import tensorflow as tf


def export(export_dir, steps=12, lr=0.01):
    rng = np.random.RandomState(0)
    w1 = tf.Variable(np.full((3, 8), 0.05, np.float32) + np.arange(8, dtype=np.float32) * 0.01)
    w2 = tf.Variable(np.full((8, 1), 0.1, np.float32))
    opt = tf.compat.v1.train.AdamOptimizer(lr)
    data = rng.rand(16, 3).astype(np.float32)
    target = data.sum(axis=1, keepdims=True)
    feed = {"x": data, "t": target}

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step(x, t):
        with tf.GradientTape() as tape:
            pred = tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)
            loss = tf.reduce_mean(tf.math.squared_difference(tf.cast(pred, tf.float32), tf.cast(t, tf.float32)))
        variables = [w1, w2]
        gradients = tape.gradient(loss, variables)
        opt.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])
        return loss

    for step in range(steps):
        l, _ = [train_step(**feed).numpy(), None]
        if step % 5 == 0 or step == steps - 1:
            print("step {:03d} loss {:.6f}".format(step, l))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def predict(x):
        pred = tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)
        return {"y": pred}

    module = tf.Module()
    module.w1 = w1
    module.w2 = w2
    module.predict = predict
    tf.saved_model.save(module, export_dir, signatures={"predict": predict})
