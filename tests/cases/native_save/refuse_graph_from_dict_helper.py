# codemods: native-save, compat-names
# refused (SM309): the graph comes from a helper returning a dict of tensors, which native-save does not inline; the diagnostic names the helper's call (not the feed dict keyed by `t["x"]` later)
import tensorflow as tf


def build():
    x = tf.placeholder(tf.float32, [None], name="x")
    w = tf.Variable(2.0, name="w")
    return {"x": x, "y": x * w}


t = build()
sess = tf.Session()
sess.run(tf.global_variables_initializer())
feed = {t["x"]: [1.0, 2.0]}
print(sess.run(t["y"], feed))
tf.saved_model.simple_save(sess, "out", inputs={"x": t["x"]}, outputs={"y": t["y"]})
# output
# refused (SM309): the graph comes from a helper returning a dict of tensors, which native-save does not inline; the diagnostic names the helper's call (not the feed dict keyed by `t["x"]` later)
import tensorflow as tf


def build():
    x = tf.placeholder(tf.float32, [None], name="x")
    w = tf.Variable(2.0, name="w")
    return {"x": x, "y": x * w}


t = build()
sess = tf.Session()
sess.run(tf.global_variables_initializer())
feed = {t["x"]: [1.0, 2.0]}
print(sess.run(t["y"], feed))
tf.compat.v1.saved_model.simple_save(sess, "out", inputs={"x": t["x"]}, outputs={"y": t["y"]})
# diagnostics
# 11:5: SM309 not migrated: `build(...)` is a function of this module that creates variables or placeholders; native-save inlines such a helper only when it is called once, with plain statements ending in `return <names>` — otherwise its variables would be made at every trace of the tf.function. Create them outside, or export with `smmigrate.export_session(sess, export_dir, ...)`
