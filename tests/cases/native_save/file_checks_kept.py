# codemods: native-save, compat-names
# control flow that only touches files (tf.gfile) stays where it was; the probe in a list comprehension runs the signature function
import os

import numpy as np
import tensorflow as tf


def main(out):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        mean = tf.Variable(2.0, name="mean")
        std = tf.Variable(4.0, name="std")
        z = (x - mean) / std
        sess.run(tf.global_variables_initializer())
        print("z", ["%.4f" % v for v in sess.run(z, {x: np.array([2.0, 6.0, -2.0])})])
        export_dir = os.path.join(out, "export")
        if tf.gfile.IsDirectory(export_dir):
            tf.gfile.DeleteRecursively(export_dir)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"z": z})
# output
# control flow that only touches files (tf.gfile) stays where it was; the probe in a list comprehension runs the signature function
import os

import numpy as np
import tensorflow as tf


def main(out):
    mean = tf.Variable(2.0, name="mean")
    std = tf.Variable(4.0, name="std")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        z = (x - mean) / std
        return {"z": z}

    print("z", ["%.4f" % v for v in serving_default(x=np.array([2.0, 6.0, -2.0]))["z"].numpy()])
    export_dir = os.path.join(out, "export")
    if tf.gfile.IsDirectory(export_dir):
        tf.gfile.DeleteRecursively(export_dir)
    module = tf.Module()
    module.mean = mean
    module.std = std
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
