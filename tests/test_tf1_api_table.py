"""The whole-TF1-API table (smmigrate/codemods/data/tf1_api.json): its loader without TensorFlow, every
entry proved against TensorFlow 2.21, the rule pinned by hand-checked names, and the staleness check
(the shipped file is what scripts/gen_tf1_api.py generates now)."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

from smmigrate.codemods import tf1_api

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "gen_tf1_api.py"
SHIPPED = ROOT / "smmigrate" / "codemods" / "data" / "tf1_api.json"
# TF1 modules TF 2.21 loads lazily from tf_keras (only with TF_USE_LEGACY_KERAS=1): checked in tf_keras itself.
KERAS_V1 = {
    "layers": "tf_keras.api._v1.keras.__internal__.legacy.layers",
    "nn.rnn_cell": "tf_keras.api._v1.keras.__internal__.legacy.rnn_cell",
}
_MISSING = object()


# ---- without TensorFlow -------------------------------------------------------------------------


def test_table_loads_with_expected_shape():
    table = tf1_api.table()
    assert set(table) == {"tensorflow_version", "symbols", "ambiguous", "modules", "removed"}
    assert table["tensorflow_version"].startswith("2.")
    assert len(table["symbols"]) > 1000  # the whole TF1 API, not a SavedModel subset
    assert 50 < len(table["modules"]) < 500
    assert len(table["removed"]) > 50
    assert set(table["modules"].values()) == {"v1", "both"}
    for section in ("symbols", "removed"):
        assert all(v is None or isinstance(v, str) for v in table[section].values())
    assert not any(k.split(".")[0] in ("compat", "keras") for k in table["symbols"])
    assert tf1_api.table() is table  # loaded once


def test_lookup_and_removed_longest_prefix():
    assert tf1_api.lookup("gfile.GFile") == ("gfile.GFile", "io.gfile.GFile")
    assert tf1_api.lookup("GraphKeys.TRAINABLE_VARIABLES") == ("GraphKeys", None)
    assert tf1_api.lookup("placeholder") == ("placeholder", None)
    assert tf1_api.lookup("matmul") is None
    assert tf1_api.lookup("nn") is None  # modules are only in table()["modules"]
    assert tf1_api.removed("contrib.framework.sort") == ("contrib.framework.sort", "sort")
    assert tf1_api.removed("contrib.slim.conv2d") == ("contrib", None)
    assert tf1_api.removed("placeholder") is None


def test_loader_never_imports_tensorflow_and_data_is_packaged():
    code = (
        "import sys; from smmigrate.codemods import tf1_api; tf1_api.table(); tf1_api.lookup('gfile.GFile');"
        "print('tensorflow' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "False"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["smmigrate.codemods"]
    assert any(SHIPPED.match(pattern) for pattern in patterns)


# ---- against TensorFlow 2.21 --------------------------------------------------------------------


def _get(obj, dotted):
    for part in dotted.split("."):
        try:
            obj = getattr(obj, part)
        except Exception:  # AttributeError, or a lazy Keras module failing to load
            return _MISSING
    return obj


def _v1(tf, path):
    """tf.compat.v1.<path> as a TF1 program sees it (lazy Keras modules read from tf_keras's v1 API)."""
    for prefix, module in KERAS_V1.items():
        if path == prefix or path.startswith(prefix + "."):
            return _get(importlib.import_module(module), path[len(prefix) + 1 :]) if path != prefix else True
    return _get(tf.compat.v1, path)


def _same(a, b):
    """Equal constants, one object, or one function behind two API wrappers (tf_decorator)."""
    if isinstance(a, (bool, int, float, str, bytes, type(None))):
        return type(a) is type(b) and a == b
    if a is b:
        return True
    if not (callable(a) and callable(b)):
        return False
    from tensorflow.python.util import tf_decorator

    return tf_decorator.unwrap(a)[1] is tf_decorator.unwrap(b)[1] or _forwards(b, a)


def _forwards(b, a) -> bool:
    """TF2's `b` only calls TF1's `a` with its own parameters, and both take the same parameters
    (`tf.random.set_seed` -> `set_random_seed`)."""
    import inspect

    from tensorflow.python.util import tf_decorator

    if not (inspect.isfunction(a) and inspect.isfunction(b)):
        return False
    fa, fb = tf_decorator.unwrap(a)[1], tf_decorator.unwrap(b)[1]
    if inspect.signature(fa) != inspect.signature(fb):
        return False
    import ast
    import textwrap

    callees = [n for n in fb.__code__.co_names if tf_decorator.unwrap(fb.__globals__.get(n))[1] is fa]
    body = ast.parse(textwrap.dedent(inspect.getsource(fb))).body[0].body
    statements = [ast.unparse(n) for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    call = f"{callees[0]}({', '.join(inspect.signature(fb).parameters)})" if callees else None
    return call is not None and statements in ([call], [f"return {call}"])


def test_no_target_is_read_back_as_another_tf1_name():
    # whole-api's idempotence rests on this: a TF2 spelling it writes is never itself (or under) a
    # TF1 name that means something else, so a second run leaves it alone
    symbols = tf1_api.table()["symbols"]
    for path, target in symbols.items():
        if target is not None:
            assert tf1_api.lookup(target) is None, f"{path} -> {target}, which is TF1's {tf1_api.lookup(target)}"


@pytest.fixture(scope="module")
def table(tf):
    pytest.importorskip("tf_keras")
    return tf1_api.table()


def test_version_matches_installed_tensorflow(tf, table):
    assert table["tensorflow_version"] == tf.__version__


def test_every_symbol_target_is_the_same_object(tf, table):
    wrong = []
    for path, target in table["symbols"].items():
        original = _v1(tf, path)
        if original is _MISSING:
            wrong.append(f"tf.compat.v1.{path} does not exist")
        elif target is None:
            if _same(original, _get(tf, path)):
                wrong.append(f"{path} is null but tf.{path} is the same object")
        elif not _same(original, _get(tf, target)):
            wrong.append(f"tf.{target} is not tf.compat.v1.{path}")
    assert not wrong, wrong[:20]


def test_ambiguous_names_exist_in_tf2_as_other_objects(tf, table):
    assert {"Variable", "constant", "nn.softmax"} <= set(table["ambiguous"])
    assert "placeholder" not in table["ambiguous"] and "log" not in table["ambiguous"]
    wrong = [
        path
        for path in table["ambiguous"]
        if path not in table["symbols"] or _get(tf, path) is _MISSING or _same(_v1(tf, path), _get(tf, path))
    ]
    assert not wrong, wrong[:20]
    missing = [
        path
        for path in table["symbols"]
        if path not in table["ambiguous"] and "." not in path and _get(tf, path) is not _MISSING
    ]
    assert not missing, missing[:20]


def test_unlisted_top_level_names_are_the_same_in_tf2(tf, table):
    names = [n for n in dir(tf.compat.v1) if not n.startswith("_") and n not in ("compat", "keras")]
    unlisted = [n for n in names if n not in table["symbols"] and n not in table["modules"]]
    assert len(unlisted) > 150
    differ = [n for n in unlisted if not _same(getattr(tf.compat.v1, n), _get(tf, n))]
    assert not differ, differ[:20]


def test_every_module_kind(tf, table):
    wrong = []
    for path, kind in table["modules"].items():
        if _v1(tf, path) is _MISSING:
            wrong.append(f"tf.compat.v1.{path} does not exist")
        in_tf2 = isinstance(_get(tf, path), types.ModuleType)
        if in_tf2 != (kind == "both"):
            wrong.append(f"{path}: {kind} but tf.{path} {'is' if in_tf2 else 'is not'} a module")
    assert not wrong, wrong


def test_every_removed_name_is_gone_and_its_replacement_exists(tf, table):
    wrong = []
    for path, replacement in table["removed"].items():
        if _v1(tf, path) is not _MISSING:
            wrong.append(f"tf.compat.v1.{path} still exists")
        if replacement is not None:
            inner = replacement.removeprefix("compat.v1.")
            found = _v1(tf, inner) if inner != replacement else _get(tf, replacement)
            if found is _MISSING:
                wrong.append(f"replacement tf.{replacement} of {path} does not exist")
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("gfile.GFile", "io.gfile.GFile"),
        ("FixedLenFeature", "io.FixedLenFeature"),
        ("VarLenFeature", "io.VarLenFeature"),
        ("parse_single_example", None),  # TF2's is another function (no `features` alias)
        ("placeholder", None),
        ("Session", None),
        ("InteractiveSession", None),
        ("reset_default_graph", None),
        ("assign", None),
        ("get_variable", None),
        ("nn.dropout", None),  # keep_prob in TF1, rate in TF2
        ("layers.dense", None),  # tf_keras behind tf.compat.v1.layers
        ("saved_model.tag_constants.SERVING", "saved_model.SERVING"),
        ("saved_model.signature_constants.PREDICT_METHOD_NAME", "saved_model.PREDICT_METHOD_NAME"),
        ("saved_model.builder.SavedModelBuilder", None),
        ("saved_model.loader.load", None),
        ("train.Saver", None),
        ("log", "math.log"),
        ("random_shuffle", "random.shuffle"),
    ],
)
def test_spot_checks(table, path, expected):
    assert path in table["symbols"]
    assert table["symbols"][path] == expected


@pytest.mark.parametrize("path", ["matmul", "add", "Graph", "io.gfile.GFile", "saved_model.SERVING", "float32"])
def test_same_in_tf2_is_not_listed(table, path):
    assert path not in table["symbols"]


def test_spot_check_modules_and_removed(table):
    modules = table["modules"]
    assert (modules["gfile"], modules["nn"], modules["layers"], modules["saved_model.tag_constants"]) == (
        "v1",
        "both",
        "v1",
        "v1",
    )
    assert "keras" not in modules and "compat" not in modules
    removed = table["removed"]
    assert removed["contrib"] is None and removed["estimator"] is None
    assert removed["contrib.framework.sort"] == "sort"


def test_shipped_table_is_current(tf, table):
    spec = importlib.util.spec_from_file_location("gen_tf1_api", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    text = generator.render(generator.generate())
    assert text == SHIPPED.read_text(encoding="utf-8"), "tf1_api.json is stale: run python scripts/gen_tf1_api.py"
