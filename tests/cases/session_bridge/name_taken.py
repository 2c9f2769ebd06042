# bridged (was SM301): the module already uses the name `smmigrate`, so the import gets an alias
import tensorflow as tf

smmigrate = "release tooling"


def export(sess, export_dir, x, y):
    tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
# output
# bridged (was SM301): the module already uses the name `smmigrate`, so the import gets an alias
import tensorflow as tf
import smmigrate as smmigrate_

smmigrate = "release tooling"


def export(sess, export_dir, x, y):
    smmigrate_.export_session(sess, export_dir, {"x": x}, {"y": y})
