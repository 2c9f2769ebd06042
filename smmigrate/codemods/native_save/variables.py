"""native-save: variables created by name — ``tf.get_variable`` in ``tf.variable_scope``s —
replayed as eager ``tf.Variable``s with the same numbers and the same names.

TF1 names such a variable by its scope path (``"tower/w"``) and fills it from an initializer when
the session runs the initializers. An eager ``tf.Variable(<initial value>, name=<TF1 name>)``
starts with the same numbers when the initializer is deterministic (a constant, zeros, ones, or a
value given as the initializer), so those are migrated; random initializers (glorot_uniform —
TF1's default for float variables — and the normal/uniform families) would draw other numbers, so
they are refused, as is a ``tf.Variable(<random op>)`` that nothing assigns before the export.

`VariableScopes` follows one export block the way TF1's variable store does: ``reuse`` (``True``,
``tf.AUTO_REUSE``) inherited by inner scopes, an existing name given back only under reuse (the
second ``get_variable`` becomes an alias of the first variable), the scope's ``initializer=`` and
``dtype=`` as defaults, and how often each scope was opened (TF1 names the ops of a reopened scope
``tower_1/``; layers name themselves ``dense``, ``dense_1``, ... from these counts: `layers.py`;
a scope's sub-scope counts start again when it closes, as in TF1).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import cast

import libcst as cst

from .._base import literal_str
from ..exports import tables as T
from ..exports.syntax import Refused, assigned_names, bind_args, identifiers, tf_refs
from ..symbols import V2

AUTO = "auto"  # tf.AUTO_REUSE
NAME_SCOPE = "name_scope"

BRIDGE = "or export with `smmigrate.export_session(sess, export_dir, ...)` (session bridge)"


@dataclass
class Init:
    """A deterministic initializer: ``kind`` is "constant", "zeros" or "ones"."""

    kind: str
    value: cst.BaseExpression | None  # the constant (`constant_initializer(value)`)
    node: cst.CSTNode


@dataclass
class NewVariable:
    """A variable the TF1 code creates without a Python name of its own (a layer's kernel/bias).

    Graph code refers to it through `marker`, a placeholder identifier the emitter replaces by a
    fresh name."""

    marker: str
    tf1_name: str
    value: cst.BaseExpression  # the initial value (eager expression)
    trainable: cst.BaseExpression | None


@dataclass
class _Scope:
    path: str  # the variable scope (get_variable names); a tf.name_scope keeps its parent's
    reuse: object  # None | True | AUTO
    initializer: Init | None
    dtype: cst.BaseExpression | None
    name_scope: str = ""  # TF1's name scope for ops and tf.Variables here (`tower_1` when reopened)
    requested: bool = True  # every name scope up to here got the name asked for (not uniquified)
    var: bool = True  # a variable scope (False: a tf.name_scope)


@dataclass
class _Created:
    python: str  # the Python name (or marker) bound to the variable
    position: int  # statement position of its creation


@dataclass
class ScopeExit:
    """Statement-list marker: the variable scopes entered by one `with` end here."""

    count: int


def _kw(name: str, value: cst.BaseExpression) -> cst.Arg:
    eq = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))
    return cst.Arg(value=value, keyword=cst.Name(name), equal=eq)


def make_call(func: cst.BaseExpression, *args: cst.BaseExpression, **kwargs: cst.BaseExpression | None) -> cst.Call:
    return cst.Call(
        func=func,
        args=[cst.Arg(a) for a in args] + [_kw(k, v) for k, v in kwargs.items() if v is not None],
    )


def literal_bool(node) -> bool | None:
    if isinstance(node, cst.Name) and node.value in ("True", "False"):
        return node.value == "True"
    return None


def is_none(node) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def _number(node) -> bool:
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        node = node.expression
    return isinstance(node, (cst.Integer, cst.Float))


def _float(node) -> bool:
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        node = node.expression
    return isinstance(node, cst.Float)


def _literal_size(node) -> int | None:
    """Element count of a literal number or nested list/tuple of numbers; None when not literal."""
    if _number(node):
        return 1
    if isinstance(node, (cst.List, cst.Tuple)):
        sizes = [_literal_size(e.value) for e in node.elements]
        if any(s is None for s in sizes) or not sizes:
            return None
        return sum(s for s in sizes if s is not None)
    return None


def _shape_size(node) -> int | None:
    if isinstance(node, (cst.List, cst.Tuple)):
        size = 1
        for e in node.elements:
            if not isinstance(e.value, cst.Integer):
                return None
            size *= int(e.value.value)
        return size
    return None


class VariableScopes:
    """The variable scopes and named variables of one export block, in statement order."""

    def __init__(self, cm) -> None:
        self.cm = cm
        self.stack = [_Scope("", None, None, None)]
        self.store: dict[str, _Created] = {}  # TF1 variable name -> who holds it
        self.counts: dict[str, int] = {}  # scope path -> times opened (unique layer names)
        self.new: list[NewVariable] = []
        self.top_names: set[str] = set()  # top-level name scopes the block opens (op name clashes)
        self.random_initial: dict[str, cst.CSTNode] = {}  # tf.Variable(<random op>) -> the op
        # TF1's graph._names_in_use for what the block names: scopes, variables, explicit op names
        # (ops named by default, `MatMul`..., are not followed)
        self.in_use: dict[str, int] = {}

    def note_random(self, name: str, call: cst.Call) -> None:
        """`name = tf.Variable(<random op>...)`: its initial values differ in any other program."""
        for ref, resolved in tf_refs(self.cm, call):
            if resolved.rel.startswith(T.RANDOM_INITIALIZER_PREFIXES):
                self.random_initial[name] = ref
                return

    def check_random(self, steps) -> None:
        """A variable with a random initial value must be overwritten (`assign`, `load`) before the
        export, or the TF2 SavedModel would hold other numbers than the TF1 one."""
        assigned: set[str] = set()
        for step in steps:
            if step.kind == "assign" and step.node[1] == "assign":
                assigned.add(step.node[0])
            if step.kind == "restore":  # every variable the saver holds gets the checkpoint's value
                assigned.update(var for var, _ in step.node[1])
            if step.kind == "export":
                break
        for name, ref in self.random_initial.items():
            if name not in assigned:
                raise Refused(
                    ref,
                    "SM319",
                    f"the initial value of `{name}` is random ({self._random_text(ref)}) and nothing assigns `{name}` "
                    "before the export: an eager tf.Variable would start from other numbers than the ones the TF1 "
                    "program exports; compute the initial value with NumPy or a constant, assign the values before "
                    f"exporting, {BRIDGE}",
                )

    def _random_text(self, ref) -> str:
        if isinstance(ref, cst.Call) and self._rel(ref) == T.GET_VARIABLE:
            return "no initializer given: TF1 uses glorot_uniform"
        return f"`{self.cm.code(ref)}`"

    @property
    def active(self) -> bool:
        return len(self.stack) > 1

    def tf(self, path: str, ref=None) -> cst.BaseExpression:
        return self.cm.expr(self.cm.spell((V2, path), ref))

    def full(self, name: str) -> str:
        path = self.stack[-1].path
        return f"{path}/{name}" if path else name

    # -- scopes -----------------------------------------------------------------------------------
    def is_scope(self, stmt) -> bool:
        return isinstance(stmt, cst.With) and all(
            isinstance(i.item, cst.Call) and self._rel(i.item) in (T.VARIABLE_SCOPE, NAME_SCOPE) for i in stmt.items
        )

    def unique(self, name: str, root: bool = False) -> str:
        """The name TF1's graph gives `name` in the current name scope (`w`, then `w_1`, ...), marked used."""
        scope = "" if root else self.stack[-1].name_scope
        name = f"{scope}/{name}" if scope else name
        key = name.lower()
        i = self.in_use.get(key, 0)
        self.in_use[key] = i + 1
        if i == 0:
            return name
        base = key
        while key in self.in_use:
            key = f"{base}_{i}"
            i += 1
        self.in_use[key] = 1
        return f"{name}_{i - 1}"

    def _child_scope(self, name: str) -> tuple[str, bool]:
        parent = self.stack[-1]
        scope = self.unique(name)
        wanted = f"{parent.name_scope}/{name}" if parent.name_scope else name
        return scope, parent.requested and scope == wanted

    def enter(self, stmt: cst.With) -> int:
        for item in stmt.items:
            if item.asname is not None:
                raise Refused(
                    item,
                    "SM307",
                    "`with tf.variable_scope(...) as ...` binds the scope object, which has no eager equivalent; "
                    f"drop `as ...` if nothing uses it, {BRIDGE}",
                )
            call = cast(cst.Call, item.item)  # `is_scope` checked it is a call
            if self._rel(call) == NAME_SCOPE:
                self._push_name_scope(call)
            else:
                self._push(call)
        return len(stmt.items)

    def _push_name_scope(self, call: cst.Call) -> None:
        """`with tf.name_scope("hidden"):` names the tf.Variables and ops made in it `hidden/...`
        (`hidden_1/...` when the name is taken); get_variable names do not change."""
        args = bind_args(call, ("name", "default_name", "values"))
        name = literal_str(args.get("name"))
        if not name or name.endswith("/") or set(args) - {"name", "values"}:
            raise Refused(
                call,
                "SM307",
                "the name scope is not named by a plain string literal (a scope object, `default_name=`, an "
                "absolute `scope/` name), so the TF1 names of its variables cannot be followed; name it with a "
                f"string, {BRIDGE}",
            )
        parent = self.stack[-1]
        scope, requested = self._child_scope(name)
        self.stack.append(_Scope(parent.path, parent.reuse, parent.initializer, parent.dtype, scope, requested, False))
        if len(self.stack) == 2:
            self.top_names.add(name.split("/")[0])

    def _push(self, call: cst.Call) -> None:
        args = bind_args(call, T.VARIABLE_SCOPE_PARAMS)
        for key in set(args) - {"name_or_scope", "values", "initializer", "reuse", "dtype", "auxiliary_name_scope"}:
            raise Refused(
                args[key],
                "SM307",
                f"`{key}=` of tf.variable_scope changes how variables are created in ways native-save does not "
                f"replay; drop it if serving does not need it, {BRIDGE}",
            )
        name = literal_str(args.get("name_or_scope"))
        if not name:
            raise Refused(
                call,
                "SM307",
                "the variable scope is not named by a string literal (a scope object, or `default_name=`), so the "
                f"TF1 variable names cannot be followed; name the scope with a string, {BRIDGE}",
            )
        parent = self.stack[-1]
        reuse = self.reuse_of(args.get("reuse"), call)
        initializer = parent.initializer
        if args.get("initializer") is not None and not is_none(args["initializer"]):
            initializer = self.initializer(args["initializer"], "the scope's initializer")
        path = f"{parent.path}/{name}" if parent.path else name
        aux = args.get("auxiliary_name_scope")
        if aux is not None and literal_bool(aux) is None:
            raise Refused(aux, "SM307", f"`auxiliary_name_scope=` is not a literal True/False; spell it out, {BRIDGE}")
        scope, requested = (
            (parent.name_scope, parent.requested) if literal_bool(aux) is False else self._child_scope(name)
        )
        self.stack.append(
            _Scope(path, reuse or parent.reuse, initializer, args.get("dtype") or parent.dtype, scope, requested)
        )
        self.counts[path] = self.counts.get(path, 0) + 1
        if not parent.path:
            self.top_names.add(name.split("/")[0])

    def exit(self, count: int) -> None:
        for _ in range(count):
            popped = self.stack.pop()
            if not popped.var:
                continue
            path = popped.path
            for key in self.counts:  # TF1 closes the sub-scopes' name counts with the scope
                if key.startswith(path + "/"):
                    self.counts[key] = 0

    def reuse_of(self, node, where) -> object:
        if node is None or is_none(node) or literal_bool(node) is False:
            return None
        if literal_bool(node):
            return True
        if self._rel(node) == T.AUTO_REUSE:
            return AUTO
        raise Refused(
            where,
            "SM307",
            "`reuse=` is not `True`, `False`, `None` or `tf.AUTO_REUSE`, so which variables are shared cannot be "
            f"followed; spell it out, {BRIDGE}",
        )

    def _rel(self, node) -> str | None:
        target = node.func if isinstance(node, cst.Call) else node
        try:
            resolved = self.cm.tf_symbol(target)
        except Exception:  # a node without metadata is never TensorFlow
            return None
        return resolved.rel if resolved else None

    # -- initializers ------------------------------------------------------------------------------
    def initializer(self, node, what: str) -> Init:
        rel = self._rel(node) if isinstance(node, cst.Call) else None
        if rel in T.DETERMINISTIC_INITIALIZERS:
            kind = T.DETERMINISTIC_INITIALIZERS[rel]
            value = None
            if kind == "constant":
                value = bind_args(node, ("value", "dtype", "verify_shape")).get("value") or cst.Integer("0")
            return Init(kind, value, node)
        if rel is not None and rel.startswith(T.RANDOM_INITIALIZER_PREFIXES):
            raise self.random(node, what, f"`{self.cm.code(node)}`")
        raise Refused(
            node,
            "SM319",
            f"{what} `{self.cm.code(node)}` is not one native-save can replay (tf.constant_initializer, "
            "tf.zeros_initializer, tf.ones_initializer); write one of those inline, or compute the values in "
            f"Python (a NumPy array as the initializer), {BRIDGE}",
        )

    def random(self, node, what: str, spelled: str) -> Refused:
        return Refused(
            node,
            "SM319",
            f"{what} is random ({spelled}): an eager tf.Variable would start from other numbers than the ones the "
            "TF1 program exports; use a deterministic initializer (tf.constant_initializer(<value or NumPy "
            f"array>), tf.zeros_initializer(), tf.ones_initializer()), {BRIDGE}",
        )

    def default_init(self, dtype, node) -> Init:
        """TF1's choice when neither the call nor its scopes give an initializer: zeros for integers
        and bools, glorot_uniform (random) for the rest."""
        if dtype is not None and self._rel(dtype) in T.ZERO_DEFAULT_DTYPES:
            return Init("zeros", None, node)
        return Init("random", None, node)

    def initial_value(self, init: Init, shape: cst.BaseExpression, dtype, ref) -> cst.BaseExpression:
        """The eager expression TF1's initializer computes for `shape` and `dtype`."""
        float32 = dtype is None or self._rel(dtype) in ("float32", "dtypes.float32")
        if init.kind == "random":  # values the block overwrites before the export (`check_random`)
            if init.value is None:
                # TF1's default, glorot_uniform: random values no run could reproduce, overwritten before
                # the export (assign ops, a restored checkpoint), so the variable starts from zeros
                return make_call(self.tf("zeros", ref), shape, dtype=dtype or self.tf("float32", ref))
            return make_call(init.value, shape, dtype=dtype or self.tf("float32", ref))
        if init.kind == "constant":
            assert init.value is not None
            size, wanted = _literal_size(init.value), _shape_size(shape)
            if size is not None and wanted is not None and size not in (1, wanted):
                raise Refused(
                    init.node,
                    "SM319",
                    f"the constant initializer has {size} values for {wanted} elements: TF1 repeats the last value "
                    "to fill the shape, TF2's tf.constant does not; give one value or all of them",
                )
            if dtype is None and not _float(init.value):
                dtype = self.tf("float32", ref)
            return make_call(self.tf("constant", ref), init.value, shape=shape, dtype=dtype)
        return make_call(self.tf(init.kind, ref), shape, dtype=None if float32 else dtype)

    # -- tf.get_variable -----------------------------------------------------------------------------
    def get_variable(self, target: str, call: cst.Call, position: int, statements) -> cst.BaseExpression:
        """The eager expression replacing `target = tf.get_variable(...)`: a `tf.Variable` or,
        for a reused name, the Python name that already holds that variable."""
        ref = self.cm.tf_symbol(call.func)
        args = bind_args(call, T.GET_VARIABLE_PARAMS)
        for key in set(args) - {"name", "shape", "dtype", "initializer", "trainable"}:
            raise Refused(
                args[key],
                "SM319",
                f"`{key}=` of tf.get_variable has no equivalent on an eager tf.Variable here; drop it if serving "
                f"does not need it, {BRIDGE}",
            )
        name = literal_str(args.get("name"))
        if not name:
            raise Refused(
                call,
                "SM319",
                "the variable's name is not a string literal, so its TF1 name (scope path) cannot be followed; "
                "name it with a string",
            )
        full = self.full(name)
        existing = self.reused(full, call, position, statements)
        if existing is not None:
            return cst.Name(existing)
        scope = self.stack[-1]
        dtype = args.get("dtype") or scope.dtype
        name_arg = cst.SimpleString(json.dumps(full))
        init = self.get_variable_init(args, full, call)
        value_rel = (
            self._rel(args["initializer"]) if init is None and isinstance(args["initializer"], cst.Call) else None
        )
        if value_rel is not None and value_rel.startswith(T.RANDOM_INITIALIZER_PREFIXES):
            self.random_initial[target] = args["initializer"]  # `initializer=tf.random_normal([2])`
        elif init is not None and init.kind == "random":
            self.random_initial[target] = init.node
        if init is None:  # a value (NumPy array, list, tensor): TF1 keeps its dtype, as tf.Variable does
            value = make_call(self.tf("Variable", ref), args["initializer"], name=name_arg, dtype=args.get("dtype"))
        else:
            shape = args.get("shape")
            if shape is None:
                raise Refused(call, "SM319", f"`{full}` has an initializer but no shape; pass `shape=`")
            initial = self.initial_value(init, shape, dtype, ref)
            value = make_call(self.tf("Variable", ref), initial, name=name_arg)
        self.created(full, target, position)
        self.unique(full, root=True)  # TF1 makes it outside the name scope, under its full name
        return self._trainable(value, args.get("trainable"))

    def get_variable_init(self, args, full: str, call) -> Init | None:
        """The initializer of a new `get_variable`; None when `initializer=` is the initial value."""
        scope = self.stack[-1]
        node = args.get("initializer")
        what = f"the initializer of `{full}`"
        if node is None or is_none(node):
            return scope.initializer or self.default_init(args.get("dtype") or scope.dtype, call)
        rel = self._rel(node) if isinstance(node, cst.Call) else None
        if rel is not None and rel.startswith(T.RANDOM_INITIALIZER_PREFIXES):
            if args.get("shape") is None:  # a random value, `initializer=tf.random_normal([2])`
                return None
            return Init("random", node, node)
        if rel is not None and (
            rel in T.DETERMINISTIC_INITIALIZERS or rel.endswith(T.EAGER_V1_SUFFIX) or rel.startswith("initializers.")
        ):
            return self.initializer(node, what)  # refuses the ones it cannot replay
        if args.get("shape") is not None:
            raise Refused(
                node,
                "SM319",
                f"{what} `{self.cm.code(node)}` is not a TF initializer call native-save knows, and with `shape=` "
                "given TF1 takes it for one (a value would be refused); write tf.constant_initializer(...) / "
                "tf.zeros_initializer() inline",
            )
        return None

    def name_prefix(self) -> str | None:
        """The name scope TF1 gives ops here, for tensor-name facts: "" outside scopes, `scope/` while
        every enclosing scope got the name it asked for; None when TF1 uniquified one (`tower_1/`)."""
        top = self.stack[-1]
        if not top.name_scope:
            return ""
        return top.name_scope + "/" if top.requested else None

    def scoped_variable(self, call: cst.Call) -> cst.Call:
        """`tf.Variable(..., name="w")`: TF1 names it in the current name scope and uniquifies it
        (`hidden/w`, `tower_1/w`, `w_1`); the eager variable gets that name when it differs. An
        unnamed variable outside scopes keeps TF2's `Variable` (TF1 numbers them `Variable_1`...)."""
        args = bind_args(
            call, ("initial_value", "trainable", "collections", "validate_shape", "caching_device", "name")
        )
        given = args.get("name")
        name = literal_str(given)
        if given is not None and name is None:
            return call  # a computed name: not followed (TF2 uses it as it is)
        tf1 = self.unique(name or "Variable")
        if tf1 == (name or "Variable") or (name is None and not self.stack[-1].name_scope):
            return call
        value = cst.SimpleString(json.dumps(tf1))
        if given is not None:
            return call.with_changes(args=[a.with_changes(value=value) if a.value is given else a for a in call.args])
        return call.with_changes(args=[*call.args, _kw("name", value)])

    def _trainable(self, call: cst.Call, trainable) -> cst.Call:
        if trainable is None or is_none(trainable):
            return call
        return call.with_changes(args=[*call.args, _kw("trainable", trainable)])

    def created(self, full: str, python: str, position: int) -> None:
        self.store[full] = _Created(python, position)

    def reused(self, full: str, node, position: int, statements, reuse=None) -> str | None:
        """The Python name holding `full` when the scope reuses it; None when it is to be created."""
        reuse = reuse or self.stack[-1].reuse
        existing = self.store.get(full)
        if existing is None:
            if reuse is True:
                raise Refused(
                    node,
                    "SM319",
                    f"`{full}` is reused (reuse=True) but no variable of that name is created earlier in this block; "
                    "create it in the block first",
                )
            return None
        if not reuse:
            raise Refused(
                node,
                "SM319",
                f"`{full}` already exists and the scope does not reuse variables (TF1 raises here); set "
                "`reuse=tf.AUTO_REUSE` on the variable scope",
            )
        for small, _ in statements[existing.position + 1 : position]:
            if existing.python in (assigned_names(small) if not isinstance(small, ScopeExit) else set()) or (
                isinstance(small, cst.BaseCompoundStatement) and existing.python in identifiers(small)
            ):
                raise Refused(
                    node,
                    "SM319",
                    f"`{existing.python}`, which held `{full}`, is rebound before the variable is reused; keep the "
                    "variable in its own name",
                )
        return existing.python


def variable_in_graph_code(ref, rel: str, spelled: str) -> Refused | None:
    """Why a variable-making TF1 name left inside graph code (not on a line of its own) is refused."""
    if rel in (T.GET_VARIABLE, T.VARIABLE_SCOPE) or rel in T.DENSE or rel in T.SHAPE_LAYERS:
        return Refused(
            ref,
            "SM310",
            f"`{spelled}` is called inside an expression; native-save migrates `name = tf.get_variable(...)` and "
            "`name = tf.layers.dense/dropout/flatten(...)` written as statements of their own — assign it to a "
            f"name first, {BRIDGE}",
        )
    if rel.startswith("layers."):
        return Refused(
            ref,
            "SM310",
            f"`{spelled}` is a TF1 layer native-save does not migrate (only tf.layers.dense, dropout and flatten "
            f"are); rewrite it with tf.Variables and TF ops, {BRIDGE}",
        )
    return None
