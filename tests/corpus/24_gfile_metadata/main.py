import json
import os

import numpy as np
import tensorflow as tf

OUT = "run_dir"


def write_metadata(path, meta):
    if not tf.gfile.Exists(os.path.dirname(path)):
        tf.gfile.MakeDirs(os.path.dirname(path))
    with tf.gfile.GFile(path, "w") as f:
        f.write(json.dumps(meta, sort_keys=True))


def main():
    x = tf.placeholder(tf.float32, [None], name="x")
    mean = tf.Variable(2.0, name="mean")
    std = tf.Variable(4.0, name="std")
    z = (x - mean) / std
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        print("z", ["%.4f" % v for v in sess.run(z, {x: np.array([2.0, 6.0, -2.0])})])
        export_dir = os.path.join(OUT, "export")
        if tf.gfile.IsDirectory(export_dir):
            tf.gfile.DeleteRecursively(export_dir)
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"z": z})
    write_metadata(os.path.join(OUT, "meta", "info.json"), {"mean": 2.0, "std": 4.0})
    with tf.gfile.GFile(os.path.join(OUT, "meta", "info.json")) as f:
        print("meta", f.read())
    print("files", sorted(tf.gfile.ListDirectory(OUT)))


main()
