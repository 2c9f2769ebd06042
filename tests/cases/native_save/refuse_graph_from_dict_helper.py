# codemods: native-save, compat-names
# refused (SM321): the helper returning a dict of tensors is inlined, but the feed dict is keyed by
# `t["x"]`, not by a placeholder's name: native-save reads feeds written `{placeholder: value}`
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
# refused (SM321): the helper returning a dict of tensors is inlined, but the feed dict is keyed by
# `t["x"]`, not by a placeholder's name: native-save reads feeds written `{placeholder: value}`
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
# 16:7: SM321 not migrated: the feed_dict is neither a literal `{placeholder: value}` dict nor a name bound to one earlier in this block; write the feeds out
