# codemods: native-save, compat-names
# `import tensorflow.compat.v1 as tf` (no disable_v2_behavior) and an export at module level
import tempfile

import tensorflow.compat.v1 as tf

with tf.Graph().as_default(), tf.Session() as sess:
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    y = tf.reduce_sum(tf.square(x), axis=1, name="y")
    tf.saved_model.simple_save(sess, tempfile.mkdtemp() + "/squares", {"x": x}, {"y": y})
print("done")
# output
# `import tensorflow.compat.v1 as tf` (no disable_v2_behavior) and an export at module level
import tempfile

import tensorflow.compat.v1 as tf


@tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
def serving_default(x):
    y = tf.reduce_sum(tf.square(x), axis=1, name="y")
    return {"y": y}


export_path = tempfile.mkdtemp() + "/squares"
module = tf.Module()
module.serving_default = serving_default
tf.saved_model.save(module, export_path, signatures={"serving_default": serving_default})
print("done")
