# bridged (was SM301): simple_save on a session passed in by the caller
import tensorflow as tf


def export(sess, export_dir, x, y):
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": x}, outputs={"y": y})
# output
# bridged (was SM301): simple_save on a session passed in by the caller
import tensorflow as tf
import smmigrate


def export(sess, export_dir, x, y):
    smmigrate.export_session(sess, export_dir, inputs={"x": x}, outputs={"y": y})
