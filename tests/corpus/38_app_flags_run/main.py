"""tf.app.flags + tf.app.run entry point, as in the TF 1.x model-garden scripts."""
import numpy as np
import tensorflow as tf

flags = tf.app.flags
flags.DEFINE_string("model_dir", "flags_model", "Where to export the model.")
flags.DEFINE_integer("units", 3, "Width of the layer.")
flags.DEFINE_float("scale", 0.5, "Initial weight value.")
FLAGS = flags.FLAGS


def main(_):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable(tf.fill([2, FLAGS.units], FLAGS.scale), name="w")
    y = tf.reduce_mean(tf.matmul(x, w), axis=1, name="y")
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    print("units=%d y=%s" % (FLAGS.units, ["%.4f" % v for v in sess.run(y, {x: [[1, 2], [3, 4]]})]))
    tf.saved_model.simple_save(sess, FLAGS.model_dir, {"x": x}, {"y": y})
    sess.close()


if __name__ == "__main__":
    tf.app.run(main)
