# codemods: keras-save
# `model = build_model()`: a module-level function every return of which builds a Keras model
import tensorflow as tf


def build_model(units):
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,), name="x"), tf.keras.layers.Dense(units)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def build_wide(wide):
    if wide:
        return build_model(8)
    inputs = tf.keras.Input(shape=(4,), name="x")
    return tf.keras.Model(inputs, tf.keras.layers.Dense(2)(inputs))


def make_anything(kind):
    return kind()


def export():
    model = build_model(3)
    model.save("export/1", save_format="tf")
    wide = build_wide(True)
    wide.save("export/wide")
    other = make_anything(tf.keras.Sequential)
    other.save("export/other")


def shadowed(build_model):
    model = build_model(3)
    model.save("export/shadowed")
# output
# `model = build_model()`: a module-level function every return of which builds a Keras model
import tensorflow as tf


def build_model(units):
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,), name="x"), tf.keras.layers.Dense(units)])
    model.compile(optimizer="sgd", loss="mse")
    return model


def build_wide(wide):
    if wide:
        return build_model(8)
    inputs = tf.keras.Input(shape=(4,), name="x")
    return tf.keras.Model(inputs, tf.keras.layers.Dense(2)(inputs))


def make_anything(kind):
    return kind()


def export():
    model = build_model(3)
    model.export("export/1")
    wide = build_wide(True)
    wide.export("export/wide")
    other = make_anything(tf.keras.Sequential)
    other.save("export/other")


def shadowed(build_model):
    model = build_model(3)
    model.save("export/shadowed")
# diagnostics
# 24:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
# 26:5: SM605 written with Keras 3 `model.export`: its `serving_default` s
