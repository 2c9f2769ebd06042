# codemods: native-save, compat-names
# a helper's dict of tensors, fed and fetched by key (`{t["x"]: value}`): each entry its own name
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
# a helper's dict of tensors, fed and fetched by key (`{t["x"]: value}`): each entry its own name
import tensorflow as tf


w = tf.Variable(2.0, name="w")
feed = {"x": [1.0, 2.0]}


@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
def serving_default(x):
    t_y = x * w
    return {"y": t_y}


print(serving_default(**feed)["y"].numpy())
module = tf.Module()
module.w = w
module.serving_default = serving_default
tf.saved_model.save(module, "out", signatures={"serving_default": serving_default})
