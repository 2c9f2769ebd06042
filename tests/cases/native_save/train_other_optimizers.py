# codemods: native-save, compat-names
# Momentum (Nesterov), Adagrad, RMSProp (centered) and Adadelta training: TF1's own optimizers used eagerly (the same kernels, the same weights)
import numpy as np
import tensorflow as tf

DATA = np.random.RandomState(3).rand(24, 3).astype(np.float32)
TARGET = DATA @ np.array([[1.0], [-2.0], [0.5]], np.float32)


def adagrad(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        t = tf.placeholder(tf.float32, [None, 1], name="t")
        w = tf.Variable(tf.zeros([3, 1]), name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        loss = tf.reduce_mean(tf.square(y - t))
        train_op = tf.train.AdagradOptimizer(0.3).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(30):
            sess.run(train_op, {x: DATA, t: TARGET})
        print("adagrad w", np.round(sess.run(w).ravel(), 7))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def rmsprop(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        t = tf.placeholder(tf.float32, [None, 1], name="t")
        w = tf.Variable(tf.zeros([3, 1]), name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        loss = tf.reduce_mean(tf.square(y - t))
        opt = tf.train.RMSPropOptimizer(0.01, momentum=0.5, centered=True)
        train_op = opt.minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(30):
            sess.run(train_op, {x: DATA, t: TARGET})
        print("rmsprop w", np.round(sess.run(w).ravel(), 7))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def adadelta(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        t = tf.placeholder(tf.float32, [None, 1], name="t")
        w = tf.Variable(tf.zeros([3, 1]), name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        loss = tf.reduce_mean(tf.square(y - t))
        train_op = tf.train.AdadeltaOptimizer(1.0).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(30):
            sess.run(train_op, {x: DATA, t: TARGET})
        print("adadelta w", np.round(sess.run(w).ravel(), 7))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def export(export_dir):
    adagrad(export_dir + "_adagrad")
    rmsprop(export_dir + "_rmsprop")
    adadelta(export_dir + "_adadelta")
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        t = tf.placeholder(tf.float32, [None, 1], name="t")
        w = tf.Variable(tf.zeros([3, 1]), name="w")
        y = tf.identity(tf.matmul(x, w), name="y")
        loss = tf.reduce_mean(tf.square(y - t))
        train_op = tf.train.MomentumOptimizer(0.05, momentum=0.9, use_nesterov=True).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(30):
            sess.run(train_op, {x: DATA, t: TARGET})
        print("momentum w", np.round(sess.run(w).ravel(), 7))
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# Momentum (Nesterov), Adagrad, RMSProp (centered) and Adadelta training: TF1's own optimizers used eagerly (the same kernels, the same weights)
import numpy as np
import tensorflow as tf

DATA = np.random.RandomState(3).rand(24, 3).astype(np.float32)
TARGET = DATA @ np.array([[1.0], [-2.0], [0.5]], np.float32)


def adagrad(export_dir):
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    optimizer = tf.compat.v1.train.AdagradOptimizer(0.3)

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step(x, t):
        with tf.GradientTape() as tape:
            y = tf.identity(tf.matmul(x, w), name="y")
            loss = tf.reduce_mean(tf.square(y - t))
        variables = [w]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])

    for _ in range(30):
        train_step(x=DATA, t=TARGET)
    print("adagrad w", np.round(w.numpy().ravel(), 7))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.identity(tf.matmul(x, w), name="y")
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})


def rmsprop(export_dir):
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    opt = tf.compat.v1.train.RMSPropOptimizer(0.01, momentum=0.5, centered=True)

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step_2(x, t):
        with tf.GradientTape() as tape_2:
            y = tf.identity(tf.matmul(x, w), name="y")
            loss = tf.reduce_mean(tf.square(y - t))
        variables_2 = [w]
        gradients_2 = tape_2.gradient(loss, variables_2)
        opt.apply_gradients([(g, v) for g, v in zip(gradients_2, variables_2) if g is not None])

    for _ in range(30):
        train_step_2(x=DATA, t=TARGET)
    print("rmsprop w", np.round(w.numpy().ravel(), 7))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default_2(x):
        y = tf.identity(tf.matmul(x, w), name="y")
        return {"y": y}

    module_2 = tf.Module()
    module_2.w = w
    module_2.serving_default_2 = serving_default_2
    tf.saved_model.save(module_2, export_dir, signatures={"serving_default": serving_default_2})


def adadelta(export_dir):
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    optimizer_2 = tf.compat.v1.train.AdadeltaOptimizer(1.0)

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step_3(x, t):
        with tf.GradientTape() as tape_3:
            y = tf.identity(tf.matmul(x, w), name="y")
            loss = tf.reduce_mean(tf.square(y - t))
        variables_3 = [w]
        gradients_3 = tape_3.gradient(loss, variables_3)
        optimizer_2.apply_gradients([(g, v) for g, v in zip(gradients_3, variables_3) if g is not None])

    for _ in range(30):
        train_step_3(x=DATA, t=TARGET)
    print("adadelta w", np.round(w.numpy().ravel(), 7))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default_3(x):
        y = tf.identity(tf.matmul(x, w), name="y")
        return {"y": y}

    module_3 = tf.Module()
    module_3.w = w
    module_3.serving_default_3 = serving_default_3
    tf.saved_model.save(module_3, export_dir, signatures={"serving_default": serving_default_3})


def export(export_dir):
    adagrad(export_dir + "_adagrad")
    rmsprop(export_dir + "_rmsprop")
    adadelta(export_dir + "_adadelta")
    w = tf.Variable(tf.zeros([3, 1]), name="w")
    optimizer_3 = tf.compat.v1.train.MomentumOptimizer(0.05, momentum=0.9, use_nesterov=True)

    @tf.function(
        input_signature=[
            tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x"),
            tf.TensorSpec(shape=[None, 1], dtype=tf.float32, name="t"),
        ]
    )
    def train_step_4(x, t):
        with tf.GradientTape() as tape_4:
            y = tf.identity(tf.matmul(x, w), name="y")
            loss = tf.reduce_mean(tf.square(y - t))
        variables_4 = [w]
        gradients_4 = tape_4.gradient(loss, variables_4)
        optimizer_3.apply_gradients([(g, v) for g, v in zip(gradients_4, variables_4) if g is not None])

    for _ in range(30):
        train_step_4(x=DATA, t=TARGET)
    print("momentum w", np.round(w.numpy().ravel(), 7))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32, name="x")])
    def serving_default_4(x):
        y = tf.identity(tf.matmul(x, w), name="y")
        return {"y": y}

    module_4 = tf.Module()
    module_4.w = w
    module_4.serving_default_4 = serving_default_4
    tf.saved_model.save(module_4, export_dir, signatures={"serving_default": serving_default_4})
