# codemods: whole-api
# left as written: no session name, `session=`, a receiver that is not TF, another default session inside
import tensorflow as tf

x = tf.placeholder(tf.float32, [None, 2], name="x")
y = tf.reduce_sum(x)
other = tf.Session()


class Model:
    def eval(self):
        return 0


model = Model()
with tf.Session():
    print(y.eval({x: [[1.0, 2.0]]}))
with tf.Session() as sess:
    print(y.eval({x: [[1.0, 2.0]]}, session=other), model.eval(), sess.run(y, {x: [[0.0, 1.0]]}))
with tf.Session() as sess:
    with other.as_default():
        print(y.eval({x: [[3.0, 4.0]]}))
# output
# left as written: no session name, `session=`, a receiver that is not TF, another default session inside
import tensorflow as tf

x = tf.compat.v1.placeholder(tf.float32, [None, 2], name="x")
y = tf.compat.v1.reduce_sum(x)
other = tf.compat.v1.Session()


class Model:
    def eval(self):
        return 0


model = Model()
with tf.compat.v1.Session():
    print(y.eval({x: [[1.0, 2.0]]}))
with tf.compat.v1.Session() as sess:
    print(y.eval({x: [[1.0, 2.0]]}, session=other), model.eval(), sess.run(y, {x: [[0.0, 1.0]]}))
with tf.compat.v1.Session() as sess:
    with other.as_default():
        print(y.eval({x: [[3.0, 4.0]]}))
