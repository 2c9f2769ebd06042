# codemods: native-save, compat-names
# training before the export: sess.run(train_op, feed_dict) in a loop over batches
import tensorflow as tf


def train_and_export(export_dir, data):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None], name="x")
        w = tf.Variable(1.0, name="w")
        y = x * w
        loss = tf.reduce_mean(tf.square(y - 3.0))
        train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
        sess.run(tf.global_variables_initializer())
        for batch in data:
            sess.run(train_op, feed_dict={x: batch})
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# training before the export: sess.run(train_op, feed_dict) in a loop over batches
import tensorflow as tf


def train_and_export(export_dir, data):
    w = tf.Variable(1.0, name="w")
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def train_step(x):
        with tf.GradientTape() as tape:
            y = x * w
            loss = tf.reduce_mean(tf.square(y - 3.0))
        variables = [w]
        gradients = tape.gradient(loss, variables)
        optimizer.apply_gradients([(g, v) for g, v in zip(gradients, variables) if g is not None])

    for batch in data:
        train_step(x=batch)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = x * w
        return {"y": y}

    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
