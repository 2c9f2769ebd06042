# codemods: native-save, compat-names
# refused (SM309): helpers that create variables but cannot be inlined — `*args`, a computed default,
# a `with` block other than variable/name scopes, a call inside a loop, a helper reading a global the
# calling function binds too, a call beside a variable made in the same expression, a call in a
# conditional expression, a lambda rebinding the helper's name; the diagnostic names why
import numpy as np
import tensorflow as tf


def stack(x, *sizes):
    w = tf.Variable(tf.ones([2, sizes[0]]), name="w")
    return tf.matmul(x, w)


def model(x):
    return stack(x, 1)  # inlined itself, but what it calls cannot be


def export_star_args(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = model(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def scaled(x, scale=np.ones([2, 1], np.float32)):
    w = tf.Variable(scale, name="w")
    return tf.matmul(x, w)


def export_computed_default(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = scaled(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def pinned(x):
    with tf.device("/cpu:0"):
        w = tf.Variable(tf.ones([2, 1]), name="w")
        return tf.matmul(x, w)


def export_device(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = pinned(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def layer(x):
    w = tf.Variable(tf.ones([2, 2]), name="w")
    return tf.matmul(x, w)


def export_in_loop(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = x
        for _ in range(2):
            y = layer(y)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


SCALE = 2.0


def scaled_layer(x):
    w = tf.Variable(tf.ones([2, 1]) * SCALE, name="w")
    return tf.matmul(x, w)


def export_shadowed_global(export_dir, SCALE=3.0):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = scaled_layer(x) * SCALE
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def biased(x):
    b = tf.Variable(1.0, name="b")
    return x + b


def export_beside_variable(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.Variable(2.0, name="b") * biased(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def maybe(export_dir, deep):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(x) if deep else x
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def doubled(x):
    twice = lambda x: x * 2.0
    v = tf.Variable(1.0, name="v")
    return twice(x) * v


def export_lambda(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = doubled(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# refused (SM309): helpers that create variables but cannot be inlined — `*args`, a computed default,
# a `with` block other than variable/name scopes, a call inside a loop, a helper reading a global the
# calling function binds too, a call beside a variable made in the same expression, a call in a
# conditional expression, a lambda rebinding the helper's name; the diagnostic names why
import numpy as np
import tensorflow as tf


def stack(x, *sizes):
    w = tf.Variable(tf.ones([2, sizes[0]]), name="w")
    return tf.matmul(x, w)


def model(x):
    return stack(x, 1)  # inlined itself, but what it calls cannot be


def export_star_args(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = model(x)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def scaled(x, scale=np.ones([2, 1], np.float32)):
    w = tf.Variable(scale, name="w")
    return tf.matmul(x, w)


def export_computed_default(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = scaled(x)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def pinned(x):
    with tf.device("/cpu:0"):
        w = tf.Variable(tf.ones([2, 1]), name="w")
        return tf.matmul(x, w)


def export_device(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = pinned(x)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def layer(x):
    w = tf.Variable(tf.ones([2, 2]), name="w")
    return tf.matmul(x, w)


def export_in_loop(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = x
        for _ in range(2):
            y = layer(y)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


SCALE = 2.0


def scaled_layer(x):
    w = tf.Variable(tf.ones([2, 1]) * SCALE, name="w")
    return tf.matmul(x, w)


def export_shadowed_global(export_dir, SCALE=3.0):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = scaled_layer(x) * SCALE
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def biased(x):
    b = tf.Variable(1.0, name="b")
    return x + b


def export_beside_variable(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.Variable(2.0, name="b") * biased(x)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def maybe(export_dir, deep):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(x) if deep else x
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})


def doubled(x):
    twice = lambda x: x * 2.0
    v = tf.Variable(1.0, name="v")
    return twice(x) * v


def export_lambda(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = doubled(x)
        sess.run(tf.global_variables_initializer())
        tf.compat.v1.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# diagnostics
# 15:12: SM309 not migrated: `stack(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: it takes `*args`; native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 34:13: SM309 not migrated: `scaled(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: the default of `scale` is computed (`np.ones([2, 1], np.float32)`); native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 48:13: SM309 not migrated: `pinned(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: it has a `with` block other than `tf.variable_scope(...)` / `tf.name_scope(...)`; native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 63:17: SM309 not migrated: `layer(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: it is called inside a loop, condition or other compound statement; native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 79:13: SM309 not migrated: `scaled_layer(...)` reads the module's `SCALE`, which the calling function binds too: inlined, it would read the caller's; rename one of them, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
# 92:42: SM309 not migrated: `biased(...)` is called inside an expression that also creates a variable (`tf.Variable`): inlined, the helper's variables would be made first, and TF1 names variables in creation order; make that variable a statement of its own, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
# 100:13: SM309 not migrated: `layer(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: it is called inside a lambda, comprehension, conditional expression or `and`/`or`, where its statements cannot go before the call; native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
# 114:13: SM309 not migrated: `doubled(...)` is a function of this module that creates variables or placeholders and cannot be inlined here: a lambda or comprehension in it rebinds its name `x`; native-save inlines straight-line helpers (statements, `tf.variable_scope`/`tf.name_scope` blocks, one final `return`) called from straight-line code — as a call, its variables would be made at every trace of the tf.function. Rewrite it that way, or export with `smmigrate.export_session(sess, export_dir, ...)`
