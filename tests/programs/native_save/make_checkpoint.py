"""Write the TF1 checkpoint the `restore_checkpoint` case restores (run in TF1 mode, before the cases).

argv: one or more folders; each gets `restore_ckpt/` with a `tf.train.Saver` checkpoint of
`dense/kernel` and `dense/bias`.
"""

import os
import sys

import numpy as np
import tensorflow as tf

for folder in sys.argv[1:]:
    with tf.Graph().as_default():
        with tf.variable_scope("dense"):
            tf.get_variable("kernel", initializer=np.array([[0.75], [-1.5]], np.float32))
            tf.get_variable("bias", initializer=np.array([0.25], np.float32))
        saver = tf.train.Saver()
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            saver.save(sess, os.path.join(folder, "restore_ckpt", "model.ckpt"), global_step=7)
