# codemods: native-save, compat-names
# training in mini-batches with a named AdamOptimizer (TF1's own Adam, used eagerly: the same weights), a frozen variable, feed dicts bound before and inside the loop, tf.losses
import numpy as np
import tensorflow as tf


def export(export_dir):
    rng = np.random.RandomState(0)
    data = rng.rand(32, 3).astype(np.float32)
    target = data.sum(axis=1, keepdims=True)
    with tf.Graph().as_default():
        with tf.Session() as sess:
            x = tf.placeholder(tf.float32, [None, 3], name="x")
            t = tf.placeholder(tf.float32, [None, 1], name="t")
            w1 = tf.Variable(np.full((3, 8), 0.05, np.float32) + np.arange(8, dtype=np.float32) * 0.01, name="w1")
            w2 = tf.Variable(np.full((8, 1), 0.1, np.float32), name="w2")
            shift = tf.Variable([0.25], trainable=False, name="shift")
            hidden = tf.nn.relu(tf.matmul(x, w1))
            pred = tf.identity(tf.matmul(hidden, w2) + shift, name="pred")
            loss = tf.losses.mean_squared_error(t, pred)
            opt = tf.train.AdamOptimizer(learning_rate=0.01)
            train_op = opt.minimize(loss)
            sess.run(tf.global_variables_initializer())
            everything = {x: data, t: target}
            for epoch in range(25):
                for i in range(0, len(data), 8):
                    batch = {x: data[i : i + 8], t: target[i : i + 8]}
                    sess.run(train_op, feed_dict=batch)
                if epoch % 5 == 0:
                    l, _, h = sess.run([loss, train_op, hidden], everything)
                    print("epoch %d loss %.6f hidden %.6f" % (epoch, l, h.sum()))
            print("loss", sess.run(loss, everything), "shift", sess.run(shift))
            builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
            builder.add_meta_graph_and_variables(
                sess,
                [tf.saved_model.tag_constants.SERVING],
                signature_def_map={
                    "serving_default": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": pred})
                },
            )
            builder.save()
# output
# training in mini-batches with a named AdamOptimizer (TF1's own Adam, used eagerly: the same weights), a frozen variable, feed dicts bound before and inside the loop, tf.losses
import numpy as np
import tensorflow as tf


def export(export_dir):
    rng = np.random.RandomState(0)
    data = rng.rand(32, 3).astype(np.float32)
    target = data.sum(axis=1, keepdims=True)
    w1 = tf.Variable(np.full((3, 8), 0.05, np.float32) + np.arange(8, dtype=np.float32) * 0.01, name="w1")
    w2 = tf.Variable(np.full((8, 1), 0.1, np.float32), name="w2")
    shift = tf.Variable([0.25], trainable=False, name="shift")
    opt = tf.compat.v1.train.AdamOptimizer(learning_rate=0.01)
    everything = {"x": data, "t": target}

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step(x, t):
        with tf.GradientTape() as tape:
            hidden = tf.nn.relu(tf.matmul(x, w1))
            pred = tf.identity(tf.matmul(hidden, w2) + shift, name="pred")
            loss = tf.reduce_mean(tf.math.squared_difference(tf.cast(pred, tf.float32), tf.cast(t, tf.float32)))
        variables = [w1, w2]
        gradients = tape.gradient(loss, variables)
        opt.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step_2(x, t):
        with tf.GradientTape() as tape_2:
            hidden = tf.nn.relu(tf.matmul(x, w1))
            pred = tf.identity(tf.matmul(hidden, w2) + shift, name="pred")
            loss = tf.reduce_mean(tf.math.squared_difference(tf.cast(pred, tf.float32), tf.cast(t, tf.float32)))
        variables_2 = [w1, w2]
        gradients_2 = tape_2.gradient(loss, variables_2)
        opt.apply_gradients([(g, v) for g, v in zip(gradients_2, variables_2) if g is not None])
        return [loss, None, hidden]

    for epoch in range(25):
        for i in range(0, len(data), 8):
            batch = {"x": data[i : i + 8], "t": target[i : i + 8]}
            train_step(**batch)
        if epoch % 5 == 0:
            l, _, h = [result if result is None else result.numpy() for result in train_step_2(**everything)]
            print("epoch %d loss %.6f hidden %.6f" % (epoch, l, h.sum()))

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def evaluate(x, t):
        hidden = tf.nn.relu(tf.matmul(x, w1))
        pred = tf.identity(tf.matmul(hidden, w2) + shift, name="pred")
        loss = tf.reduce_mean(tf.math.squared_difference(tf.cast(pred, tf.float32), tf.cast(t, tf.float32)))
        return loss

    print("loss", evaluate(**everything).numpy(), "shift", shift.numpy())

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        hidden = tf.nn.relu(tf.matmul(x, w1))
        pred = tf.identity(tf.matmul(hidden, w2) + shift, name="pred")
        return {"y": pred}

    module = tf.Module()
    module.w1 = w1
    module.w2 = w2
    module.shift = shift
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
