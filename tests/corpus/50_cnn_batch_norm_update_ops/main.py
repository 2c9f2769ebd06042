"""Image classifier the TF 1.x way: tf.layers conv/pool/batch_norm with a training flag, UPDATE_OPS as
control dependencies of the train op, then a serving signature with the flag defaulting to False."""
import numpy as np
import tensorflow as tf

tf.set_random_seed(3)
images = tf.placeholder(tf.float32, [None, 8, 8, 1], name="images")
labels = tf.placeholder(tf.int64, [None], name="labels")
is_training = tf.placeholder_with_default(False, [], name="is_training")

net = tf.layers.conv2d(images, 4, 3, padding="same", activation=tf.nn.relu,
                       kernel_initializer=tf.constant_initializer(0.05), name="conv1")
net = tf.layers.batch_normalization(net, training=is_training, name="bn1")
net = tf.layers.max_pooling2d(net, 2, 2)
net = tf.layers.flatten(net)
logits = tf.layers.dense(net, 3, kernel_initializer=tf.constant_initializer(0.01), name="logits")
probs = tf.nn.softmax(logits, name="probs")
loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
with tf.control_dependencies(update_ops):
    train_op = tf.train.MomentumOptimizer(0.05, 0.9).minimize(loss)

rng = np.random.RandomState(7)
x = rng.rand(12, 8, 8, 1).astype(np.float32)
y = rng.randint(0, 3, size=12)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for step in range(5):
        _, l = sess.run([train_op, loss], {images: x, labels: y, is_training: True})
        print("step %d loss %.5f" % (step, l))
    print("probs", np.round(sess.run(probs, {images: x[:2]}), 5).tolist())
    builder = tf.saved_model.builder.SavedModelBuilder("cnn_model")
    sig = tf.saved_model.signature_def_utils.predict_signature_def(
        inputs={"images": images}, outputs={"probs": probs, "class": tf.argmax(logits, 1)})
    builder.add_meta_graph_and_variables(sess, [tf.saved_model.tag_constants.SERVING],
                                         signature_def_map={"predict_images": sig},
                                         strip_default_attrs=True)
    builder.save()
