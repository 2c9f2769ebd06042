# codemods: compat-mode
# a TF1 optimizer whose minimize takes a tensor (or that is used any other way) builds graph code
import tensorflow as tf

w = tf.Variable([1.0, 2.0])
loss = tf.reduce_sum(w * w)
opt = tf.compat.v1.train.AdamOptimizer(0.01)
train_op = opt.minimize(loss)
slots = tf.compat.v1.train.GradientDescentOptimizer(0.1)
print(slots.get_name())
# output
# a TF1 optimizer whose minimize takes a tensor (or that is used any other way) builds graph code
import tensorflow as tf
tf.compat.v1.disable_v2_behavior()

w = tf.Variable([1.0, 2.0])
loss = tf.reduce_sum(w * w)
opt = tf.compat.v1.train.AdamOptimizer(0.01)
train_op = opt.minimize(loss)
slots = tf.compat.v1.train.GradientDescentOptimizer(0.1)
print(slots.get_name())
# diagnostics
# 6:7: SM120 this module runs in TF1 compatibility mode: TF1 graph code a
