"""What the Keras-era codemods share: Keras names by import, save paths, and the statements of a scope.

Keras 2 code reached Keras through ``tf.keras`` (``tensorflow.keras``, ``tensorflow.python.keras``)
or the ``keras`` package TF 2.x installed alongside; both are Keras 3 on TF 2.21. `keras_rel` maps
any of those qualified names to a Keras-relative path (``models.load_model``), so codemods match
by import, never by text. ``tf_keras`` code is left alone: it is the Keras 2 package and keeps its
behaviour.
"""

from __future__ import annotations

import libcst as cst

from ._base import SavedModelCodemod, dotted_parts, literal_str
from ._names import all_names, param_names, target_names
from ._walk import walk
from .symbols import ROOT_MODULE, V1_MODULE, V2_MODULE

_KERAS_PREFIXES = tuple(
    f"{root}.keras." for root in (ROOT_MODULE, V1_MODULE, V2_MODULE, "tensorflow.python", "tensorflow.compat.v2")
) + ("keras.",)

# Keras-relative paths of calls that return a Keras model
MODEL_FACTORIES = {
    "Sequential",
    "Model",
    "models.Sequential",
    "models.Model",
    "models.load_model",
    "models.clone_model",
    "models.model_from_json",
    "models.model_from_config",
    "saving.load_model",
    "experimental.load_from_saved_model",
}
MODEL_CLASSES = {"Model", "Sequential", "models.Model", "models.Sequential"}
FILE_SUFFIXES = (".keras", ".h5", ".hdf5")
TRAINING_METHODS = {"fit", "fit_generator", "train_on_batch", "compile", "evaluate", "evaluate_generator"}


def keras_rel(codemod: SavedModelCodemod, node: cst.BaseExpression) -> str | None:
    """The Keras-relative path `node` names (``models.load_model``) when every binding agrees."""
    rels = set()
    for q in codemod.qualified(node):
        rel = next((q[len(p) :] for p in _KERAS_PREFIXES if q.startswith(p)), None)
        if rel is None:
            return None
        rels.add(rel.replace("_v1.", "."))
    return rels.pop() if len(rels) == 1 else None


def tf_rel(codemod: SavedModelCodemod, node: cst.BaseExpression) -> str | None:
    """The TF1-relative path (``contrib.predictor.from_saved_model``) `node` names, by import."""
    rels = set()
    for q in codemod.qualified(node):
        if q.startswith(V1_MODULE + "."):
            rels.add(q[len(V1_MODULE) + 1 :])
        elif q.startswith(ROOT_MODULE + ".") and not q.startswith(V2_MODULE):
            rels.add(q[len(ROOT_MODULE) + 1 :])
        else:
            return None
    return rels.pop() if len(rels) == 1 else None


def module_strings(module: cst.Module) -> dict[str, str]:
    """Module-level ``NAME = "literal"`` constants assigned once."""
    found: dict[str, str | None] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            name = target.target.value
                            found[name] = literal_str(small.value) if name not in found else None
    return {k: v for k, v in found.items() if v is not None}


def path_kind(codemod: SavedModelCodemod, node: cst.BaseExpression, strings: dict[str, str]) -> str | None:
    """ "file" when `node` is a path Keras saves as one file (.keras/.h5), "dir" when it is a
    SavedModel folder for Keras 2, None when that cannot be told from the code."""
    text = _last_literal(codemod, node, strings)
    if text is None:
        return None
    return "file" if text.lower().endswith(FILE_SUFFIXES) else "dir"


def _last_literal(
    codemod: SavedModelCodemod, node: cst.BaseExpression, strings: dict[str, str], depth: int = 0
) -> str | None:
    value = literal_str(node)
    if value is not None:
        return value
    if isinstance(node, cst.Name):
        if node.value in strings:
            return strings[node.value]
        # a local variable assigned once, e.g. `export_dir = os.path.join(base, "model")`
        uses = name_uses(codemod, node.value, node)
        if len(uses.assigns) == 1 and not uses.other_binding and depth < 4:
            return _last_literal(codemod, uses.assigns[0].value, strings, depth + 1)
        if uses.assigns or uses.other_binding or depth >= 4:
            return None
        # a module constant computed once, e.g. `MODEL_DIR = os.path.join("models", "regressor")`
        constant = module_constant(codemod, node)
        return None if constant is None else _last_literal(codemod, constant, strings, depth + 1)
    if isinstance(node, cst.FormattedString) and node.parts:
        last = node.parts[-1]
        return last.value if isinstance(last, cst.FormattedStringText) else None
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Divide)):
        return _last_literal(codemod, node.right, strings, depth + 1)
    if isinstance(node, cst.Call) and codemod.qualified(node.func) == {"os.path.join"} and node.args:
        last_arg = node.args[-1]
        return None if last_arg.star else _last_literal(codemod, last_arg.value, strings, depth + 1)
    return None


def scope_of(codemod: SavedModelCodemod, node: cst.CSTNode) -> cst.CSTNode:
    """The function (or module) whose local names `node` uses."""
    current = codemod.parent(node)
    while current is not None and not isinstance(current, (cst.FunctionDef, cst.Module, cst.Lambda)):
        current = codemod.parent(current)
    return current if current is not None else node


# Not `_names.reads`/`binds`: the nodes of one name's assignments, loads and escapes into nested scopes.
class NameUses(cst.CSTVisitor):
    """Every binding and every use of `name` within one scope; nested scopes count as escapes."""

    def __init__(self, name: str, root: cst.CSTNode) -> None:
        self.name = name
        self.root = root
        self.assigns: list[cst.Assign] = []  # `name = value`
        self.loads: list[cst.Name] = []  # every other occurrence of the name
        self.nested: list[cst.CSTNode] = []  # uses inside nested functions, classes, lambdas
        self.other_binding = False  # parameter, for target, with-as, augmented assignment, del, global

    def _nested(self, node: cst.CSTNode) -> bool:
        if node is self.root:
            if isinstance(node, cst.FunctionDef) and self.name in param_names(node.params):
                self.other_binding = True
            return True
        if any(n.value == self.name for n in all_names(node)):
            self.nested.append(node)
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return self._nested(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return self._nested(node)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return self._nested(node)

    def visit_Assign(self, node: cst.Assign) -> bool:
        target = node.targets[0].target if len(node.targets) == 1 else None
        if isinstance(target, cst.Name) and target.value == self.name:
            self.assigns.append(node)
            walk(node.value, self)
            return False
        return True

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name:
            self.loads.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)  # `.attr` names are not uses of a variable
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)  # keyword names are not uses either
        return False

    def _binds(self, target: cst.BaseExpression | None) -> None:
        # names bound by a target; `name.attr = ...` and `name[i] = ...` bind nothing
        if target is not None:
            self.other_binding |= self.name in target_names(target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._binds(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._binds(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._binds(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._binds(node.name)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            self._binds(node.name if isinstance(node.name, cst.Name) else None)

    def visit_Global(self, node: cst.Global) -> None:
        self.other_binding |= any(n.name.value == self.name for n in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.other_binding |= any(n.name.value == self.name for n in node.names)

    def visit_Del(self, node: cst.Del) -> None:
        self._binds(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._binds(node.target)

    def visit_Assign_targets(self, node: cst.Assign) -> None:  # libcst's hook before `targets`
        for target in node.targets:
            if not isinstance(target.target, cst.Name):
                self._binds(target.target)


def name_uses(codemod: SavedModelCodemod, name: str, at: cst.CSTNode) -> NameUses:
    scope = scope_of(codemod, at)
    uses = NameUses(name, scope)
    walk(scope, uses)
    return uses


def _module_of(codemod: SavedModelCodemod, node: cst.CSTNode) -> cst.Module | None:
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(current, cst.Module):
        current = codemod.parent(current)
    return current


def module_constant(codemod: SavedModelCodemod, name: cst.Name) -> cst.BaseExpression | None:
    """The value of module-level ``NAME = value`` when that is the name's only binding anywhere in
    the module (no other module-level binding, no ``global NAME`` in a function); else None."""
    module = _module_of(codemod, name)
    return None if module is None else constant_in(module, name.value)


def constant_in(module: cst.Module, name: str) -> cst.BaseExpression | None:
    """`module_constant` for a name of `module` given as text."""
    uses = NameUses(name, module)
    walk(module, uses)
    if len(uses.assigns) != 1 or uses.other_binding:
        return None
    if _declared_global(module, name):
        return None
    return uses.assigns[0].value


def _declared_global(module: cst.Module, name: str) -> bool:
    """Whether a ``global`` statement anywhere in `module` names `name` (without importing
    `libcst.matchers`, ~0.25 s of start-up)."""
    found: list[cst.Global] = []

    class Globals(cst.CSTVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            if any(item.name.value == name for item in node.names):
                found.append(node)

    walk(module, Globals())
    return bool(found)


class _Returns(cst.CSTVisitor):
    """The ``return`` statements of one function, not of the functions nested in it."""

    def __init__(self, root: cst.FunctionDef) -> None:
        self.root = root
        self.returns: list[cst.Return] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return node is self.root

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        self.returns.append(node)


def _builder_function(codemod: SavedModelCodemod, func: cst.Name) -> cst.FunctionDef | None:
    """The module-level ``def NAME(...)`` a call `func` names, when nothing else binds NAME."""
    module = _module_of(codemod, func)
    if module is None:
        return None
    defs = [s for s in module.body if isinstance(s, cst.FunctionDef) and s.name.value == func.value]
    if len(defs) != 1 or defs[0].decorators:
        return None
    uses = name_uses(codemod, func.value, func)
    if uses.assigns or uses.other_binding:
        return None  # shadowed where it is called
    at_module = NameUses(func.value, module)
    walk(module, at_module)
    return None if at_module.assigns or at_module.other_binding else defs[0]


def keras_model_classes(codemod: SavedModelCodemod, module: cst.Module) -> set[str]:
    """Names of module-level classes that subclass a Keras model (directly or through each other)."""
    classes: dict[str, cst.ClassDef] = {s.name.value: s for s in module.body if isinstance(s, cst.ClassDef)}
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, cls in classes.items():
            if name in found:
                continue
            for base in cls.bases:
                if (isinstance(base.value, cst.Name) and base.value.value in found) or keras_rel(
                    codemod, base.value
                ) in MODEL_CLASSES:
                    found.add(name)
                    changed = True
                    break
    return found


def is_keras_model(codemod: SavedModelCodemod, node: cst.BaseExpression, classes: set[str], depth: int = 0) -> bool:
    """True when `node` is a local name every binding of which builds or loads a Keras model: a
    Keras model constructor or loader, a module-level `keras.Model` subclass, or a module-level
    function every ``return`` of which gives such a model (``model = build_model()``)."""
    if not isinstance(node, cst.Name):
        return False
    uses = name_uses(codemod, node.value, node)
    if not uses.assigns or uses.other_binding:
        return False
    return all(_builds_model(codemod, assign.value, classes, depth) for assign in uses.assigns)


def _builds_model(codemod: SavedModelCodemod, value: cst.BaseExpression, classes: set[str], depth: int) -> bool:
    if isinstance(value, cst.Name):
        return depth < 4 and is_keras_model(codemod, value, classes, depth + 1)
    if not isinstance(value, cst.Call):
        return False
    func = value.func
    if isinstance(func, cst.Name) and func.value in classes:
        return True
    rel = keras_rel(codemod, func)
    if rel is not None:
        return rel in MODEL_FACTORIES or rel.startswith("applications.")
    builder = _builder_function(codemod, func) if isinstance(func, cst.Name) and depth < 4 else None
    if builder is None:
        return False
    found = _Returns(builder)
    walk(builder, found)
    return bool(found.returns) and all(
        r.value is not None and _builds_model(codemod, r.value, classes, depth + 1) for r in found.returns
    )


def keras_spelling(codemod: SavedModelCodemod, site: cst.BaseExpression, path: str) -> str:
    """`path` (Keras-relative) spelled from the site's own Keras prefix (``tf.keras.`` / ``keras.``),
    else from the module's TensorFlow binding (a ``tensorflow`` import is added when there is none)."""
    parts = dotted_parts(site) or []
    if "keras" in parts[:-1]:
        return ".".join([*parts[: parts.index("keras") + 1], path])
    root, module = codemod.tf_root()
    return f"{root}.compat.v2.keras.{path}" if module == V1_MODULE else f"{root}.keras.{path}"


def with_suffix(node: cst.SimpleString, suffix: str) -> cst.SimpleString:
    """A string literal with `suffix` appended inside its quotes."""
    value = node.value
    quote = value[-3:] if value.endswith(('"""', "'''")) else value[-1]
    return node.with_changes(value=value[: -len(quote)] + suffix + quote)


def own_assignment(
    codemod: SavedModelCodemod, call: cst.Call
) -> tuple[cst.Assign, cst.Name, cst.SimpleStatementLine] | None:
    """(assignment, its target, its line) when `call` is the whole value of a `name = call` statement
    standing alone on its line; None otherwise."""
    assign = codemod.parent(call)
    stmt = codemod.parent(assign) if assign is not None else None
    if (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
        and isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
    ):
        return assign, assign.targets[0].target, stmt
    return None


def code_of(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def kwarg(name: str, value: cst.BaseExpression) -> cst.Arg:
    """``name=value`` spelled the PEP 8 way."""
    return cst.Arg(
        value, keyword=cst.Name(name), equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
    )
