# the recipe inside a function, for a functional model with two inputs and two outputs
# (`model.inputs[i]` / `model.outputs[i]`); long decorators are split over lines
import tensorflow as tf


def export(export_dir):
    tf.keras.backend.set_learning_phase(0)
    a = tf.keras.Input(shape=(3,), name="a")
    b = tf.keras.Input(shape=(2,), name="b")
    h = tf.keras.layers.Concatenate()([a, b])
    model = tf.keras.Model([a, b], [tf.keras.layers.Dense(1)(h), tf.keras.layers.Dense(2)(h)])
    sess = tf.keras.backend.get_session()
    tf.saved_model.simple_save(
        sess,
        export_dir,
        inputs={"left": model.inputs[0], "right": model.inputs[1]},
        outputs={"score": model.outputs[0], "label": model.outputs[1]},
    )
# output
# the recipe inside a function, for a functional model with two inputs and two outputs
# (`model.inputs[i]` / `model.outputs[i]`); long decorators are split over lines
import tensorflow as tf


def export(export_dir):
    a = tf.keras.Input(shape=(3,), name="a")
    b = tf.keras.Input(shape=(2,), name="b")
    h = tf.keras.layers.Concatenate()([a, b])
    model = tf.keras.Model([a, b], [tf.keras.layers.Dense(1)(h), tf.keras.layers.Dense(2)(h)])

    @tf.function(
        input_signature=[
            tf.TensorSpec(model.inputs[0].shape, model.inputs[0].dtype, name="left"),
            tf.TensorSpec(model.inputs[1].shape, model.inputs[1].dtype, name="right"),
        ]
    )
    def serving_default(left, right):
        outputs = model([left, right], training=False)
        return {"score": outputs[0], "label": outputs[1]}

    module = tf.Module()
    module.model = model
    module.serving_default = serving_default
    tf.saved_model.save(module, export_dir, signatures={"serving_default": serving_default})
