# codemods: native-save, compat-names
# A config with a field tf.config has no call for (a memory fraction), or read elsewhere: left as it is
import numpy as np
import tensorflow as tf


def export(export_dir):
    config = tf.ConfigProto()
    config.gpu_options.per_process_gpu_memory_fraction = 0.5
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.reduce_sum(x, axis=1, name="y")
        with tf.Session(config=config) as sess:
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def export_logged(export_dir):
    config = tf.ConfigProto(device_count={"GPU": 0})
    print("config", config.device_count["GPU"])
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.reduce_max(x, axis=1, name="y")
        with tf.Session(config=config) as sess:
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})


def export_cpu_only(export_dir):
    config = tf.ConfigProto(device_count={"GPU": 0}, log_device_placement=False)
    with tf.Graph().as_default():
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = tf.reduce_min(x, axis=1, name="y")
        with tf.Session(config=config) as sess:
            tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# A config with a field tf.config has no call for (a memory fraction), or read elsewhere: left as it is
import numpy as np
import tensorflow as tf


def export(export_dir):
    config = tf.ConfigProto()
    config.gpu_options.per_process_gpu_memory_fraction = 0.5

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default(x):
        y = tf.reduce_sum(x, axis=1, name="y")
        return {"y": y}

    module = tf.Module()
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})


def export_logged(export_dir):
    config = tf.ConfigProto(device_count={"GPU": 0})
    print("config", config.device_count["GPU"])

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default_2(x):
        y = tf.reduce_max(x, axis=1, name="y")
        return {"y": y}

    module_2 = tf.Module()
    module_2.serving_default_2 = serving_default_2
    tf.saved_model.save(module_2, export_dir, signatures={"serving_default": serving_default_2})


def export_cpu_only(export_dir):
    try:  # what the removed ConfigProto asked for (TF2 takes it only before the first op runs)
        tf.config.set_visible_devices([], "GPU")
    except RuntimeError:
        pass

    @tf.function(input_signature=[tf.TensorSpec(shape=[None, 2], dtype=tf.float32, name="x")])
    def serving_default_3(x):
        y = tf.reduce_min(x, axis=1, name="y")
        return {"y": y}

    module_3 = tf.Module()
    module_3.serving_default_3 = serving_default_3
    tf.saved_model.save(module_3, export_dir, signatures={"serving_default": serving_default_3})
# diagnostics
# 12:32: SM323 the removed session's `config=config` sets something smmigrate does not map to `tf.config` (it maps literal thread counts, `gpu_options.allow_growth`, `device_count={"GPU": 0}`, `log_device_placement` and `allow_soft_placement` of a config used only by this session); with the session gone it no longer applies: ask `tf.config` for it at the program's start (e.g. `tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=...)])` for a memory limit), or delete the config
# 22:32: SM323 the removed session's `config=config` sets something smmigrate does not map to `tf.config` (it maps literal thread counts, `gpu_options.allow_growth`, `device_count={"GPU": 0}`, `log_device_placement` and `allow_soft_placement` of a config used only by this session); with the session gone it no longer applies: ask `tf.config` for it at the program's start (e.g. `tf.config.set_logical_device_configuration(gpu, [tf.config.LogicalDeviceConfiguration(memory_limit=...)])` for a memory limit), or delete the config
