"""contrib-predictor: ``tf.contrib.predictor.from_saved_model`` becomes a loaded TF2 signature function.

``tf.contrib`` is gone since TF 2.0. ``from_saved_model(export_dir, signature_def_key=..., tags=...)``
loaded a SavedModel into a session and returned a predictor: called with a dict of input arrays
keyed by signature input key, it returned a dict of NumPy arrays keyed by output key. On TF 2.21
``tf.saved_model.load(export_dir, tags=...)`` and its ``.signatures[key]`` do the same when called
with keyword inputs, and ``.numpy()`` on the outputs gives the arrays back
(https://www.tensorflow.org/guide/migrate/saved_model). The loaded object is kept in its own
variable because signature functions need it alive (tensorflow#46708). ``from_estimator`` and
``from_contrib_estimator`` need an Estimator, which TF 2.16 removed: they are reported.
"""

from __future__ import annotations

import ast
import keyword

import libcst as cst

from ..codes import codes_of
from . import _tfscope
from ._base import Refused, SavedModelCodemod, literal_str
from ._keras import code_of, name_uses, own_assignment, tf_rel
from ._names import FreshNames
from ._walk import walk
from .symbols import ROOT_MODULE, V1_MODULE, V2

_PARAMS = ("export_dir", "signature_def_key", "signature_def", "tags", "graph", "config")
_ESTIMATOR = {"contrib.predictor.from_estimator", "contrib.predictor.from_contrib_estimator"}
# last names of the calls planning acts on (other contrib.predictor names are skipped)
_CALL_NAMES = frozenset(
    {"from_saved_model", "disable_v2_behavior", "disable_eager_execution"} | {r.rsplit(".", 1)[-1] for r in _ESTIMATOR}
)


def _names_predictor(node: ast.AST) -> bool:
    """`node` spells the identifier ``predictor``: an attribute, a name, or part of an import."""
    if isinstance(node, ast.Attribute):
        return node.attr == "predictor"
    if isinstance(node, ast.Name):
        return node.id == "predictor"
    if isinstance(node, ast.ImportFrom) and "predictor" in (node.module or "").split("."):
        return True
    if isinstance(node, ast.alias):
        return "predictor" in node.name.split(".") or node.asname == "predictor"
    return False


class ContribPredictor(SavedModelCodemod):
    NAME = "contrib-predictor"
    DESCRIPTION = (
        "Rewrite tf.contrib.predictor.from_saved_model + predict_fn(feed) into tf.saved_model.load signatures."
    )
    CODES = codes_of("contrib-predictor")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 40
    # a site resolves to tf.contrib.predictor.*, by import: both words are in the code (FILE_MARKERS
    # finds the files; TRIGGERS skips the many that only name a predictor of their own)
    TRIGGERS = ("contrib",)
    FILE_MARKERS = ("predictor",)

    @classmethod
    def wants(cls, code: str) -> bool:
        # a site resolves to tf.contrib.predictor.* only through an import path or an attribute
        # spelled `predictor` (aliases are assignments of such chains): a module that says
        # "predictor" only in strings and comments has none, and its libcst pass is skipped
        try:
            tree = _tfscope.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return True  # the libcst pass reports what it can
        return any(_names_predictor(node) for node in ast.walk(tree))

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self._calls: dict[cst.Call, str] = {}
        self._stmts: dict[cst.SimpleStatementLine, list[str]] = {}
        self._fresh_names = FreshNames(self.names.seen)
        found: list[tuple[cst.Call, str]] = []
        graph_mode: list[cst.Call] = []
        codemod = self

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                if not codemod.may_name(call.func, _CALL_NAMES):
                    return  # cannot be one of the calls below: not worth resolving
                rel = tf_rel(codemod, call.func)
                if rel is not None and rel.startswith("contrib.predictor."):
                    found.append((call, rel))
                elif rel in ("disable_v2_behavior", "disable_eager_execution"):
                    graph_mode.append(call)

        walk(node, Finder())
        roots = {mod for mod in self.bindings.roots.values() if mod}
        for call, rel in found:
            try:
                if rel in _ESTIMATOR:
                    raise Refused(
                        call,
                        "SM643",
                        "Estimators are gone since TF 2.16: export the model with `tf.saved_model.save` "
                        "(or `smmigrate upgrade` an export it already wrote), then "
                        "`loaded = tf.saved_model.load(export_dir)` and "
                        '`loaded.signatures["serving_default"](**inputs)`',
                    )
                if rel != "contrib.predictor.from_saved_model":
                    continue
                if graph_mode:
                    raise Refused(
                        call,
                        "SM644",
                        f"the module switches TensorFlow to graph mode (`{code_of(graph_mode[0].func)}()`), "
                        "where signature functions return tensors, not arrays",
                    )
                if V1_MODULE in roots and ROOT_MODULE not in roots:
                    raise Refused(
                        call,
                        "SM644",
                        "the module imports TensorFlow only as `tensorflow.compat.v1`, whose `saved_model.load` is "
                        "the TF1 loader; add `import tensorflow as tf2` and use `tf2.saved_model.load`",
                    )
                self._plan(call)
            except Refused as refused:
                self.report(refused.node, refused.code, f"`{code_of(call.func)}(...)` left as is: {refused.message}")

    def _plan(self, call: cst.Call) -> None:
        args: dict[str, cst.BaseExpression] = {}
        for i, arg in enumerate(call.args):
            name = arg.keyword.value if arg.keyword is not None else (_PARAMS[i] if i < len(_PARAMS) else "*")
            if arg.star or name not in _PARAMS:
                raise Refused(call, "SM642", "called with *args/**kwargs or unknown arguments; spell them out")
            args[name] = arg.value
        for name in ("signature_def", "graph", "config"):
            if name in args:
                raise Refused(
                    args[name],
                    "SM642",
                    f"`{name}=` has no TF2 equivalent; load with `tf.saved_model.load(export_dir, tags=...)` and "
                    "pick the signature by key",
                )
        if "export_dir" not in args:
            raise Refused(call, "SM642", "no export directory given")
        found = own_assignment(self, call)
        if found is None:
            raise Refused(call, "SM641", "assign the predictor to a name in its own statement, then rerun")
        assign, target_name, stmt = found
        name = target_name.value
        uses = name_uses(self, name, assign)
        if len(uses.assigns) != 1 or uses.other_binding or uses.nested:
            raise Refused(call, "SM641", f"`{name}` is rebound or used in a nested function")
        calls: dict[cst.Call, str] = {}
        for use in uses.loads:
            parent = self.parent(use)
            if (
                not isinstance(parent, cst.Call)
                or parent.func is not use
                or len(parent.args) != 1
                or parent.args[0].keyword is not None
                or parent.args[0].star
            ):
                raise Refused(
                    use,
                    "SM641",
                    f"`{name}` is used other than called with one feed dict (its `feed_tensors`, `fetch_tensors` "
                    "or `session` have no TF2 equivalent, and a predictor passed on cannot be followed); call "
                    "`loaded.signatures[key](**feed)` and take `.numpy()` of each output",
                )
            calls[parent] = f"{{k: v.numpy() for k, v in {name}({_keywords(parent.args[0].value)}).items()}}"
        loaded = self._fresh_names.fresh(f"{name}_loaded")
        tags = code_of(args["tags"]) if "tags" in args else f"[{self.spell((V2, 'saved_model.SERVING'))}]"
        key = code_of(args["signature_def_key"]) if "signature_def_key" in args else '"serving_default"'
        load = self.spell((V2, "saved_model.load"))
        self._stmts[stmt] = [
            f"{loaded} = {load}({code_of(args['export_dir'])}, tags={tags})",
            f"{name} = {loaded}.signatures[{key}]",
        ]
        self._calls.update(calls)
        self.drop_import_of(call.func)

    # -- applying -------------------------------------------------------------------------------
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        new = self._calls.get(original_node)
        return updated_node if new is None else cst.parse_expression(new)

    def leave_SimpleStatementLine(self, original_node, updated_node):
        lines = self._stmts.get(original_node)
        if lines is None:
            return updated_node
        new = [cst.parse_statement(line + "\n") for line in lines]
        new[0] = new[0].with_changes(leading_lines=updated_node.leading_lines)
        new[-1] = new[-1].with_changes(trailing_whitespace=updated_node.trailing_whitespace)
        return cst.FlattenSentinel(new)


def _keywords(feed: cst.BaseExpression) -> str:
    """``{"x": a}`` -> ``x=a``; any other feed expression -> ``**feed``."""
    if isinstance(feed, cst.Dict) and feed.elements:
        pairs = []
        for element in feed.elements:
            key = literal_str(element.key) if isinstance(element, cst.DictElement) else None
            if key is None or not key.isidentifier() or keyword.iskeyword(key):
                return f"**{code_of(feed)}"
            pairs.append(f"{key}={code_of(element.value)}")
        return ", ".join(pairs)
    return f"**{code_of(feed)}"


def __getattr__(name: str):
    # `python -m libcst.tool codemod contrib_predictor.ContribPredictorCommand`
    if name == "ContribPredictorCommand":
        from ._base import libcst_command

        return libcst_command(ContribPredictor)
    raise AttributeError(name)
