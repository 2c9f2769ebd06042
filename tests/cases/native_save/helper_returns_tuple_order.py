# codemods: native-save, compat-names
# `x, y, z = build()` returning `x, x * w, y + 1.0` with `y` the module's: binding the elements one by one
# would let `z` read the new `y`, so the tuple is bound as a whole (and the alias of `x` is refused)
import tensorflow as tf

y = 3.0


def build():
    x = tf.placeholder(tf.float32, [None], name="x")
    w = tf.Variable(2.0, name="w")
    return x, x * w, y + 1.0


def export(export_dir):
    x, y, z = build()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(z)
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# `x, y, z = build()` returning `x, x * w, y + 1.0` with `y` the module's: binding the elements one by one
# would let `z` read the new `y`, so the tuple is bound as a whole (and the alias of `x` is refused)
import tensorflow as tf

y = 3.0


def build():
    x = tf.placeholder(tf.float32, [None], name="x")
    w = tf.Variable(2.0, name="w")
    return x, x * w, y + 1.0


def export(export_dir):
    x, y, z = build()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print(z)
        tf.compat.v1.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# diagnostics
# 15:15: SM309 not migrated: `build(...)` reads the module's `y`, which the calling function binds too: inlined, it would read the caller's; rename one of them, or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)
