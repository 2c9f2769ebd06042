# `import tensorflow.compat.v1 as tf`: already the TF1 API, so only the paths change
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
with tf.Session(graph=tf.Graph()) as sess:
    tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
    info = tf.saved_model.utils.build_tensor_info(x)
# output
# `import tensorflow.compat.v1 as tf`: already the TF1 API, so only the paths change
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()
with tf.Session(graph=tf.Graph()) as sess:
    tf.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
    info = tf.saved_model.utils.build_tensor_info(x)
