"""The table of TF1 SavedModel symbols and their TF 2.21 spellings (data shared by all codemods).

Keys are paths relative to the TF1 API root (``tf.`` in TF 1.x, ``tf.compat.v1.`` in TF 2.x).
Each value is ``(namespace, path)``: namespace ``"v2"`` means the symbol exists in the TF2 API
(spelled ``tf.<path>``), ``"v1"`` means it only exists under ``tf.compat.v1.<path>``. A TF-gated
test walks this table against the installed TensorFlow, so every target is known to exist.

`PRIVATE_MODULES` maps the private ``tensorflow.python.saved_model`` modules that TF1 code imported
from to the public TF1 path of the same module.
"""

from __future__ import annotations

V1 = "v1"
V2 = "v2"

_TAGS = ["SERVING", "TRAINING", "GPU", "TPU"]
_SIGNATURE_CONSTANTS = [
    "DEFAULT_SERVING_SIGNATURE_DEF_KEY",
    "CLASSIFY_METHOD_NAME",
    "REGRESS_METHOD_NAME",
    "PREDICT_METHOD_NAME",
    "CLASSIFY_INPUTS",
    "CLASSIFY_OUTPUT_CLASSES",
    "CLASSIFY_OUTPUT_SCORES",
    "REGRESS_INPUTS",
    "REGRESS_OUTPUTS",
    "PREDICT_INPUTS",
    "PREDICT_OUTPUTS",
]
_V2_CONSTANTS = [
    "ASSETS_DIRECTORY",
    "ASSETS_KEY",
    "DEBUG_DIRECTORY",
    "VARIABLES_DIRECTORY",
    "VARIABLES_FILENAME",
    "SAVED_MODEL_FILENAME_PB",
    "SAVED_MODEL_FILENAME_PBTXT",
    "SAVED_MODEL_SCHEMA_VERSION",
]
_V1_CONSTANTS = ["LEGACY_INIT_OP_KEY", "MAIN_OP_KEY"]
_SIGNATURE_DEF_UTILS = [
    "predict_signature_def",
    "classification_signature_def",
    "regression_signature_def",
    "build_signature_def",
    "is_valid_signature",
]

SYMBOLS: dict[str, tuple[str, str]] = {}

for _name in _TAGS:
    SYMBOLS[f"saved_model.tag_constants.{_name}"] = (V2, f"saved_model.{_name}")
    SYMBOLS[f"saved_model.{_name}"] = (V2, f"saved_model.{_name}")
for _name in _SIGNATURE_CONSTANTS:
    SYMBOLS[f"saved_model.signature_constants.{_name}"] = (V2, f"saved_model.{_name}")
    SYMBOLS[f"saved_model.{_name}"] = (V2, f"saved_model.{_name}")
for _name in _V2_CONSTANTS:
    SYMBOLS[f"saved_model.constants.{_name}"] = (V2, f"saved_model.{_name}")
    SYMBOLS[f"saved_model.{_name}"] = (V2, f"saved_model.{_name}")
for _name in _V1_CONSTANTS:
    SYMBOLS[f"saved_model.constants.{_name}"] = (V1, f"saved_model.{_name}")
    SYMBOLS[f"saved_model.{_name}"] = (V1, f"saved_model.{_name}")
for _name in _SIGNATURE_DEF_UTILS:
    SYMBOLS[f"saved_model.signature_def_utils.{_name}"] = (V1, f"saved_model.signature_def_utils.{_name}")
    SYMBOLS[f"saved_model.{_name}"] = (V1, f"saved_model.{_name}")

SYMBOLS.update(
    {
        "saved_model.builder.SavedModelBuilder": (V1, "saved_model.Builder"),
        "saved_model.Builder": (V1, "saved_model.Builder"),
        "saved_model.simple_save": (V1, "saved_model.simple_save"),
        "saved_model.loader.load": (V1, "saved_model.load"),
        "saved_model.loader.maybe_saved_model_directory": (V2, "saved_model.contains_saved_model"),
        "saved_model.maybe_saved_model_directory": (V2, "saved_model.contains_saved_model"),
        "saved_model.contains_saved_model": (V2, "saved_model.contains_saved_model"),
        "saved_model.utils.build_tensor_info": (V1, "saved_model.utils.build_tensor_info"),
        "saved_model.build_tensor_info": (V1, "saved_model.build_tensor_info"),
        "saved_model.utils.get_tensor_from_tensor_info": (V1, "saved_model.utils.get_tensor_from_tensor_info"),
        "saved_model.get_tensor_from_tensor_info": (V1, "saved_model.get_tensor_from_tensor_info"),
        "saved_model.signature_def_utils.MethodNameUpdater": (V1, "saved_model.signature_def_utils.MethodNameUpdater"),
        "saved_model.main_op.main_op": (V1, "saved_model.main_op.main_op"),
        "saved_model.main_op.main_op_with_restore": (V1, "saved_model.main_op.main_op_with_restore"),
        "saved_model.main_op_with_restore": (V1, "saved_model.main_op_with_restore"),
    }
)

# `tf.saved_model.load` is the TF1 loader (sess, tags, export_dir) only when called that way; in
# TF2 it is (export_dir, tags=None, options=None). The codemods look at the call to decide.
TF1_LOAD = "saved_model.load"
TF1_LOAD_TARGET = (V1, "saved_model.load")

# private module (under tensorflow.python.saved_model) -> public TF1 module path
PRIVATE_MODULES: dict[str, str] = {
    "builder": "saved_model.builder",
    "builder_impl": "saved_model.builder",
    "loader": "saved_model.loader",
    "loader_impl": "saved_model.loader",
    "tag_constants": "saved_model.tag_constants",
    "signature_constants": "saved_model.signature_constants",
    "signature_def_utils": "saved_model.signature_def_utils",
    "signature_def_utils_impl": "saved_model.signature_def_utils",
    "method_name_updater": "saved_model.signature_def_utils",
    "utils": "saved_model.utils",
    "utils_impl": "saved_model.utils",
    "main_op": "saved_model.main_op",
    "main_op_impl": "saved_model.main_op",
    "constants": "saved_model.constants",
    "simple_save": "saved_model",
}

# Module paths a name can be bound to that we know how to spell from (base bindings).
ROOT_MODULE = "tensorflow"
V1_MODULE = "tensorflow.compat.v1"
V2_MODULE = "tensorflow.compat.v2"


def canonical(qualified: str) -> str | None:
    """Map a fully qualified name to its key in `SYMBOLS` space (TF1-relative), or None.

    ``tensorflow.saved_model.X`` and ``tensorflow.compat.v1.saved_model.X`` both give
    ``saved_model.X``; ``tensorflow.python.saved_model.builder.SavedModelBuilder`` gives
    ``saved_model.builder.SavedModelBuilder``. TF2-only spellings (``tensorflow.compat.v2``) give None.
    """
    if qualified.startswith(V2_MODULE + ".") or qualified == V2_MODULE:
        return None
    if qualified.startswith(V1_MODULE + "."):
        return qualified[len(V1_MODULE) + 1 :]
    private = "tensorflow.python.saved_model."
    if qualified.startswith(private):
        rest = qualified[len(private) :]
        module, _, attr = rest.partition(".")
        public = PRIVATE_MODULES.get(module)
        if public is None:
            return None
        return f"{public}.{attr}" if attr else public
    if qualified.startswith(ROOT_MODULE + "."):
        return qualified[len(ROOT_MODULE) + 1 :]
    return None
