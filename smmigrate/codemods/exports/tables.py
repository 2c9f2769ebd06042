"""Data for native-save: which TF1 symbols an export block may use, and what they become in TF2.

Graph code moved into a `tf.function` keeps a TensorFlow name only when TF 2.21 has the same
symbol with the same meaning for the way TF1 code called it (`GRAPH_KEEP`), or when TF 2.21
moved it (`GRAPH_RENAME`, TF1-relative path -> TF2 path). Anything else stops the rewrite
(SM310): a stateful or graph-only op (``tf.train``, queues, ``py_func``) cannot simply be
replayed eagerly; variables created by name (``get_variable``, ``tf.layers.dense``) have their own
tables below. Keys are TF1-relative paths as `SavedModelCodemod.tf_symbol` gives them.
"""

from __future__ import annotations

import re

_DTYPES = [
    "float16",
    "float32",
    "float64",
    "bfloat16",
    "half",
    "double",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "bool",
    "string",
    "complex64",
    "complex128",
    "DType",
    "as_dtype",
]

_OPS = [
    "abs",
    "add",
    "add_n",
    "argmax",
    "argmin",
    "argsort",
    "boolean_mask",
    "broadcast_to",
    "cast",
    "ceil",
    "clip_by_value",
    "concat",
    "constant",
    "cumsum",
    "divide",
    "einsum",
    "equal",
    "exp",
    "expand_dims",
    "eye",
    "fill",
    "floor",
    "floordiv",
    "gather",
    "gather_nd",
    "greater",
    "greater_equal",
    "identity",
    "less",
    "less_equal",
    "linspace",
    "logical_and",
    "logical_not",
    "logical_or",
    "map_fn",
    "matmul",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "not_equal",
    "one_hot",
    "ones",
    "ones_like",
    "pad",
    "pow",
    "range",
    "rank",
    "reduce_all",
    "reduce_any",
    "reduce_logsumexp",
    "reduce_max",
    "reduce_mean",
    "reduce_min",
    "reduce_prod",
    "reduce_sum",
    "reshape",
    "reverse",
    "round",
    "rsqrt",
    "sigmoid",
    "sign",
    "size",
    "slice",
    "sort",
    "split",
    "sqrt",
    "square",
    "squeeze",
    "stack",
    "stop_gradient",
    "strided_slice",
    "subtract",
    "tanh",
    "tensordot",
    "tile",
    "transpose",
    "truediv",
    "unstack",
    "where",
    "zeros",
    "zeros_like",
    "shape",
    "newaxis",
    "norm",
    "Tensor",
    "TensorShape",
    "TensorSpec",
    "as_string",
]

_NN = [
    "relu",
    "relu6",
    "elu",
    "selu",
    "softplus",
    "softsign",
    "leaky_relu",
    "sigmoid",
    "tanh",
    "softmax",
    "log_softmax",
    "bias_add",
    "l2_normalize",
    "top_k",
    "embedding_lookup",
    "moments",
    # TF1's take `_sentinel` first, so TF1 code passes `labels=`/`logits=` by keyword, which TF2's read alike
    "sigmoid_cross_entropy_with_logits",
    "sparse_softmax_cross_entropy_with_logits",
]

_MATH = [
    "abs",
    "add",
    "add_n",
    "argmax",
    "argmin",
    "ceil",
    "cumsum",
    "divide",
    "equal",
    "exp",
    "floor",
    "floormod",
    "greater",
    "greater_equal",
    "less",
    "less_equal",
    "log",
    "log1p",
    "logical_and",
    "logical_not",
    "logical_or",
    "maximum",
    "minimum",
    "multiply",
    "negative",
    "not_equal",
    "pow",
    "reduce_all",
    "reduce_any",
    "reduce_logsumexp",
    "reduce_max",
    "reduce_mean",
    "reduce_min",
    "reduce_prod",
    "reduce_sum",
    "round",
    "rsqrt",
    "sigmoid",
    "sign",
    "softplus",
    "sqrt",
    "square",
    "squared_difference",
    "subtract",
    "tanh",
    "top_k",
    "truediv",
]

_STRINGS = ["join", "length", "lower", "upper", "as_string", "to_number"]

_IO = ["parse_example", "parse_single_example", "FixedLenFeature", "VarLenFeature"]

GRAPH_KEEP: frozenset[str] = frozenset(
    _DTYPES
    + _OPS
    + [f"dtypes.{d}" for d in _DTYPES]
    + [f"nn.{n}" for n in _NN]
    + [f"math.{n}" for n in _MATH]
    + [f"strings.{n}" for n in _STRINGS]
    + [f"io.{n}" for n in _IO]
    + ["linalg.matmul", "linalg.norm", "linalg.transpose"]
)

# TF1 spelling -> TF2 spelling (same op, new home)
GRAPH_RENAME: dict[str, str] = {
    "log": "math.log",
    "log1p": "math.log1p",
    "div": "math.divide",
    "mod": "math.floormod",
    "parse_example": "io.parse_example",
    "parse_single_example": "io.parse_single_example",
    "FixedLenFeature": "io.FixedLenFeature",
    "VarLenFeature": "io.VarLenFeature",
    "string_join": "strings.join",
    "string_to_number": "strings.to_number",
    "squared_difference": "math.squared_difference",
    "nn.softmax_v2": "nn.softmax",
}

# TF1 calls with no TF2 name, rewritten as a whole in moved graph code when called with only
# these arguments: `tf.losses.mean_squared_error(labels, predictions)` is TF1's mean (its
# SUM_BY_NONZERO_WEIGHTS reduction with weights 1) of the squared difference of both cast to
# float32 — the same values and gradients, bit for bit (measured on TF 2.21)
# TF1 calls rebuilt from TF2 ops: rel -> (the TF1 parameters in order, those a migrated call may pass)
GRAPH_CALLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "losses.mean_squared_error": (
        ("labels", "predictions", "weights", "scope", "loss_collection", "reduction"),
        ("labels", "predictions"),
    ),
    # `tf.compat.v1.nn.xw_plus_b` (no TF2 name): `bias_add(matmul(x, weights), biases, name=name)`
    "nn.xw_plus_b": (("x", "weights", "biases", "name"), ("x", "weights", "biases", "name")),
}

# Only in variable statements (run eagerly, once): TF1 names that behave the same through
# `tf.compat.v1` in eager mode. Everything else TF-looking in a variable statement is refused.
EAGER_V1_PREFIXES = (
    "random_normal",
    "random_uniform",
    "truncated_normal",
    "random.",
    "initializers.",
    "keras.initializers.",
)
EAGER_V1_SUFFIX = "_initializer"

# -- variables created by name (native_save/variables.py) ---------------------------------------------
# Initializers whose values an eager `tf.Variable` reproduces exactly: TF1-relative path -> kind.
DETERMINISTIC_INITIALIZERS: dict[str, str] = {
    "constant_initializer": "constant",
    "initializers.constant": "constant",
    "zeros_initializer": "zeros",
    "initializers.zeros": "zeros",
    "ones_initializer": "ones",
    "initializers.ones": "ones",
    "keras.initializers.Constant": "constant",
    "keras.initializers.constant": "constant",
    "keras.initializers.Zeros": "zeros",
    "keras.initializers.zeros": "zeros",
    "keras.initializers.Ones": "ones",
    "keras.initializers.ones": "ones",
}
# Initializers and ops that draw random values (TF1's default for float variables is glorot_uniform).
RANDOM_INITIALIZER_PREFIXES = (
    "glorot_",
    "random_",
    "truncated_normal",
    "variance_scaling_initializer",
    "orthogonal_initializer",
    "uniform_unit_scaling_initializer",
    "he_",
    "lecun_",
    "random.",
    "initializers.random_",
    "initializers.truncated_normal",
    "initializers.glorot_",
    "initializers.variance_scaling",
    "initializers.orthogonal",
    "initializers.uniform_unit_scaling",
    "initializers.he_",
    "initializers.lecun_",
    "contrib.layers.xavier_initializer",
    "contrib.layers.variance_scaling_initializer",
    *(
        f"keras.initializers.{name}"
        for name in (
            "glorot",
            "Glorot",
            "he_",
            "He",
            "lecun",
            "Lecun",
            "random",
            "Random",
            "truncated",
            "Truncated",
            "variance",
            "Variance",
            "orthogonal",
            "Orthogonal",
            "uniform",
            "normal",
        )
    ),
)
# dtypes whose variables TF1 starts at zero when no initializer is given
ZERO_DEFAULT_DTYPES = frozenset(
    d
    for n in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool")
    for d in (n, f"dtypes.{n}")
)
# `tf.global_variables()`-style listings read in an export block -> trainable ones only?
VARIABLE_LISTS = {"global_variables": False, "all_variables": False, "trainable_variables": True}
VARIABLE_SCOPE = "variable_scope"
AUTO_REUSE = "AUTO_REUSE"
DENSE = frozenset({"layers.dense"})
SHAPE_LAYERS = frozenset({"layers.dropout", "layers.flatten"})  # no variables
GET_VARIABLE_PARAMS = (
    "name",
    "shape",
    "dtype",
    "initializer",
    "regularizer",
    "trainable",
    "collections",
    "caching_device",
    "partitioner",
    "validate_shape",
    "use_resource",
    "custom_getter",
    "constraint",
    "synchronization",
    "aggregation",
)
VARIABLE_SCOPE_PARAMS = (
    "name_or_scope",
    "default_name",
    "values",
    "initializer",
    "regularizer",
    "caching_device",
    "partitioner",
    "custom_getter",
    "reuse",
    "dtype",
    "use_resource",
    "constraint",
    "auxiliary_name_scope",
)
DENSE_PARAMS = (
    "inputs",
    "units",
    "activation",
    "use_bias",
    "kernel_initializer",
    "bias_initializer",
    "kernel_regularizer",
    "bias_regularizer",
    "activity_regularizer",
    "kernel_constraint",
    "bias_constraint",
    "trainable",
    "name",
    "reuse",
)

# a TF1 optimizer class (`train.AdamOptimizer`): graph-mode training, unless native-save replays it
OPTIMIZER_PATH = re.compile(r"^train\.\w+Optimizer$")

PLACEHOLDER = "placeholder"
VARIABLE = "Variable"
GET_VARIABLE = "get_variable"
GRAPH = "Graph"
SESSION = "Session"
INTERACTIVE_SESSION = "InteractiveSession"
SESSIONS = frozenset({SESSION, INTERACTIVE_SESSION})
RESET_GRAPH = "reset_default_graph"
# Variable keyword arguments TF 2's tf.Variable does not accept.
TF1_ONLY_VARIABLE_KWARGS = frozenset({"collections", "use_resource", "expected_shape", "partitioner"})

INITIALIZERS = frozenset(
    {
        "global_variables_initializer",
        "initialize_all_variables",
        "local_variables_initializer",
        "initialize_local_variables",
        "variables_initializer",
        "initialize_variables",
        "tables_initializer",
        "initializers.global_variables",
        "initializers.local_variables",
        "initializers.variables",
        "initializers.tables_initializer",
        "saved_model.main_op.main_op",
        "saved_model.main_op",
    }
)
ASSIGN_FUNCS = {"assign": "assign", "assign_add": "assign_add", "assign_sub": "assign_sub"}
ASSIGN_METHODS = frozenset({"assign", "assign_add", "assign_sub"})

# -- lookup tables and assets (native_save/tables.py) ---------------------------------------------------
# TF1 table classes -> created eagerly as their TF2 class (same constructor parameters, same lookups;
# TF2's tables initialize themselves when made and again when a SavedModel is loaded) and tracked
# by the module. Initializers and TextFileIndex are the same objects in both APIs.
TABLE_CLASSES = frozenset({"lookup.StaticHashTable", "lookup.StaticVocabularyTable"})
TABLE_PARTS = frozenset({"lookup.KeyValueTensorInitializer", "lookup.TextFileInitializer"})
TABLE_INDEX = "lookup.TextFileIndex"  # .WHOLE_LINE / .LINE_NUMBER
ADD_TO_COLLECTION = frozenset({"add_to_collection", "add_to_collections"})
# TF 1.x's `tf.contrib.lookup` spellings of the same objects (contrib re-exported core's lookup_ops):
# `contrib.lookup.X` -> `lookup.X`; its `HashTable(initializer, default_value)` is core's static table
CONTRIB_LOOKUP = "contrib.lookup."
CONTRIB_TABLE_RENAME = {"lookup.HashTable": "lookup.StaticHashTable"}
# contrib's table-making helpers (core's `lookup_ops.index_*` under contrib's parameter names):
# rewritten as the TF2 table they build -> their parameters
TABLE_HELPERS: dict[str, tuple[str, ...]] = {
    "contrib.lookup.index_table_from_file": (
        "vocabulary_file",
        "num_oov_buckets",
        "vocab_size",
        "default_value",
        "hasher_spec",
        "key_dtype",
        "name",
        "key_column_index",
        "value_column_index",
        "delimiter",
    ),
    "contrib.lookup.index_to_string_table_from_file": (
        "vocabulary_file",
        "vocab_size",
        "default_value",
        "name",
        "key_column_index",
        "value_column_index",
        "delimiter",
    ),
    "contrib.lookup.index_table_from_tensor": (
        "mapping",
        "num_oov_buckets",
        "default_value",
        "hasher_spec",
        "dtype",
        "name",
    ),
    "contrib.lookup.index_to_string_table_from_tensor": ("mapping", "default_value", "name"),
}
GET_COLLECTION = "get_collection"
ASSET_KEY = "GraphKeys.ASSET_FILEPATHS"
ASSET_KEY_VALUE = "asset_filepaths"  # the collection's name, as TF1 spells the constant
CONSTANT_PARAMS = ("value", "dtype", "shape", "name", "verify_shape")
GROUP = "group"
MAIN_OP = frozenset({"saved_model.main_op.main_op", "saved_model.main_op"})

# Safe as main_op/legacy_init_op: nothing to do in TF2 for graphs native-save accepts (no local
# variables, no tables). `saved_model.main_op.main_op()` is NOT here: it re-runs the global
# variable initializers after the restore, so the TF1 model serves initial values (seen on TF 2.21).
# tf.data pipelines replayed eagerly (native_save/replay.py): sources, the steps after them whose
# elements come in the same order in TF1 graph mode and eagerly, and the TF1 one-shot iterators
DATASET_SOURCES = frozenset({"data.Dataset.from_tensor_slices", "data.Dataset.from_tensors", "data.Dataset.range"})
DATASET_STEPS = frozenset({"batch", "repeat", "take", "skip", "prefetch"})
ONE_SHOT_ITERATORS = frozenset({"data.make_one_shot_iterator"})

# Made before a region, these are values and not graph ops TF1 reruns at every `sess.run`, so a region
# may read them (native_save/plan.py, `check_made_before`): protos, session configs, initializers
VALUES_BEFORE_REGION = (
    "train.Example",
    "train.SequenceExample",
    "train.Features",
    "train.Feature",
    "train.FloatList",
    "train.Int64List",
    "train.BytesList",
    "ConfigProto",
    "GPUOptions",
    "GraphOptions",
    "OptimizerOptions",
    "RunOptions",
    "saved_model.",
)

LOAD_TIME_SAFE = frozenset(
    {
        "local_variables_initializer",
        "initialize_local_variables",
        "tables_initializer",
        "initializers.local_variables",
        "initializers.tables_initializer",
    }
)

# TF names that are plain Python values or file/flag/logging helpers, never graph code: a statement
# using only these (`if tf.io.gfile.isdir(d):`, `FLAGS.units`) is Python the TF2 program keeps as is.
PYTHON_SIDE = (
    "app.",
    "flags.",
    "gfile.",
    "io.gfile.",
    "logging.",
    "compat.as_bytes",
    "compat.as_text",
    "compat.as_str",
    "compat.path_to_str",
    "sysconfig.",
    "version.",
    "resource_loader.",
)

BUILDERS = frozenset({"saved_model.builder.SavedModelBuilder", "saved_model.Builder"})
SIMPLE_SAVE = "saved_model.simple_save"
BUILD_TENSOR_INFO = frozenset({"saved_model.utils.build_tensor_info", "saved_model.build_tensor_info"})

PREDICT = "tensorflow/serving/predict"
CLASSIFY = "tensorflow/serving/classify"
REGRESS = "tensorflow/serving/regress"

# signature-def constructor (both spellings) -> (method name, parameter names)
SIGNATURE_FUNCS: dict[str, tuple[str | None, tuple[str, ...]]] = {}
for _name, _method, _params in (
    ("predict_signature_def", PREDICT, ("inputs", "outputs")),
    ("classification_signature_def", CLASSIFY, ("examples", "classes", "scores")),
    ("regression_signature_def", REGRESS, ("examples", "predictions")),
    ("build_signature_def", None, ("inputs", "outputs", "method_name")),
):
    SIGNATURE_FUNCS[f"saved_model.signature_def_utils.{_name}"] = (_method, _params)
    SIGNATURE_FUNCS[f"saved_model.{_name}"] = (_method, _params)

CONSTANTS: dict[str, str] = {}
for _prefix in ("saved_model.signature_constants.", "saved_model."):
    CONSTANTS.update(
        {
            _prefix + "DEFAULT_SERVING_SIGNATURE_DEF_KEY": "serving_default",
            _prefix + "PREDICT_METHOD_NAME": PREDICT,
            _prefix + "CLASSIFY_METHOD_NAME": CLASSIFY,
            _prefix + "REGRESS_METHOD_NAME": REGRESS,
            _prefix + "CLASSIFY_INPUTS": "inputs",
            _prefix + "CLASSIFY_OUTPUT_CLASSES": "classes",
            _prefix + "CLASSIFY_OUTPUT_SCORES": "scores",
            _prefix + "REGRESS_INPUTS": "inputs",
            _prefix + "REGRESS_OUTPUTS": "outputs",
            _prefix + "PREDICT_INPUTS": "inputs",
            _prefix + "PREDICT_OUTPUTS": "outputs",
        }
    )
for _prefix in ("saved_model.tag_constants.", "saved_model."):
    CONSTANTS.update(
        {_prefix + "SERVING": "serve", _prefix + "TRAINING": "train", _prefix + "GPU": "gpu", _prefix + "TPU": "tpu"}
    )

# Parameters of the export calls, for binding positional arguments.
SIMPLE_SAVE_PARAMS = ("session", "export_dir", "inputs", "outputs", "legacy_init_op")
ADD_META_GRAPH_PARAMS = (
    "sess",
    "tags",
    "signature_def_map",
    "assets_collection",
    "legacy_init_op",
    "clear_devices",
    "main_op",
    "strip_default_attrs",
    "saver",
    "init_op",
)
PLACEHOLDER_PARAMS = ("dtype", "shape", "name")

# TF1 optimizers whose training native-save replays eagerly (TF1-relative path -> parameters).
# Only those whose TF2 update was measured to reach the very same weights as TF1's graph update
# (bit for bit on TF 2.21, 1-100 steps): GradientDescent as Keras' SGD; the others as TF1's own
# optimizer used eagerly through `apply_gradients` (the same kernels; Keras 3's Adam, for one,
# rounds differently: ~1e-6 relative after a few steps, enough to change printed losses).
OPTIMIZERS: dict[str, tuple[str, ...]] = {
    "train.GradientDescentOptimizer": ("learning_rate", "use_locking", "name"),
    "train.AdamOptimizer": ("learning_rate", "beta1", "beta2", "epsilon", "use_locking", "name"),
    "train.MomentumOptimizer": ("learning_rate", "momentum", "use_locking", "name", "use_nesterov"),
    "train.AdagradOptimizer": ("learning_rate", "initial_accumulator_value", "use_locking", "name"),
    "train.RMSPropOptimizer": ("learning_rate", "decay", "momentum", "epsilon", "use_locking", "centered", "name"),
    "train.AdadeltaOptimizer": ("learning_rate", "rho", "epsilon", "use_locking", "name"),
}
# hand-built training in the graph: refused with their own message (not as unknown graph ops)
GRAPH_TRAINING = frozenset({"gradients", "train.get_or_create_global_step", "train.exponential_decay"})
MINIMIZE_PARAMS = (
    "loss",
    "global_step",
    "var_list",
    "gate_gradients",
    "aggregation_method",
    "colocate_gradients_with_ops",
    "name",
    "grad_loss",
)
