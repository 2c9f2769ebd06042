"""Hard-coded tensor names (TF1): `sess.run('y:0', {'x:0': ...})` and get_tensor_by_name('z:0')."""
import sys

import tensorflow as tf


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        z = sess.graph.get_tensor_by_name("z:0")
        y = sess.run("y:0", feed_dict={"x:0": batch})
        both = sess.run(["y:0", z], feed_dict={"x:0": batch})
    return y, both


if __name__ == "__main__":
    y, both = serve(sys.argv[1], [[1], [4]])  # ints fed to a float32 input
    print("y:", repr(y), type(y).__name__)
    print("both:", repr(both), type(both).__name__)
