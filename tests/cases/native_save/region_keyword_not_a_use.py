# codemods: native-save, compat-names
# a module-level graph whose tensor `value` shares its name with keyword arguments elsewhere in the module (`dict(value=...)` is no use of it)
import numpy as np
import tensorflow as tf


def labelled(numbers):
    return dict(value=[round(float(v), 3) for v in np.ravel(numbers)])


x = tf.placeholder(tf.float32, [None, 2], name="x")
w = tf.Variable([[0.5], [-1.5]], name="w")
value = tf.matmul(x, w, name="value")
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(labelled(sess.run(value, {x: [[1.0, 2.0]]})))
    tf.saved_model.simple_save(sess, "./kw_model", inputs={"x": x}, outputs={"value": value})
print(dict(value=1.5))
# output
# a module-level graph whose tensor `value` shares its name with keyword arguments elsewhere in the module (`dict(value=...)` is no use of it)
import numpy as np
import tensorflow as tf


def labelled(numbers):
    return dict(value=[round(float(v), 3) for v in np.ravel(numbers)])


w = tf.Variable([[0.5], [-1.5]], name="w")


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
def serving_default(x):
    value = tf.matmul(x, w, name="value")
    return {"value": value}


print(labelled(serving_default(x=[[1.0, 2.0]])["value"].numpy()))
module = tf.Module()
module.w = w
module.serving_default = serving_default
tf.saved_model.save(module, "./kw_model", signatures={"serving_default": serving_default})
print(dict(value=1.5))
