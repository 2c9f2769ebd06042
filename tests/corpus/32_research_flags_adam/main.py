"""train.py of a research repo: argparse flags, Adam, periodic logging, final export."""
import argparse

import numpy as np
import tensorflow as tf


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--export_dir", default="export")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def model(x, n_hidden=8):
    w1 = tf.Variable(np.full((3, n_hidden), 0.05, np.float32) + np.arange(n_hidden, dtype=np.float32) * 0.01)
    w2 = tf.Variable(np.full((n_hidden, 1), 0.1, np.float32))
    return tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)


def main(args):
    np.random.seed(args.seed)
    tf.set_random_seed(args.seed)
    x = tf.placeholder(tf.float32, [None, 3], name="x")
    t = tf.placeholder(tf.float32, [None, 1], name="t")
    pred = model(x)
    loss = tf.losses.mean_squared_error(t, pred)
    opt = tf.train.AdamOptimizer(args.lr)
    train_op = opt.minimize(loss)
    data = np.random.rand(16, 3).astype(np.float32)
    target = data.sum(axis=1, keepdims=True)
    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    for step in range(args.steps):
        l, _ = sess.run([loss, train_op], {x: data, t: target})
        if step % 5 == 0 or step == args.steps - 1:
            print("step {:03d} loss {:.6f}".format(step, l))
    builder = tf.saved_model.builder.SavedModelBuilder(args.export_dir)
    builder.add_meta_graph_and_variables(
        sess,
        [tf.saved_model.tag_constants.SERVING],
        signature_def_map={"predict": tf.saved_model.signature_def_utils.predict_signature_def({"x": x}, {"y": pred})},
    )
    builder.save()
    sess.close()


if __name__ == "__main__":
    main(get_args())
