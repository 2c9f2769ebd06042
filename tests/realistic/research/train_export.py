"""Research-style training script: train for a while, then export the live session at the end."""
import argparse
import os

import numpy as np
import tensorflow as tf

from utils.io import save_model


def build_model(features, hidden):
    x = tf.placeholder(tf.float32, [None, features], name="inputs")
    labels = tf.placeholder(tf.float32, [None, 1], name="labels")
    h = tf.layers.dense(x, hidden, activation=tf.nn.relu, name="hidden")
    logits = tf.layers.dense(h, 1, name="logits")
    probs = tf.sigmoid(logits, name="probs")
    loss = tf.losses.sigmoid_cross_entropy(labels, logits)
    train_op = tf.train.AdamOptimizer(1e-3).minimize(loss)
    return x, labels, probs, loss, train_op


class Trainer(object):
    def __init__(self, args):
        self.args = args
        self.graph = tf.Graph()
        with self.graph.as_default():
            self.x, self.labels, self.probs, self.loss, self.train_op = build_model(args.features, args.hidden)
            self.saver = tf.train.Saver()
        self.sess = tf.Session(graph=self.graph)

    def train(self):
        with self.graph.as_default():
            self.sess.run(tf.global_variables_initializer())
        for step in range(self.args.steps):
            xs = np.random.rand(32, self.args.features)
            ys = (xs.sum(axis=1, keepdims=True) > self.args.features / 2).astype(np.float32)
            _, loss = self.sess.run([self.train_op, self.loss], {self.x: xs, self.labels: ys})
            if step % 100 == 0:
                print("step", step, "loss", loss)
                self.saver.save(self.sess, os.path.join(self.args.ckpt_dir, "model"), global_step=step)

    def export(self, export_dir):
        with self.graph.as_default():
            tf.saved_model.simple_save(
                self.sess, export_dir, inputs={"inputs": self.x}, outputs={"probs": self.probs}
            )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--features", type=int, default=16)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--ckpt-dir", default="/tmp/ckpt")
    parser.add_argument("--export-dir", default="/tmp/export")
    args = parser.parse_args()
    trainer = Trainer(args)
    trainer.train()
    trainer.export(args.export_dir)
    save_model(trainer.sess, args.export_dir + "_v2", {"inputs": trainer.x}, {"probs": trainer.probs})


if __name__ == "__main__":
    main()
