# codemods: native-save, compat-names
# values made before the region stay readable in it: a tf.train.Example proto, a constant tensor; the module-level session config becomes tf.config calls
import numpy as np
import tensorflow as tf

CONFIG = tf.compat.v1.ConfigProto(intra_op_parallelism_threads=1, inter_op_parallelism_threads=1)
EXAMPLE = tf.train.Example(features=tf.train.Features(feature={"v": tf.train.Feature(float_list=tf.train.FloatList(value=[1.0, 2.0]))}))
OFFSET = tf.constant([0.5, -0.5])


def export(export_dir):
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
    y = tf.add(tf.matmul(x, w), OFFSET, name="y")
    sess = tf.Session(config=CONFIG)
    sess.run(tf.global_variables_initializer())
    values = list(EXAMPLE.features.feature["v"].float_list.value)
    print("y", sess.run(y, {x: [values]}).tolist())
    tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# values made before the region stay readable in it: a tf.train.Example proto, a constant tensor; the module-level session config becomes tf.config calls
import numpy as np
import tensorflow as tf

try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.threading.set_inter_op_parallelism_threads(1)
except RuntimeError:
    pass
EXAMPLE = tf.train.Example(features=tf.train.Features(feature={"v": tf.train.Feature(float_list=tf.train.FloatList(value=[1.0, 2.0]))}))
OFFSET = tf.constant([0.5, -0.5])


def export(export_dir):
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name="w")
    values = list(EXAMPLE.features.feature["v"].float_list.value)

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.add(tf.matmul(x, w), OFFSET, name="y")
        return {"y": y}

    print("y", serving_default(x=[values])["y"].numpy().tolist())
    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
