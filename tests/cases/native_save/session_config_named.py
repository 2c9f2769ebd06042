# codemods: native-save, compat-names
# The session's config, made before the graph: thread pools, GPU memory growth -> tf.config calls
import numpy as np
import tensorflow as tf


def export(export_dir):
    gpu_options = tf.GPUOptions(allow_growth=True)
    config = tf.ConfigProto(gpu_options=gpu_options, allow_soft_placement=True, log_device_placement=False)
    config.intra_op_parallelism_threads = 2
    config.inter_op_parallelism_threads = 1
    x = tf.placeholder(tf.float32, [None, 2], name="x")
    w = tf.Variable(np.array([[1.0], [-2.0]], np.float32), name="w")
    y = tf.matmul(x, w, name="y")
    sess = tf.Session(config=config)
    sess.run(tf.global_variables_initializer())
    print("y", sess.run(y, {x: [[3.0, 1.0]]}).tolist())
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
    sess.close()
# output
# The session's config, made before the graph: thread pools, GPU memory growth -> tf.config calls
import numpy as np
import tensorflow as tf


def export(export_dir):
    try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
        tf.config.threading.set_intra_op_parallelism_threads(2)
        tf.config.threading.set_inter_op_parallelism_threads(1)
        for gpu in tf.config.list_physical_devices("GPU"):
            tf.config.experimental.set_memory_growth(gpu, True)
    except RuntimeError:
        pass
    w = tf.Variable(np.array([[1.0], [-2.0]], np.float32), name="w")

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.matmul(x, w, name="y")
        return {"y": y}

    print("y", serving_default(x=[[3.0, 1.0]])["y"].numpy().tolist())
    module = tf.Module()
    module.w = w
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
