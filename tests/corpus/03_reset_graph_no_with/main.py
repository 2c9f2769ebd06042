import os

import numpy as np
import tensorflow as tf


def export(export_base, version):
    tf.reset_default_graph()
    inp = tf.placeholder(tf.float32, shape=(None, 4), name="inp")
    scale = tf.Variable(np.arange(1, 5, dtype=np.float32), name="scale")
    out = tf.reduce_sum(inp * scale, axis=1, name="out")

    sess = tf.Session()
    sess.run(tf.global_variables_initializer())
    res = sess.run(out, feed_dict={inp: np.ones((2, 4), np.float32)})
    print("sum:", ["%.3f" % r for r in res])

    path = os.path.join(export_base, str(version))
    builder = tf.saved_model.builder.SavedModelBuilder(path)
    sig = tf.saved_model.signature_def_utils.build_signature_def(
        inputs={"inp": tf.saved_model.utils.build_tensor_info(inp)},
        outputs={"out": tf.saved_model.utils.build_tensor_info(out)},
        method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
    )
    builder.add_meta_graph_and_variables(sess, ["serve"], signature_def_map={"serving_default": sig})
    builder.save()
    sess.close()
    return path


if __name__ == "__main__":
    print(export("models", 1))
    print(export("models", 2))
