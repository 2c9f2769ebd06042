# codemods: native-save, compat-names
# refused (SM312): the module disables TF2 behaviour, so generated eager code would not run
import sys
import tempfile

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
        w = tf.Variable([[1.0], [2.0], [3.0]], name="w")
        b = tf.Variable([0.5], name="b")
        y = tf.identity(tf.matmul(x, w) + b, name="y")
        sess.run(tf.global_variables_initializer())
        builder = tf.saved_model.builder.SavedModelBuilder(export_dir)
        sig = tf.saved_model.signature_def_utils.build_signature_def(
            inputs={"x": tf.saved_model.utils.build_tensor_info(x)},
            outputs={"y": tf.saved_model.utils.build_tensor_info(y)},
            method_name=tf.saved_model.signature_constants.PREDICT_METHOD_NAME,
        )
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.tag_constants.SERVING],
            signature_def_map={tf.saved_model.signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: sig},
        )
        builder.save()


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, [tf.saved_model.tag_constants.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp() + "/linear"
    export(out)
    result = serve(out, np.array([[1.0, 1.0, 1.0], [0.0, 1.0, 2.0]], dtype=np.float32))
    print("served:", repr(result), type(result).__name__)
# output
# refused (SM312): the module disables TF2 behaviour, so generated eager code would not run
import sys
import tempfile

import numpy as np
import tensorflow.compat.v1 as tf

tf.disable_v2_behavior()


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, shape=[None, 3], name="x")
        w = tf.Variable([[1.0], [2.0], [3.0]], name="w")
        b = tf.Variable([0.5], name="b")
        y = tf.identity(tf.matmul(x, w) + b, name="y")
        sess.run(tf.global_variables_initializer())
        builder = tf.saved_model.Builder(export_dir)
        sig = tf.saved_model.signature_def_utils.build_signature_def(
            inputs={"x": tf.saved_model.utils.build_tensor_info(x)},
            outputs={"y": tf.saved_model.utils.build_tensor_info(y)},
            method_name=tf.saved_model.PREDICT_METHOD_NAME,
        )
        builder.add_meta_graph_and_variables(
            sess,
            [tf.saved_model.SERVING],
            signature_def_map={tf.saved_model.DEFAULT_SERVING_SIGNATURE_DEF_KEY: sig},
        )
        builder.save()


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.load(sess, [tf.saved_model.SERVING], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp() + "/linear"
    export(out)
    result = serve(out, np.array([[1.0, 1.0, 1.0], [0.0, 1.0, 2.0]], dtype=np.float32))
    print("served:", repr(result), type(result).__name__)
# diagnostics
# 8:1: SM312 not migrated: this module calls `disable_v2_behavior()`/`disable_eager
