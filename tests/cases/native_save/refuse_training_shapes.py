# codemods: native-save, compat-names
# refused (SM303/SM307/SM310/SM311): training that native-save does not replay eagerly
import tensorflow as tf


def ftrl(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.FtrlOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def global_step_trainable(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        step = tf.Variable(0, name="step")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=step)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def two_train_ops(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        warmup = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
        train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        sess.run(warmup, {x: xs})
        sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def tf_gradients(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        (grad,) = tf.gradients(loss, [w])
        step = tf.assign_sub(w, 0.1 * grad)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            sess.run(step, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def stops_on_a_graph_value(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        while loss > 0.1:
            sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def fetches_a_summary(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        tf.summary.scalar("loss", loss)
        merged = tf.summary.merge_all()
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            _, summary = sess.run([train_op, merged], {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def fetches_weights_with_the_step(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            _, now = sess.run([train_op, w], {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def initialized_again(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
        init = tf.global_variables_initializer()
        sess.run(init)
        for _ in range(10):
            sess.run(train_op, {x: xs})
        sess.run(init)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def trains_a_frozen_variable(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, trainable=False, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, var_list=[w])
        sess.run(tf.global_variables_initializer())
        sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def weighted_loss(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.losses.mean_squared_error(x * 0.0 + 3.0, x * w, weights=0.5)
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def dense(x):
    for _ in range(2):
        x = tf.matmul(x, tf.Variable(tf.ones([1, 1]), name="kernel"))
    return x


def model_from_a_helper(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 1], name="x")
        scale = tf.Variable(1.0, name="scale")
        y = dense(x) * scale
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        sess.run(train_op, {x: xs})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM303/SM307/SM310/SM311): training that native-save does not replay eagerly
import tensorflow as tf


def ftrl(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.FtrlOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def global_step_trainable(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        step = tf.Variable(0, name="step")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=step)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def two_train_ops(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        warmup = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
        train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        sess.run(warmup, {x: xs})
        sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def tf_gradients(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        (grad,) = tf.gradients(loss, [w])
        step = tf.assign_sub(w, 0.1 * grad)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            sess.run(step, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def stops_on_a_graph_value(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        while loss > 0.1:
            sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def fetches_a_summary(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        tf.summary.scalar("loss", loss)
        merged = tf.summary.merge_all()
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            _, summary = sess.run([train_op, merged], {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def fetches_weights_with_the_step(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for _ in range(10):
            _, now = sess.run([train_op, w], {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def initialized_again(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.AdamOptimizer(0.1).minimize(loss)
        init = tf.global_variables_initializer()
        sess.run(init)
        for _ in range(10):
            sess.run(train_op, {x: xs})
        sess.run(init)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def trains_a_frozen_variable(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, trainable=False, name="w")
        loss = tf.reduce_mean(tf.square(x * w - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, var_list=[w])
        sess.run(tf.global_variables_initializer())
        sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def weighted_loss(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        loss = tf.losses.mean_squared_error(x * 0.0 + 3.0, x * w, weights=0.5)
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"loss": loss})


def dense(x):
    for _ in range(2):
        x = tf.matmul(x, tf.Variable(tf.ones([1, 1]), name="kernel"))
    return x


def model_from_a_helper(export_dir, xs):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 1], name="x")
        scale = tf.Variable(1.0, name="scale")
        y = dense(x) * scale
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        sess.run(train_op, {x: xs})
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 10:20: SM303 not migrated: `tf.train.FtrlOptimizer` is not replayed eagerly: native-save migrates training only with GradientDescent, Adam, Momentum, Adagrad, RMSProp or Adadelta optimizers, whose TF2 updates are proven to reach the same weights; export the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge) or write the training loop in TF2 by hand
# 23:86: SM303 not migrated: `global_step=` is replayed only as a variable of this block created with trainable=False (`step = tf.Variable(0, trainable=False)`); create it that way, or use the session bridge
# 36:20: SM303 not migrated: a second train op in the block; native-save replays one `minimize` — export the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
# 48:19: SM303 not migrated: `tf.gradients` builds training in the graph by hand; native-save replays only `optimizer.minimize(loss)` run by `sess.run` — use that, or export the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
# 63:9: SM307 not migrated: this loop or condition uses graph object `loss` outside `sess.run` (a tensor is not a value in TF1 either; feed dicts must be bound before it); use only `sess.run` results in it, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 73:9: SM303 not migrated: `tf.summary.scalar` is a TF1 summary op (written through a FileWriter while training in the session), which native-save does not replay; drop it from the export block, or export the trained session with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
# 90:22: SM303 not migrated: `sess.run` fetches a variable together with the train op that updates it; TF1 reads it before or after the update in no fixed order — fetch it in its own `sess.run`
# 104:9: SM303 not migrated: variables are re-initialized after an assign or training; the values to export are ambiguous
# 113:83: SM303 not migrated: `var_list=` trains `w`, created with trainable=False; make it trainable, or use the session bridge
# 123:16: SM310 not migrated: `tf.losses.mean_squared_error` is migrated only as `tf.losses.mean_squared_error(labels, predictions)` (no weights, scope, loss_collection or reduction); drop those arguments, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
# 140:13: SM309 not migrated: `dense(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: it has a loop, condition or `try` (only straight-line helpers are inlined); native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
