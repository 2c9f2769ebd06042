# codemods: native-save, compat-names
# a checkpoint restored with tf.train.Saver before the export (an export script): each variable the
# saver holds gets the checkpoint's value under its TF1 name
import os

import tensorflow as tf


def export(export_dir):
    ckpt_dir = os.path.join(os.path.dirname(export_dir), "restore_ckpt")  # tests/programs/native_save/make_checkpoint.py
    tf.reset_default_graph()
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    with tf.variable_scope("dense"):
        w = tf.get_variable("kernel", [2, 1])
        b = tf.get_variable("bias", [1], initializer=tf.zeros_initializer())
    y = tf.add(tf.matmul(x, w), b, name="y")
    saver = tf.train.Saver()
    with tf.Session() as sess:
        saver.restore(sess, tf.train.latest_checkpoint(ckpt_dir))
        print("y", sess.run(y, {x: [[1.0, 1.0], [2.0, -1.0]]}).tolist())
        tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# a checkpoint restored with tf.train.Saver before the export (an export script): each variable the
# saver holds gets the checkpoint's value under its TF1 name
import os

import tensorflow as tf


def export(export_dir):
    ckpt_dir = os.path.join(os.path.dirname(export_dir), "restore_ckpt")  # tests/programs/native_save/make_checkpoint.py
    w = tf.Variable(tf.zeros([2, 1], dtype=tf.float32), name="dense/kernel")
    b = tf.Variable(tf.zeros([1]), name="dense/bias")
    reader = tf.train.load_checkpoint(tf.train.latest_checkpoint(ckpt_dir))
    w.assign(reader.get_tensor("dense/kernel"))
    b.assign(reader.get_tensor("dense/bias"))

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.add(tf.matmul(x, w), b, name="y")
        return {"y": y}

    print("y", serving_default(x=[[1.0, 1.0], [2.0, -1.0]])["y"].numpy().tolist())
    module = tf.Module()
    module.w = w
    module.b = b
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
