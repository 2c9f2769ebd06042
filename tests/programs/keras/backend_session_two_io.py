"""The same recipe inside a function, for a functional model with two inputs and two outputs
(`model.inputs[i]` / `model.outputs[i]` in the signature), fitted before the export.

argv: export_dir.
"""

import sys

import numpy as np
import tensorflow as tf


def main(export_dir):
    tf.keras.backend.set_learning_phase(0)
    left = tf.keras.layers.Input(shape=(3,), name="left")
    right = tf.keras.layers.Input(shape=(2,), name="right")
    joined = tf.keras.layers.Concatenate()([left, right])
    hidden = tf.keras.layers.Dense(4, activation="tanh", kernel_initializer=tf.keras.initializers.Constant(0.25))(
        joined
    )
    score = tf.keras.layers.Dense(1, name="score", kernel_initializer=tf.keras.initializers.Constant(0.5))(hidden)
    label = tf.keras.layers.Dense(
        2, activation="softmax", name="label", kernel_initializer=tf.keras.initializers.Constant([[0.1, -0.1]] * 4)
    )(hidden)
    model = tf.keras.Model(inputs=[left, right], outputs=[score, label])
    model.compile(optimizer=tf.keras.optimizers.SGD(lr=0.1), loss=["mse", "sparse_categorical_crossentropy"])
    rng = np.random.RandomState(3)
    a = rng.normal(size=(16, 3)).astype(np.float32)
    b = rng.normal(size=(16, 2)).astype(np.float32)
    model.fit([a, b], [a.sum(axis=1, keepdims=True), (b[:, 0] > 0).astype(np.int64)], batch_size=16, epochs=2, verbose=0)
    s, l = model.predict([a[:3], b[:3]])
    print("score:", " ".join("%.5f" % v for v in s.ravel()))
    print("label:", " ".join("%.5f" % v for v in l.ravel()))
    sess = tf.keras.backend.get_session()
    tf.saved_model.simple_save(
        sess,
        export_dir,
        inputs={"left": model.inputs[0], "right": model.inputs[1]},
        outputs={"score": model.outputs[0], "label": model.outputs[1]},
    )


main(sys.argv[1])
