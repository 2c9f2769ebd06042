# codemods: native-load, compat-names
# refused: a session config with a field tf.config has no call for (a GPU memory fraction)
import tensorflow as tf


def predict(export_dir, batch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    config.gpu_options.per_process_gpu_memory_fraction = 0.5
    with tf.Session(graph=tf.Graph(), config=config) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# output
# refused: a session config with a field tf.config has no call for (a GPU memory fraction)
import tensorflow as tf


def predict(export_dir, batch):
    config = tf.ConfigProto(intra_op_parallelism_threads=1)
    config.gpu_options.per_process_gpu_memory_fraction = 0.5
    with tf.Session(graph=tf.Graph(), config=config) as sess:
        tf.compat.v1.saved_model.load(sess, ["serve"], export_dir)
        return sess.run("y:0", feed_dict={"x:0": batch})
# diagnostics
# 8:39: SM206 `tf.saved_model.loader.load(...)` left as TF1 code: the session is created with `config=config`, which sets something smmigrate does not map to `tf.config` (it maps literal thread counts, `gpu_options.allow_growth`, `device_count={"GPU": 0}`, `log_device_placement`, `allow_soft_placement` of a config used only by this session); configure threads and devices with `tf.config` (e.g. `tf.config.threading.set_intra_op_parallelism_threads`) and load with `tf.saved_model.load(export_dir, tags=...)`
