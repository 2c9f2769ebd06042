"""Which names of a module are bound to TensorFlow, found with `ast` (no libcst, no TensorFlow).

The whole-API pass touches every file that imports TensorFlow, so it cannot afford libcst's CST
and scope analysis on each of them. This module answers the one question it needs, from Python's
own `ast`: for a `Name` read somewhere, is it bound to a TensorFlow API module
(``tensorflow``, ``tensorflow.compat.v1`` ...) and to which? Bindings are collected per scope
(module, function, lambda, comprehension, class); a read resolves in its own scope, then its
enclosing function scopes (class bodies do not enclose their methods), then the module. A name
bound in its scope by anything but a TensorFlow import (or a ``tf1 = tf.compat.v1`` alias) is not
TensorFlow there. When one scope binds a name to different TensorFlow modules (``try: import
tensorflow.compat.v1 as tf / except ImportError: import tensorflow as tf``) the first binding in
source order wins: it is the one that succeeds on TensorFlow 2.
"""

from __future__ import annotations

import ast
import re
from collections import deque
from dataclasses import dataclass, field

ROOT = "tensorflow"
V1 = "tensorflow.compat.v1"
V2 = "tensorflow.compat.v2"

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp, ast.DictComp,
           ast.GeneratorExp)  # fmt: skip

# a binding that is not a TensorFlow module
OTHER = ""


@dataclass
class Scope:
    node: ast.AST
    parent: Scope | None
    is_class: bool = False
    bindings: dict[str, list[str]] = field(default_factory=dict)  # name -> TF module path or OTHER, in order
    globals_: set[str] = field(default_factory=set)
    nonlocals: set[str] = field(default_factory=set)

    def bind(self, name: str, path: str = OTHER) -> None:
        self.bindings.setdefault(name, []).append(path)


def dotted(node: ast.AST) -> list[str] | None:
    """``a.b.c`` -> ["a", "b", "c"]; None for anything that is not a plain dotted name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def tf_path(module: str) -> str | None:
    """`module` if it is TensorFlow's package or one of its API modules, else None."""
    return module if module == ROOT or module.startswith(ROOT + ".") else None


# Not `_names`: a stdlib `ast` pass (no libcst tree to walk here) that resolves reads to bindings per scope.
class Bindings(ast.NodeVisitor):
    """Collects every scope's bindings; `resolve(name_node)` answers for a read."""

    # `ast.NodeVisitor` looks the method up by name and walks fields through generators for every
    # node; this visitor runs over every module that imports TensorFlow, so dispatch is cached per
    # node class and children are visited in one loop (same order as `generic_visit`)
    _dispatch: dict[type, object] = {}

    def visit(self, node: ast.AST) -> None:
        method = self._dispatch.get(type(node))
        if method is None:
            method = getattr(type(self), "visit_" + type(node).__name__, None) or Bindings.generic_visit
            self._dispatch[type(node)] = method
        method(self, node)  # type: ignore[operator]

    def generic_visit(self, node: ast.AST) -> None:
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    def __init__(self, tree: ast.Module) -> None:
        self.module = Scope(tree, None)
        self.scope_of: dict[int, Scope] = {}  # id(node) -> scope for every Name read
        self.all: list[Scope] = [self.module]  # every scope, also those no name is read in
        self._scope = self.module
        self.uncertain = False  # star imports: module-level names may come from anywhere
        self.alias_of: dict[int, str] = {}  # id(Assign) -> the TF module a `tf1 = tf.compat.v1` binds
        self.visit(tree)

    # -- scopes -------------------------------------------------------------------------------
    def _enter(self, node: ast.AST, is_class: bool = False) -> Scope:
        scope = Scope(node, self._scope, is_class)
        self._scope = scope
        self.all.append(scope)
        return scope

    def _leave(self, scope: Scope) -> None:
        assert scope.parent is not None
        self._scope = scope.parent

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        args = node.args
        for default in [*args.defaults, *args.kw_defaults]:
            if default is not None:
                self.visit(default)
        if not isinstance(node, ast.Lambda):
            for deco in node.decorator_list:
                self.visit(deco)
            self._scope.bind(node.name)
            if node.returns is not None:
                self.visit(node.returns)
        scope = self._enter(node)
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None:
                scope.bind(arg.arg)
        body = node.body if isinstance(node.body, list) else [node.body]
        for stmt in body:
            self.visit(stmt)
        self._leave(scope)

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self.visit(expr)
        self._scope.bind(node.name)
        scope = self._enter(node, is_class=True)
        for stmt in node.body:
            self.visit(stmt)
        self._leave(scope)

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp) -> None:
        first, *rest = node.generators
        self.visit(first.iter)  # evaluated in the enclosing scope
        scope = self._enter(node)
        for gen in node.generators:
            self._target(gen.target)
            if gen is not first:
                self.visit(gen.iter)
            for cond in gen.ifs:
                self.visit(cond)
        if isinstance(node, ast.DictComp):
            self.visit(node.key)
            self.visit(node.value)
        else:
            self.visit(node.elt)
        self._leave(scope)

    visit_ListComp = visit_SetComp = visit_DictComp = visit_GeneratorExp = _comprehension

    # -- bindings -----------------------------------------------------------------------------
    def _target(self, node: ast.AST) -> None:
        if isinstance(node, ast.Name):
            self._scope.bind(node.id)
        elif isinstance(node, (ast.Tuple, ast.List)):
            for elt in node.elts:
                self._target(elt)
        elif isinstance(node, ast.Starred):
            self._target(node.value)
        else:  # attribute or subscript targets read their base
            self.visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self._scope.bind(alias.asname, tf_path(alias.name) or OTHER)
            else:
                head = alias.name.split(".")[0]
                self._scope.bind(head, ROOT if head == ROOT else OTHER)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        for alias in node.names:
            if alias.name == "*":
                if self._scope is self.module:
                    self.uncertain = True
                continue
            path = tf_path(f"{module}.{alias.name}") if not node.level and module else None
            self._scope.bind(alias.asname or alias.name, path or OTHER)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.visit(node.value)
        alias = None
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            # `tf1 = tf.compat.v1`: a module alias, resolved where it is bound
            alias = self._resolve_in(node.value, self._scope)
            if alias is not None:
                self.alias_of[id(node)] = alias
        for target in node.targets:
            if alias and isinstance(target, ast.Name):
                previous = self._scope.bindings.get(target.id)
                if previous and OTHER not in previous:
                    # `tf = tf.compat.v1` re-spells a TensorFlow name: later reads see the alias
                    self._scope.bindings[target.id] = [alias]
                else:
                    self._scope.bind(target.id, alias)
            else:
                self._target(target)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)
        self.visit(node.annotation)
        self._target(node.target)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        self._target(node.target)
        if isinstance(node.target, ast.Name):
            self.scope_of[id(node.target)] = self._scope

    def visit_For(self, node: ast.For | ast.AsyncFor) -> None:
        self.visit(node.iter)
        self._target(node.target)
        for stmt in [*node.body, *node.orelse]:
            self.visit(stmt)

    visit_AsyncFor = visit_For

    def visit_withitem(self, node: ast.withitem) -> None:
        self.visit(node.context_expr)
        if node.optional_vars is not None:
            self._target(node.optional_vars)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        if node.name:
            self._scope.bind(node.name)
        for stmt in node.body:
            self.visit(stmt)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        scope = self._scope
        while scope.parent is not None and isinstance(scope.node, (ast.ListComp, ast.SetComp, ast.DictComp,
                                                                   ast.GeneratorExp)):  # fmt: skip
            scope = scope.parent
        scope.bind(node.target.id)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._target(target)

    def visit_Global(self, node: ast.Global) -> None:
        self._scope.globals_.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self._scope.nonlocals.update(node.names)

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name:
            self._scope.bind(node.name)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name:
            self._scope.bind(node.name)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        self.generic_visit(node)
        if node.rest:
            self._scope.bind(node.rest)

    def visit_Name(self, node: ast.Name) -> None:
        self.scope_of[id(node)] = self._scope

    # -- resolution ---------------------------------------------------------------------------
    def _lookup(self, name: str, scope: Scope) -> list[str] | None:
        """The bindings a read of `name` in `scope` sees (None: unbound or not knowable)."""
        first = scope
        current: Scope | None = scope
        while current is not None:
            if name in current.globals_:
                current = self.module
                continue
            if (current is first or not current.is_class) and name in current.bindings:
                if current is self.module and self.uncertain:
                    return None
                return current.bindings[name]
            current = current.parent
        return None

    def _resolve_in(self, node: ast.AST, scope: Scope) -> str | None:
        parts = dotted(node)
        if parts is None:
            return None
        found = self._lookup(parts[0], scope)
        if not found or OTHER in found:
            return None
        return ".".join([found[0], *parts[1:]])

    def resolve(self, node: ast.AST) -> str | None:
        """The fully qualified TensorFlow path of a dotted expression, or None."""
        parts = dotted(node)
        if parts is None:
            return None
        head = node
        while isinstance(head, ast.Attribute):
            head = head.value
        scope = self.scope_of.get(id(head))
        if scope is None:
            return None
        found = self._lookup(parts[0], scope)
        if not found or OTHER in found:
            return None
        return ".".join([found[0], *parts[1:]])


# --- text edits at ast positions ----------------------------------------------------------------
class SourceText:
    """A module's text with conversions from `ast` positions (UTF-8 byte columns) to offsets."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.starts = [0]
        for match in re.finditer(r"\r\n|\r|\n", code):
            self.starts.append(match.end())
        self._ascii = code.isascii()
        first_break = re.search(r"\r\n|\r|\n", code)
        self.newline = first_break.group(0) if first_break else "\n"

    def offset(self, line: int, col: int) -> int:
        start = self.starts[line - 1]
        if self._ascii:
            return start + col
        end = self.starts[line] if line < len(self.starts) else len(self.code)
        raw = self.code[start:end].encode("utf-8")[:col]
        return start + len(raw.decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> tuple[int, int]:
        return (
            self.offset(node.lineno, node.col_offset),  # type: ignore[attr-defined]
            self.offset(node.end_lineno, node.end_col_offset),  # type: ignore[attr-defined]
        )

    def source(self, node: ast.AST) -> str:
        """The node's source with whitespace runs collapsed (for messages)."""
        start, end = self.span(node)
        return " ".join(self.code[start:end].split())

    def line_removal(self, node: ast.stmt) -> tuple[int, int, str] | None:
        """An edit deleting statement `node`'s lines (a trailing comment goes with it); None when other
        code shares them. When a blank line follows, the blank lines right before it go as well, so
        the spacing between what stays is what it was."""
        start, end = self.span(node)
        first, last = node.lineno, node.end_lineno or node.lineno
        stop = self.line_start_after(last)
        rest = self.code[end:stop].strip()
        if self.code[self.starts[first - 1] : start].strip() or (rest and not rest.startswith("#")):
            return None
        if last < len(self.starts) and self._blank(last + 1):
            while first > 1 and self._blank(first - 1):
                first -= 1
        return (self.starts[first - 1], stop, "")

    def _blank(self, line: int) -> bool:
        return not self.code[self.starts[line - 1] : self.line_start_after(line)].strip()

    def line_start_after(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.code)

    def indent_of(self, line: int) -> str:
        text = self.code[self.starts[line - 1] :]
        return text[: len(text) - len(text.lstrip(" \t"))]


def apply_edits(code: str, edits: list[tuple[int, int, str]]) -> str:
    """`code` with each (start, end, replacement) applied; an edit inside an earlier one is dropped."""
    if not edits:
        return code
    out, last = [], 0
    for start, end, new in sorted(set(edits)):
        if start < last:
            continue
        out.append(code[last:start])
        out.append(new)
        last = end
    out.append(code[last:])
    return "".join(out)


def relative(full: str) -> tuple[str | None, bool]:
    """(TF1-relative path, spelled for tf.compat.v1) of a fully qualified TensorFlow name.

    ``tensorflow.gfile.GFile`` -> ("gfile.GFile", False); ``tensorflow.compat.v1.placeholder`` ->
    ("placeholder", True); TF2-only spellings (``tensorflow.compat.v2...``) -> (None, False)."""
    if full == V1:
        return None, True
    if full == V2 or full.startswith(V2 + "."):
        return None, False
    if full.startswith(V1 + "."):
        return full[len(V1) + 1 :], True
    if full.startswith(ROOT + "."):
        rel = full[len(ROOT) + 1 :]
        if rel.startswith("compat."):
            return None, False
        return rel, False
    return None, False


def chain(node: ast.AST) -> list[ast.AST]:
    """The nodes of a dotted name, innermost first: `a`, `a.b`, `a.b.c`."""
    out: list[ast.AST] = []
    while isinstance(node, ast.Attribute):
        out.append(node)
        node = node.value
    out.append(node)
    return out[::-1]


def head(node: ast.AST) -> ast.AST:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node


def outer_names(tree: ast.AST) -> list[ast.Attribute | ast.Name]:
    """Every dotted name read in `tree`, outermost only (`a.b.c`, not also `a.b` and `a`)."""
    return _walk(tree)[0]


def _walk(tree: ast.AST) -> tuple[list[ast.Attribute | ast.Name], list[ast.Import | ast.ImportFrom]]:
    """(outer dotted names read, import statements) of `tree`, both in `ast.walk` order, in one walk."""
    inner: set[int] = set()
    found: list[ast.Attribute | ast.Name] = []
    imports: list[ast.Import | ast.ImportFrom] = []
    todo = deque([tree])
    attribute, name_, load, import_ = ast.Attribute, ast.Name, ast.Load, (ast.Import, ast.ImportFrom)
    while todo:
        node = todo.popleft()
        for field_name in node._fields:  # what `ast.iter_child_nodes` does, without its generators
            value = getattr(node, field_name, None)
            if isinstance(value, list):
                todo.extend(item for item in value if isinstance(item, ast.AST))
            elif isinstance(value, ast.AST):
                todo.append(value)
        if isinstance(node, attribute):
            inner.add(id(node.value))
            found.append(node)
        elif isinstance(node, name_) and isinstance(node.ctx, load):
            found.append(node)
        elif isinstance(node, import_):
            imports.append(node)
    return [n for n in found if id(n) not in inner], imports


@dataclass
class Analysis:
    """What the text passes need of one module's text: computed once, shared while the text is unchanged."""

    tree: ast.Module
    scopes: Bindings
    text: SourceText
    names: list[ast.Attribute | ast.Name]  # `outer_names(tree)`
    imports: list[ast.Import | ast.ImportFrom]  # in `ast.walk` order


# The last few texts analysed (a file's original text and what each text pass made of it). The
# trees are only read, never changed, so `whole-api` and `compat-mode` share one parse and one
# binding analysis of a text that the first left unchanged, and the engine's syntax check seeds it.
_CACHE: dict[str, ast.Module | Analysis] = {}
_CACHE_SIZE = 3


def remember(code: str, tree: ast.Module) -> None:
    """Record `tree` as the parse of `code` (the engine's syntax check already parsed it)."""
    if code not in _CACHE:
        _store(code, tree)


def parse(code: str) -> ast.Module:
    """`ast.parse(code)`, reusing the tree when this text was parsed last."""
    found = _CACHE.get(code)
    if found is not None:
        return found.tree if isinstance(found, Analysis) else found
    tree = ast.parse(code)
    _store(code, tree)
    return tree


def analyse(code: str) -> Analysis:
    """The `Analysis` of `code` (parsed with `ast`; raises SyntaxError like `ast.parse`)."""
    found = _CACHE.get(code)
    if isinstance(found, Analysis):
        return found
    tree = found if found is not None else ast.parse(code)
    names, imports = _walk(tree)
    result = Analysis(tree, Bindings(tree), SourceText(code), names, imports)
    _store(code, result)
    return result


def _store(code: str, value: ast.Module | Analysis) -> None:
    _CACHE.pop(code, None)
    while len(_CACHE) >= _CACHE_SIZE:
        del _CACHE[next(iter(_CACHE))]
    _CACHE[code] = value


def import_records(nodes) -> list[tuple[str, int, int, int]]:
    """(module, relative level, line, col) of each import among `nodes` (``from m import a`` gives
    both ``m`` and ``m.a``): what links two modules of one rewritten tree (see rewrite._ImportGraph)."""
    out: list[tuple[str, int, int, int]] = []
    for node in nodes:
        if isinstance(node, ast.Import):
            out.extend((a.name, 0, node.lineno, node.col_offset + 1) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            out.append((base, node.level, node.lineno, node.col_offset + 1))
            out.extend(
                (f"{base}.{a.name}" if base else a.name, node.level, node.lineno, node.col_offset + 1)
                for a in node.names
                if a.name != "*"
            )
    return out
