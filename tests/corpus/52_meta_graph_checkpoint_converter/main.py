"""Checkpoint to SavedModel, the converter every TF 1.x project had: train and save a checkpoint with
its MetaGraph, then in a fresh graph import_meta_graph + restore, look the serving tensors up by
name, and export them."""
import os

import numpy as np
import tensorflow as tf

CKPT = os.path.join("ckpt", "model")


def train():
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 3], name="x")
        w = tf.Variable(tf.ones([3, 2]), name="w")
        logits = tf.matmul(x, w, name="logits")
        tf.nn.softmax(logits, name="probs")
        loss = tf.reduce_sum(logits ** 2)
        train_op = tf.train.GradientDescentOptimizer(0.01).minimize(loss)
        saver = tf.train.Saver()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            for _ in range(3):
                sess.run(train_op, {x: np.eye(3, dtype=np.float32)})
            os.makedirs("ckpt", exist_ok=True)
            saver.save(sess, CKPT)


def convert(export_dir):
    graph = tf.Graph()
    with graph.as_default():
        saver = tf.train.import_meta_graph(CKPT + ".meta")
        with tf.Session(graph=graph) as sess:
            saver.restore(sess, CKPT)
            x = graph.get_tensor_by_name("x:0")
            probs = graph.get_tensor_by_name("probs:0")
            print("probs", np.round(sess.run(probs, {x: [[1.0, 0.0, 2.0]]}), 5).tolist())
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"probs": probs})


train()
convert("converted/1")
print("exported", os.path.isfile(os.path.join("converted", "1", "saved_model.pb")))
