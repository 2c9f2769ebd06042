"""Keras 2: a subclassed model with a custom layer, saved with save_model and called after reloading."""

import os
import sys

import numpy as np
import tensorflow as tf
from _weights import fix_weights, show


class Scale(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(input_shape[-1],), initializer="ones")

    def call(self, inputs):
        return inputs * self.scale


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(2)
        self.scale = Scale()

    def call(self, inputs):
        return self.scale(self.dense(inputs))


export_dir = os.path.join(sys.argv[1], "model")
x = np.array([[1.0, 2.0, 3.0]], dtype=np.float32)
net = Net()
net(x)
fix_weights(net)
tf.keras.models.save_model(net, export_dir)

reloaded = tf.keras.models.load_model(export_dir)
y = reloaded(x)
show("subclassed call:", y)
