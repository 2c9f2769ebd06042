"""I/O helpers shared by the training scripts (older private-module imports)."""
import os
import shutil

from tensorflow.python.saved_model import builder as saved_model_builder
from tensorflow.python.saved_model import signature_constants
from tensorflow.python.saved_model import signature_def_utils
from tensorflow.python.saved_model import tag_constants


def save_model(sess, export_dir, inputs, outputs, overwrite=True):
    """Export `sess` with one predict signature built from tensor dicts."""
    if overwrite and os.path.exists(export_dir):
        shutil.rmtree(export_dir)
    builder = saved_model_builder.SavedModelBuilder(export_dir)
    signature = signature_def_utils.predict_signature_def(inputs=inputs, outputs=outputs)
    builder.add_meta_graph_and_variables(
        sess,
        tags=[tag_constants.SERVING],
        signature_def_map={signature_constants.DEFAULT_SERVING_SIGNATURE_DEF_KEY: signature},
        clear_devices=True,
    )
    builder.save()
    return export_dir


def export_with_tags(sess, export_dir, tags, **kwargs):
    builder = saved_model_builder.SavedModelBuilder(export_dir)
    builder.add_meta_graph_and_variables(sess, tags, **kwargs)
    builder.save()
