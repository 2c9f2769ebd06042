# codemods: native-load, compat-names
# refused: a function rebinds the module's signature through `global`
import tensorflow as tf

SESSION = tf.Session(graph=tf.Graph())
META = tf.saved_model.loader.load(SESSION, ["serve"], "/models/service/1")
SIGNATURE = META.signature_def["serving_default"]


def handle(batch):
    return SESSION.run(SIGNATURE.outputs["y"].name, {SIGNATURE.inputs["x"].name: batch})


def switch(key):
    global SIGNATURE
    SIGNATURE = META.signature_def[key]
# output
# refused: a function rebinds the module's signature through `global`
import tensorflow as tf

SESSION = tf.Session(graph=tf.Graph())
META = tf.compat.v1.saved_model.load(SESSION, ["serve"], "/models/service/1")
SIGNATURE = META.signature_def["serving_default"]


def handle(batch):
    return SESSION.run(SIGNATURE.outputs["y"].name, {SIGNATURE.inputs["x"].name: batch})


def switch(key):
    global SIGNATURE
    SIGNATURE = META.signature_def[key]
# diagnostics
# 13:5: SM202 `tf.saved_model.loader.load(...)` left as TF1 code: `switch()` declares `global SIGNATURE`, so it may rebind what the session block made; pass the export directory instead of the session, then `loaded = tf.saved_model.load(export_dir, tags=...)` and call `loaded.signatures[key](**inputs)` where the session was used
