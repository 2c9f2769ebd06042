# bridged (was SM301): `import smmigrate` already there; a second run changes nothing
import smmigrate
import tensorflow.compat.v1 as tf1


def export(session, path, inputs, outputs):
    tf1.saved_model.simple_save(session=session, export_dir=path, inputs=inputs, outputs=outputs)
    return smmigrate.__version__
# output
# bridged (was SM301): `import smmigrate` already there; a second run changes nothing
import smmigrate
import tensorflow.compat.v1 as tf1


def export(session, path, inputs, outputs):
    smmigrate.export_session(sess=session, export_dir=path, inputs=inputs, outputs=outputs)
    return smmigrate.__version__
