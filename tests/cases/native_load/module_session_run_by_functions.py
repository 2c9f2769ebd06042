# codemods: native-load, compat-names
# a module-level session run by the module's request handler and closed by its shutdown function
import tensorflow as tf

SESSION = tf.Session(graph=tf.Graph())
META = tf.saved_model.loader.load(SESSION, ["serve"], "/models/service/1")
SIGNATURE = META.signature_def["serving_default"]
INPUT_NAME = SIGNATURE.inputs["x"].name


def handle(batch):
    y, z = SESSION.run([SIGNATURE.outputs["y"].name, SIGNATURE.outputs["z"].name], {INPUT_NAME: batch})
    return {"y": y.tolist(), "z": z.tolist()}


def shutdown():
    SESSION.close()
# output
# a module-level session run by the module's request handler and closed by its shutdown function
import tensorflow as tf

loaded = tf.saved_model.load("/models/service/1", tags=["serve"])
SIGNATURE = loaded.signatures["serving_default"]


def handle(batch):
    outputs = SIGNATURE(x=batch)
    y, z = [outputs["y"].numpy(), outputs["z"].numpy()]
    return {"y": y.tolist(), "z": z.tolist()}


def shutdown():
    pass
