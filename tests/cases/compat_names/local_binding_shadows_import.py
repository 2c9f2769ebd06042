# a function's own `tf = try_import_tf()` is not the module's `import tensorflow as tf`: left and reported there
import tensorflow as tf


def export(sess, path, x, y):
    tf = try_import_tf()
    tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})
    return tf.saved_model.tag_constants.SERVING


def serving_tag():
    return tf.saved_model.tag_constants.SERVING
# output
# a function's own `tf = try_import_tf()` is not the module's `import tensorflow as tf`: left and reported there
import tensorflow as tf


def export(sess, path, x, y):
    tf = try_import_tf()
    tf.saved_model.simple_save(sess, path, {"x": x}, {"y": y})
    return tf.saved_model.tag_constants.SERVING


def serving_tag():
    return tf.saved_model.SERVING
# diagnostics
# 7:5: SM101 `tf` is bound by `tf = try_import_tf()`, so `tf.saved_model.simple_save` cannot
