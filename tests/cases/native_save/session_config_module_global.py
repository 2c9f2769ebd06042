# codemods: native-save, compat-names
# a module-level config used only by a function's session: the tf.config calls replace it at module level
import tensorflow as tf

CONFIG = tf.ConfigProto(log_device_placement=False, intra_op_parallelism_threads=2)


def export(export_dir):
    x = tf.placeholder(tf.float32, [None], name="x")
    y = x * 2.0
    with tf.Session(config=CONFIG) as sess:
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# a module-level config used only by a function's session: the tf.config calls replace it at module level
import tensorflow as tf

try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
    tf.config.threading.set_intra_op_parallelism_threads(2)
except RuntimeError:
    pass


def export(export_dir):
    @tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = x * 2.0
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
