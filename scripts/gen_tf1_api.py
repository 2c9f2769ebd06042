"""Generate smmigrate/codemods/data/tf1_api.json: every TF1 API name and its TensorFlow 2.21 spelling.

The table is built from TensorFlow's own records, in one TensorFlow process:

- the TF1 API is the ``tf.compat.v1`` module tree (what a TF 1.x program reaches as ``tf.X``), walked
  module by module (``compat`` and ``keras`` left out; ``tf.compat.v1.layers`` and
  ``tf.compat.v1.nn.rnn_cell``, which TF 2.21 loads lazily from ``tf_keras``, read from ``tf_keras``'s
  v1 API modules, so the package must be installed);
- the TF2 API is the ``tf`` module tree (``compat`` and the lazily loaded Keras modules left out);
- ``tf_export`` records every public name of a symbol (``_tf_api_names`` for TF2, read with
  ``get_v2_names``) and of a module constant (``_tf_api_constants`` / ``_tf_api_constants_v1`` on the
  defining module);
- TF 1.x names that TF 2.21 no longer has at all come from ``tf_upgrade_v2``'s change spec
  (``tensorflow/tools/compatibility``), with the replacement its rename table gives when that still exists.

Output (all paths relative to the TF1 API root):

- ``symbols``: every TF1 name whose TF 2.21 spelling is not ``tf.<same path>``. The value is the TF2
  path of the very same object (equal value for constants), canonical name first; ``null`` when TF2 has
  no name for it, i.e. the code keeps ``tf.compat.v1.<path>``. Modules and class members are not listed.
  A TF2 function that only forwards to the TF1 one counts as the same object: its whole body (docstring
  aside) is ``return f(a, b)`` (or ``f(a, b)`` when ``f`` never returns a value) passing its own
  parameters in order to ``f``, whose signature is identical (``tf.random.set_seed`` is such a wrapper
  around TF1's ``set_random_seed``); its source is read with ``inspect``.
- ``ambiguous``: the ``symbols`` whose ``tf.<path>`` also exists in TF 2.21, as another object
  (``Variable``, ``constant``, ``nn.softmax``): code spelling them ``tf.X`` may be written for either API.
- ``modules``: every TF1 API module path, ``"both"`` when ``tf.<path>`` is a module in TF 2.21 too,
  ``"v1"`` when it only exists as ``tf.compat.v1.<path>``.
- ``removed``: TF 1.x names absent from TF 2.21's ``tf.compat.v1``, with a replacement path (valid as
  ``tf.<path>`` in TF 2.21) or ``null``.

Run ``python scripts/gen_tf1_api.py`` to rewrite the file after a TensorFlow upgrade (pin the new
version in requirements-dev.txt first), ``python scripts/gen_tf1_api.py --check`` to exit 1 when the
shipped file differs from what this TensorFlow would generate (tests/test_tf1_api_table.py does the
same check in memory).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "smmigrate" / "codemods" / "data" / "tf1_api.json"

# TF1 modules that TF 2.21 loads lazily from Keras: path -> the tf_keras v1 module behind them.
V1_KERAS_MODULES = {
    "layers": "tf_keras.api._v1.keras.__internal__.legacy.layers",
    "nn.rnn_cell": "tf_keras.api._v1.keras.__internal__.legacy.rnn_cell",
}
SKIPPED_SUBTREES = ("compat", "keras")  # compat is not TF1 API; Keras has its own migration
# TF1 modules gone from TF 2.21 that tf_upgrade_v2's tables do not name (they predate the removal).
EXTRA_REMOVED: dict[str, str | None] = {"estimator": None}  # removed in TF 2.16
# Tables of tf_upgrade_v2's change spec whose keys are TF 1.x names.
SPEC_TABLES = (
    "symbol_renames",
    "function_keyword_renames",
    "function_reorders",
    "function_warnings",
    "function_transformers",
    "function_arg_warnings",
    "module_deprecations",
    "manual_function_reorders",
    "reordered_function_names",
)
_CONSTANT_TYPES = (bool, int, float, complex, str, bytes, type(None))
_MISSING = object()


class ApiTree:
    """The public modules and members of one API tree, by dotted path."""

    def __init__(self) -> None:
        self.modules: dict[str, object] = {}
        self.members: dict[str, object] = {}
        self.lazy: list[str] = []  # lazily loaded (Keras) modules met on the way, not walked

    def get(self, path: str) -> object:
        return self.members.get(path, self.modules.get(path, _MISSING))


def _public_attributes(module: object) -> Iterator[tuple[str, object]]:
    for name in sorted(dir(module)):
        if name.startswith("_"):
            continue
        try:
            yield name, getattr(module, name)
        except Exception:  # lazily failing attributes (Keras 3 behind a TF1 name): not reachable here
            continue


def _is_lazy(obj: object) -> bool:
    from tensorflow.python.util.lazy_loader import LazyLoader

    return isinstance(obj, LazyLoader)


def _api_file_test(*directories: str) -> Callable[[object], bool]:
    """Whether a module is an API module: its file lies under one of directories.

    Module ``__name__`` cannot tell (an API module is named ``tensorflow._api.v2.compat.v1.logging`` or
    ``tensorflow.compat.v1.logging`` depending on how it was first imported); its file can.
    """
    roots = tuple(os.path.join(d, "") for d in directories)

    def is_api(module: object) -> bool:
        return str(getattr(module, "__file__", None) or "").startswith(roots)

    return is_api


def _is_keras(module: object) -> bool:
    return str(getattr(module, "__name__", "")).split(".")[0] in ("keras", "tf_keras")


def _walk(tree: ApiTree, module: object, path: str, is_api: Callable[[object], bool], active: frozenset[int]) -> None:
    """Record module's members; recurse into API submodules, once per path (active guards cycles)."""
    for name, obj in _public_attributes(module):
        child = f"{path}.{name}" if path else name
        if child in SKIPPED_SUBTREES:
            continue
        if _is_lazy(obj):
            tree.lazy.append(child)
            continue
        if isinstance(obj, types.ModuleType):
            if not is_api(obj) and (not is_api(module) or _is_keras(obj)):
                # A helper leaking out of a foreign module (flags.tf_decorator), or Keras where a lazy
                # loader put it once used (tf.compat.v1.layers; also a stray tf.compat.v1.rnn_cell).
                continue
            tree.modules[child] = obj
            # Foreign modules TF hooks into its API: walk TF's own (flags), not the standard library's.
            walk = is_api(obj) or obj.__name__.startswith("tensorflow.")
            if walk and id(obj) not in active:
                _walk(tree, obj, child, is_api, active | {id(obj)})
        else:
            tree.members[child] = obj


def _v1_tree(tf: Any) -> ApiTree:
    tree = ApiTree()
    v1 = tf.compat.v1
    _walk(tree, v1, "", _api_file_test(os.path.dirname(v1.__file__)), frozenset({id(v1)}))
    unknown = sorted(set(tree.lazy) - set(V1_KERAS_MODULES))
    if unknown:
        raise SystemExit(f"gen_tf1_api: tf.compat.v1.{unknown[0]} is loaded lazily: add it to V1_KERAS_MODULES")
    for path, module_name in V1_KERAS_MODULES.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError as error:
            raise SystemExit(
                f"gen_tf1_api: cannot import {module_name} ({error}); install tf_keras (see requirements-dev.txt)"
            ) from error
        tree.modules[path] = module
        _walk(tree, module, path, _api_file_test(os.path.dirname(module.__file__)), frozenset({id(module)}))
    return tree


def _v2_tree(tf: Any) -> ApiTree:
    tree = ApiTree()
    api_dir = os.path.join(os.path.dirname(tf.__file__), "_api", "v2")
    _walk(tree, tf, "", _api_file_test(api_dir), frozenset({id(tf)}))
    # tf.losses, tf.metrics... are Keras modules: a lazy loader, or Keras itself once something used them.
    for name, obj in vars(tf).items():
        if (
            (_is_lazy(obj) or _is_keras(obj))
            and isinstance(obj, types.ModuleType)
            and not name.startswith("_")
            and name not in SKIPPED_SUBTREES
        ):
            tree.modules[name] = obj
    return tree


def _constant_v2_names() -> dict[str, list[str]]:
    """TF1 path of each exported module constant -> TF2 paths of the same constant (tf_export records)."""
    from tensorflow.python.util import tf_export

    attr_v1 = tf_export.API_ATTRS_V1[tf_export.TENSORFLOW_API_NAME].constants
    attr_v2 = tf_export.API_ATTRS[tf_export.TENSORFLOW_API_NAME].constants
    result: dict[str, list[str]] = {}
    for module_name in sorted(name for name, m in sys.modules.items() if m is not None):
        module = sys.modules[module_name]
        if _is_lazy(module) or not isinstance(module, types.ModuleType):
            continue
        namespace = vars(module)
        v2_by_constant: dict[str, list[str]] = {}
        for names, constant in namespace.get(attr_v2, ()):
            v2_by_constant.setdefault(constant, []).extend(names)
        for names, constant in namespace.get(attr_v1, ()):
            for name in names:
                result.setdefault(name, []).extend(v2_by_constant.get(constant, []))
    return result


def _is_constant(obj: object) -> bool:
    return isinstance(obj, _CONSTANT_TYPES)


def _same(v1_obj: object, v2_obj: object) -> bool:
    """The same API symbol: equal constants, the same object, or the same function under different
    API wrappers (TF wraps one function separately for each API it exports it to: `tf.compat.v1.math.log`
    and `tf.math.log` are two dispatch wrappers around one `log`, so identity alone would call them
    different and make `tf.log` -> `tf.math.log` -> `tf.compat.v1.math.log` a chain)."""
    if _is_constant(v1_obj):
        return type(v1_obj) is type(v2_obj) and v1_obj == v2_obj
    if v1_obj is v2_obj:
        return True
    if v2_obj is _MISSING or v2_obj is None or not callable(v1_obj) or not callable(v2_obj):
        return False
    from tensorflow.python.util import tf_decorator

    return tf_decorator.unwrap(v1_obj)[1] is tf_decorator.unwrap(v2_obj)[1]


def _source_function(fn: object) -> Any:
    """The `ast.FunctionDef` of a Python function's own source, or None."""
    import ast
    import inspect
    import textwrap

    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))  # type: ignore[arg-type]
    except (OSError, TypeError, SyntaxError):
        return None
    node = tree.body[0] if tree.body else None
    return node if isinstance(node, ast.FunctionDef) else None


def _forwarded_to(v2_obj: object) -> object | None:
    """The function a TF2 function only forwards to (see ``symbols`` in the module docstring), or None."""
    import ast
    import inspect

    from tensorflow.python.util import tf_decorator

    if not inspect.isfunction(v2_obj):  # (never getattr on other objects: absl's FLAGS parses argv then)
        return None
    fn = tf_decorator.unwrap(v2_obj)[1]
    node = _source_function(fn) if inspect.isfunction(fn) else None
    if node is None:
        return None
    a = node.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        return None
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if len(body) != 1 or not isinstance(body[0], (ast.Return, ast.Expr)):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and not call.keywords):
        return None
    if [arg.id if isinstance(arg, ast.Name) else None for arg in call.args] != [p.arg for p in a.args]:
        return None
    target = fn.__globals__.get(call.func.id)  # type: ignore[union-attr]
    if target is None or not callable(target):
        return None
    inner = tf_decorator.unwrap(target)[1]
    try:
        if inspect.signature(inner) != inspect.signature(fn):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        return None
    if isinstance(body[0], ast.Expr):  # `f(a)` without return: only when f never returns a value
        inner_node = _source_function(inner)
        if inner_node is None or any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(inner_node)):
            return None
    return inner


def _v2_candidates(path: str, obj: object, constants: dict[str, list[str]], by_id: dict[int, list[str]]) -> list[str]:
    from tensorflow.python.util import tf_export

    if _is_constant(obj):
        return constants.get(path, [])
    # Canonical names first; then any other TF2 path holding the same object (wrappers without records).
    return list(tf_export.get_v2_names(obj)) + by_id.get(id(obj), [])


def _symbols(v1: ApiTree, v2: ApiTree) -> dict[str, str | None]:
    constants = _constant_v2_names()
    by_id: dict[int, list[str]] = {}
    for path in sorted(v2.members, key=lambda p: (p.count("."), p)):
        if not _is_constant(v2.members[path]):
            by_id.setdefault(id(v2.members[path]), []).append(path)
    forwarders: dict[int, list[str]] = {}  # id(TF1 function) -> TF2 paths of functions only forwarding to it
    for path in sorted(v2.members, key=lambda p: (p.count("."), p)):
        obj = v2.members[path]
        if (inner := _forwarded_to(obj)) is not None:
            forwarders.setdefault(id(inner), []).append(path)
    symbols: dict[str, str | None] = {}
    for path, obj in v1.members.items():
        if _same(obj, v2.get(path)):
            continue
        targets = [c for c in _v2_candidates(path, obj, constants, by_id) if c in v2.members and _same(obj, v2.get(c))]
        if not targets and inspect.isfunction(obj):
            from tensorflow.python.util import tf_decorator

            targets = forwarders.get(id(tf_decorator.unwrap(obj)[1]), [])
        symbols[path] = targets[0] if targets else None
    # A TF2 spelling that is itself a TF1 name meaning something else (`nn.avg_pool_v2` is TF2's
    # `nn.avg_pool`, but TF1's `nn.avg_pool` is another function) would be read as that TF1 name by
    # the next run: such names keep their tf.compat.v1 spelling, so a second rewrite changes nothing.
    for path, target in symbols.items():
        if target is not None and _shadowed(target, symbols):
            symbols[path] = None
    return symbols


def _shadowed(target: str, symbols: dict[str, str | None]) -> bool:
    parts = target.split(".")
    return any(".".join(parts[:cut]) in symbols for cut in range(1, len(parts) + 1))


def _spec_keys() -> dict[str, str | None]:
    """TF 1.x names tf_upgrade_v2 knows (path without 'tf.') -> its rename target (or None)."""
    from tensorflow.tools.compatibility import tf_upgrade_v2

    spec = tf_upgrade_v2.TFAPIChangeSpec()
    renames = {key: value for key, value in spec.symbol_renames.items() if isinstance(value, str)}
    keys: dict[str, str | None] = {}
    for table in SPEC_TABLES:
        for key in getattr(spec, table):
            if isinstance(key, str) and key.startswith("tf."):
                keys[key[3:]] = renames[key][3:] if renames.get(key, "").startswith("tf.") else None
    return keys


def _reachable(v1: ApiTree, path: str) -> bool:
    """Whether tf.compat.v1.<path> exists: a walked name, or an attribute of a walked non-module object."""
    if v1.get(path) is not _MISSING:
        return True
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        obj = v1.get(".".join(parts[:cut]))
        if obj is _MISSING:
            continue
        if isinstance(obj, types.ModuleType):
            return False
        for part in parts[cut:]:
            try:
                obj = getattr(obj, part)
            except Exception:
                return False
        return True
    return False


def _replacement(target: str | None, v1: ApiTree, v2: ApiTree, symbols: dict[str, str | None]) -> str | None:
    """A rename target from TF's tables as a path valid under tf. in TF 2.21, or None.

    The tables were written for TF 2.0: their targets may be spelled compat.v1./compat.v2., or name
    a TF1 path (tf.nn.rnn_cell.*) that TF2 never kept; those are spelled the way this table spells them.
    """
    if target is None:
        return None
    if target.startswith("compat.v2."):
        target = target[len("compat.v2.") :]
    elif target.startswith("compat.v1."):
        target = target[len("compat.v1.") :]
        if target in v1.members:
            return _spelling(target, symbols)
    if target in v2.members:
        return target
    if target in v1.members:
        return _spelling(target, symbols)
    return None


def _spelling(v1_path: str, symbols: dict[str, str | None]) -> str:
    """How the table spells the TF1 name v1_path in TF 2.21 (relative to tf.)."""
    if v1_path not in symbols:
        return v1_path
    return symbols[v1_path] or "compat.v1." + v1_path


def _removed(v1: ApiTree, v2: ApiTree, symbols: dict[str, str | None]) -> dict[str, str | None]:
    removed = {path: target for path, target in EXTRA_REMOVED.items() if not _reachable(v1, path)}
    for path, target in _spec_keys().items():
        if path.split(".")[0] in SKIPPED_SUBTREES or _reachable(v1, path):
            continue
        removed[path] = _replacement(target, v1, v2, symbols)
        parts = path.split(".")
        for cut in range(1, len(parts)):  # the outermost missing module (contrib) is removed as a whole
            prefix = ".".join(parts[:cut])
            if not _reachable(v1, prefix):
                removed.setdefault(prefix, None)
                break
    return removed


def generate() -> dict[str, Any]:
    """Build the table from the TensorFlow installed in this process (imports TensorFlow and tf_keras)."""
    import tensorflow as tf

    v1 = _v1_tree(tf)
    v2 = _v2_tree(tf)
    symbols = _symbols(v1, v2)
    return {
        "tensorflow_version": tf.__version__,
        "symbols": symbols,
        "ambiguous": sorted(path for path in symbols if path in v2.members or path in v2.modules),
        "modules": {path: "both" if path in v2.modules else "v1" for path in v1.modules},
        "removed": _removed(v1, v2, symbols),
    }


def render(table: dict[str, Any]) -> str:
    """The file's exact text: sorted keys, one entry per line, so the staleness check compares strings."""
    return json.dumps(table, indent=1, sort_keys=True, ensure_ascii=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped table is stale; write nothing")
    args = parser.parse_args(argv)
    text = render(generate())
    if args.check:
        shipped = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if shipped != text:
            print(f"{OUTPUT} is stale for this TensorFlow: run python scripts/gen_tf1_api.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
