# codemods: native-save, compat-names
# `with tf.Session(graph=tf.Graph()) as sess: with sess.graph.as_default():` inside an if; placeholder without shape
import tensorflow as tf

if True:
    with tf.Session(graph=tf.Graph()) as sess:
        with sess.graph.as_default():
            x = tf.placeholder(tf.float32); y = x * 2.0  # doubled
            out = sess.run(y, {x: 2.0})
            tf.saved_model.simple_save(sess, "/tmp/doubled", {"x": x}, {"y": y})
    print(out)
# output
# `with tf.Session(graph=tf.Graph()) as sess: with sess.graph.as_default():` inside an if; placeholder without shape
import tensorflow as tf

if True:
    @tf.function(input_signature=[tf.TensorSpec(shape=None, dtype=tf.float32, name="x")])
    def serving_default(x):
        y = x * 2.0
        return {"y": y}

    out = serving_default(x=2.0)["y"].numpy()
    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, "/tmp/doubled", signatures={"serving_default": serving_default})
    print(out)
