"""Names in code, one implementation for every codemod: what a node reads and binds, which
identifiers it mentions, fresh names that collide with none of them, and a cheap module index.

- `reads(node)` / `binds(node)` / `uses_and_binds(node)`: the names code loads from, and binds in,
  the scope it runs in (every binding form; nested functions, lambdas, classes and comprehensions
  are scopes of their own), memoised per node. `target_names` and `local_names` are their parts.
- `mentions(node)` / `mention_nodes(node)`: every identifier used as a variable, bound or read, in
  any scope (not `.attr` or keyword names): the over-approximation refusals and fresh names use.
- `FreshNames`: the one allocator of new identifiers.
- `NameIndex`: libcst's scope analysis (what `QualifiedNameProvider` is built on) costs most of a
  rewrite's time. When an identifier is bound exactly once in the whole module, and that binding is
  an import, every use of the identifier refers to that import; `NameIndex` finds those identifiers
  in one light pass, and the codemod base class falls back to scope analysis for every other name.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import libcst as cst

from ._walk import walk

_T = TypeVar("_T")


def dotted_parts(node: cst.BaseExpression) -> list[str] | None:
    """``a.b.c`` -> ["a", "b", "c"]; None for anything that is not a plain dotted name."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return parts[::-1]


def dotted_name(node: cst.BaseExpression) -> str | None:
    parts = dotted_parts(node)
    return ".".join(parts) if parts else None


def import_module_path(node: cst.Attribute | cst.Name) -> str:
    """The dotted path an `import` statement names (always a plain dotted name there)."""
    return dotted_name(node) or ""


class NameIndex(cst.CSTVisitor):
    """name -> list of bindings; an import binding is its qualified path, anything else None.

    Deliberately not `binds`: one pass counts every binding in every scope of the module (a name
    bound once anywhere is unambiguous), with the path each import binds."""

    def __init__(self) -> None:
        self.bindings: dict[str, list[str | None]] = {}
        self.uncertain = False  # `global`/`nonlocal`/star imports/`match`: use scope analysis
        self.star = False  # a star import: names may come from a module's namespace
        self.seen: set[str] = set()  # every identifier used or bound anywhere

    def visit_Name(self, node: cst.Name) -> None:
        self.seen.add(node.value)

    def _bind(self, name: str, path: str | None = None) -> None:
        self.bindings.setdefault(name, []).append(path)

    def _bind_target(self, target: cst.BaseExpression) -> None:
        for name in target_names(target):
            self._bind(name)

    def imported_path(self, name: str) -> str | None:
        """The import path when `name` has exactly one binding and it is an import, else None."""
        if self.uncertain:
            return None
        found = self.bindings.get(name)
        if found is not None and len(found) == 1:
            return found[0]
        return None

    def binding_count(self, name: str) -> int:
        return len(self.bindings.get(name, ()))

    # imports
    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            self.seen.add(import_module_path(alias.name).split(".")[0])
            path = import_module_path(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self._bind(alias.asname.name.value, path)
            else:
                head = path.split(".")[0]
                self._bind(head, head)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if isinstance(node.names, cst.ImportStar):
            self.uncertain = self.star = True
            return False
        module = "." * len(node.relative) + (import_module_path(node.module) if node.module else "")
        for alias in node.names:
            obj = import_module_path(alias.name)
            name = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else obj
            self._bind(name, None if node.relative else f"{module}.{obj}")
        return False

    # every other way to bind a name
    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind_target(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind_target(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name):
            self._bind(node.name.name.value)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_target(node.target)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._bind(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bind(node.name.value)

    def visit_Param(self, node: cst.Param) -> None:
        self._bind(node.name.value)

    def visit_Del(self, node: cst.Del) -> None:
        self._bind_target(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        self.uncertain = True

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.uncertain = True

    def visit_Match(self, node: cst.Match) -> None:
        self.uncertain = True


class FreshNames:
    """Fresh identifiers that collide with nothing the file already uses (every codemod that adds
    names allocates them here: `fresh("outputs")` is `outputs`, else `outputs_2`, ...)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)
        self.free: set[str] = set()  # names the block being rewritten no longer uses

    def fresh(self, base: str) -> str:
        base = re.sub(r"\W", "_", base) or "signature"
        if base[0].isdigit() or keyword.iskeyword(base):
            base = "signature_" + base
        name, n = base, 2
        while name in self.taken and name not in self.free:
            name, n = f"{base}_{n}", n + 1
        self.taken.add(name)
        self.free.discard(name)
        return name


# -- what a node reads and binds ---------------------------------------------------------------------
# Nodes are immutable, so what a pure analysis finds in one is found once: the analyses ask about the
# same statements many times. Keyed by the node's id, with the node kept in the entry so the id
# cannot be reused; `forget()` (at the start of each module's plan) bounds it to about one module's nodes.
_MEMO: dict[tuple[object, int], tuple[cst.CSTNode, object]] = {}


def memoised(kind: object, node: cst.CSTNode, compute: Callable[[], _T]) -> _T:
    """`compute()`, the answer of analysis `kind` about `node`, found once per node."""
    entry = _MEMO.get((kind, id(node)))
    if entry is not None and entry[0] is node:
        return entry[1]  # type: ignore[return-value]  # stored by the same `kind`
    if len(_MEMO) >= 100_000:
        _MEMO.clear()  # a run whose modules native-save never plans: still bounded
    value = compute()
    _MEMO[(kind, id(node))] = (node, value)
    return value


def forget() -> None:
    _MEMO.clear()


class _Mentions(cst.CSTVisitor):
    """Every `Name` used as an identifier (`.attr` names and keyword names are not variables)."""

    def __init__(self) -> None:
        self.found: list[cst.Name] = []

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)  # `f(value=1)` uses no variable `value`
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.found.append(node)


class Scan:
    """What one walk of a node finds, for every question the analyses ask about it: the identifiers it
    mentions (as `_Mentions` finds them), its calls (pre-order), and the outermost names and attribute
    chains that may name a TensorFlow symbol, each with the index just past the candidates nested in
    it (`exports.syntax.tf_refs` resolves them, skipping what a resolved attribute holds)."""

    __slots__ = ("calls", "names", "refs")

    def __init__(self, names: tuple[cst.Name, ...], calls: tuple[cst.Call, ...], refs: tuple) -> None:
        self.names = names
        self.calls = calls
        self.refs = refs  # ((Name | Attribute, end index), ...)


class _Scanner(_Mentions):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[cst.Call] = []
        self.refs: list[list[Any]] = []

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        at = len(self.refs)
        self.refs.append([node, 0])
        walk(node.value, self)
        self.refs[at][1] = len(self.refs)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.found.append(node)
        self.refs.append([node, len(self.refs) + 1])

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)


def scan(node: cst.CSTNode) -> Scan:
    """One walk of `node` answering `mention_nodes`, `calls` and the TF-reference candidates (memoised)."""

    def compute() -> Scan:
        v = _Scanner()
        walk(node, v)
        return Scan(tuple(v.found), tuple(v.calls), tuple((n, end) for n, end in v.refs))

    return memoised(scan, node, compute)


def mention_nodes(node: cst.CSTNode) -> list[cst.Name]:
    """Each occurrence of an identifier in `node`, bound or read, in any scope (`tf.train` and
    `f(value=1)` mention no variable `train` or `value`)."""
    return list(scan(node).names)


def calls(node: cst.CSTNode) -> list[cst.Call]:
    """Every call in `node`, in walk order (a new list: callers may change it)."""
    return list(scan(node).calls)


def mentions(node: cst.CSTNode) -> set[str]:
    """The identifiers `node` mentions, bound or read, in any scope: the cheap over-approximation of
    `reads(node) | binds(node)` that refusals and fresh names rely on."""
    return set(memoised(mentions, node, lambda: frozenset(n.value for n in mention_nodes(node))))


class _MentionsOutside(_Mentions):
    def __init__(self, skip: set[int]) -> None:
        super().__init__()
        self.skip = skip

    def on_visit(self, node: cst.CSTNode) -> bool:
        return id(node) not in self.skip and super().on_visit(node)


def mentions_outside(node: cst.CSTNode, skip: Iterable[cst.CSTNode]) -> set[str]:
    """`mentions(node)` less what the `skip` subtrees mention."""
    v = _MentionsOutside({id(n) for n in skip})
    walk(node, v)
    return {n.value for n in v.found}


class _AllNames(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Name] = []

    def visit_Name(self, node: cst.Name) -> None:
        self.found.append(node)


def all_names(node: cst.CSTNode) -> list[cst.Name]:
    """Every `Name` node in `node`, `.attr` and keyword names included (a purely textual look)."""
    v = _AllNames()
    walk(node, v)
    return v.found


def target_names(target: cst.BaseExpression) -> set[str]:
    """The names an assignment target binds: `a`, `a, (b, *c)`, `[a, b]`; `a.x` and `a[i]` bind none."""
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        return {name for element in target.elements for name in target_names(element.value)}
    if isinstance(target, cst.StarredElement):
        return target_names(target.value)
    return set()


_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)


class _Scope(cst.CSTVisitor):
    """Loads and stores of one scope's code; nested functions, lambdas, classes and comprehensions
    are analysed as scopes of their own and contribute only what they read or bind outside."""

    def __init__(self, comprehension: bool = False) -> None:
        self.loads: set[str] = set()  # names read here
        self.stores: set[str] = set()  # names bound (or deleted) here
        self.declared: set[str] = set()  # `global`/`nonlocal` names: bound here, but outside
        self.deep: set[str] = set()  # free names of nested functions (they skip a class body)
        self.comprehension = comprehension
        self.outward: set[str] = set()  # walrus targets of a comprehension: bound in the enclosing scope

    # reads
    def visit_Name(self, node: cst.Name) -> None:
        self.loads.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)  # `x.attr` reads `x`, not `attr`
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        walk(node.value, self)  # a keyword's name is not a read
        return False

    # binding forms
    def target(self, target: cst.BaseExpression) -> None:
        """Bind the names of `target`; the base and index of `a.x` or `a[i]` are read."""
        if isinstance(target, cst.Name):
            self.stores.add(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.target(element.value)
        elif isinstance(target, cst.StarredElement):
            self.target(target.value)
        else:
            walk(target, self)

    def visit_Assign(self, node: cst.Assign) -> bool:
        for t in node.targets:
            self.target(t.target)
        walk(node.value, self)
        return False

    def visit_AnnAssign(self, node: cst.AnnAssign) -> bool:
        self.target(node.target)
        walk(node.annotation, self)
        if node.value is not None:
            walk(node.value, self)
        return False

    def visit_AugAssign(self, node: cst.AugAssign) -> bool:
        walk(node.target, self)  # `x += 1` reads `x` too
        self.target(node.target)
        walk(node.value, self)
        return False

    def visit_For(self, node: cst.For) -> bool:
        self.target(node.target)
        for part in (node.iter, node.body, node.orelse):
            if part is not None:
                walk(part, self)
        return False

    def visit_WithItem(self, node: cst.WithItem) -> bool:
        walk(node.item, self)
        if node.asname is not None:
            self.target(node.asname.name)
        return False

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> bool:
        return self._handler(node)

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> bool:
        return self._handler(node)

    def _handler(self, node: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
        if node.type is not None:
            walk(node.type, self)
        if node.name is not None:
            self.target(node.name.name)
        walk(node.body, self)
        return False

    def visit_NamedExpr(self, node: cst.NamedExpr) -> bool:
        walk(node.value, self)
        if self.comprehension:
            self.outward |= target_names(node.target)  # `[y for x in xs if (y := x)]` binds `y` outside
        else:
            self.target(node.target)
        return False

    def visit_Del(self, node: cst.Del) -> bool:
        self.target(node.target)  # `del x` unbinds `x`; `del a[i]` reads `a` and `i`
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            if alias.asname is not None:
                self.target(cast(cst.BaseExpression, alias.asname.name))
            else:
                self.stores.add(import_module_path(alias.name).split(".")[0])
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if not isinstance(node.names, cst.ImportStar):  # a star import binds names no code shows
            for alias in node.names:
                if alias.asname is not None:
                    self.target(cast(cst.BaseExpression, alias.asname.name))
                else:
                    self.stores.add(import_module_path(alias.name))
        return False

    def visit_Global(self, node: cst.Global) -> bool:
        self.declared |= {item.name.value for item in node.names}
        return False

    def visit_Nonlocal(self, node: cst.Nonlocal) -> bool:
        self.declared |= {item.name.value for item in node.names}
        return False

    def visit_MatchAs(self, node: cst.MatchAs) -> bool:
        if node.pattern is not None:
            walk(node.pattern, self)
        if node.name is not None:
            self.stores.add(node.name.value)
        return False

    def visit_MatchStar(self, node: cst.MatchStar) -> bool:
        if node.name is not None:
            self.stores.add(node.name.value)
        return False

    def visit_MatchMapping(self, node: cst.MatchMapping) -> bool:
        for element in node.elements:
            walk(element, self)
        if node.rest is not None:
            self.stores.add(node.rest.value)
        return False

    def visit_MatchKeywordElement(self, node: cst.MatchKeywordElement) -> bool:
        walk(node.pattern, self)  # `Point(x=0)`: `x` is an attribute name
        return False

    # nested scopes
    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        for decorator in node.decorators:
            walk(decorator, self)
        self._signature(node.params)
        if node.returns is not None:
            walk(node.returns, self)
        self.stores.add(node.name.value)
        self._nested(param_names(node.params), node.body)
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self._signature(node.params)
        self._nested(param_names(node.params), node.body)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        for part in (*node.decorators, *node.bases, *node.keywords):
            walk(part, self)
        self.stores.add(node.name.value)
        inner = _Scope()
        walk(node.body, inner)
        # a class body's names are attributes, not variables its methods see
        self.loads |= inner.loads - (inner.stores - inner.declared)
        self.deep |= inner.deep
        self.stores |= inner.stores & inner.declared
        return False

    def _signature(self, params: cst.Parameters) -> None:
        """Defaults and annotations are evaluated where the function is defined."""
        for param in _all_params(params):
            for part in (param.default, param.annotation):
                if part is not None:
                    walk(part, self)

    def _nested(self, params: set[str], body: cst.CSTNode) -> None:
        inner = _Scope()
        walk(body, inner)
        local = (params | inner.stores) - inner.declared
        self.deep |= (inner.loads | inner.deep) - local
        self.stores |= inner.stores & inner.declared  # `global x; x = 1` binds the outer `x`

    def _comprehension(self, node: cst.BaseComp | cst.DictComp) -> bool:
        first = node.for_in
        walk(first.iter, self)  # the first iterable is evaluated in the enclosing scope
        inner = _Scope(comprehension=True)
        comp: cst.CompFor | None = first
        while comp is not None:
            inner.target(comp.target)
            if comp is not first:
                walk(comp.iter, inner)
            for condition in comp.ifs:
                walk(condition, inner)
            comp = comp.inner_for_in
        parts = (node.key, node.value) if isinstance(node, cst.DictComp) else (cast(Any, node).elt,)
        for part in parts:
            walk(part, inner)
        self.deep |= (inner.loads | inner.deep) - inner.stores
        if self.comprehension:
            self.outward |= inner.outward
        else:
            self.stores |= inner.outward
        return False

    def visit_ListComp(self, node: cst.ListComp) -> bool:
        return self._comprehension(node)

    def visit_SetComp(self, node: cst.SetComp) -> bool:
        return self._comprehension(node)

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> bool:
        return self._comprehension(node)

    def visit_DictComp(self, node: cst.DictComp) -> bool:
        return self._comprehension(node)


def _all_params(params: cst.Parameters) -> list[cst.Param]:
    stars = [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
    return [*params.posonly_params, *params.params, *stars, *params.kwonly_params]


def param_names(params: cst.Parameters) -> set[str]:
    """Every parameter's name: positional-only, ordinary, `*args`, keyword-only, `**kwargs`."""
    return {param.name.value for param in _all_params(params)}


def uses_and_binds(node: cst.CSTNode) -> tuple[frozenset[str], frozenset[str]]:
    """(names `node` reads, names it binds), in one walk. Reads are what the code loads from the
    scope `node` runs in (a nested function's or comprehension's own variables are not, the names
    it uses from outside are); binds are the names it assigns, imports, defines or deletes there
    (`global`/`nonlocal` names a nested function assigns included). Not flow-sensitive: in
    `x = 1; print(x)` both statements count, so `x` is bound and read."""

    def compute() -> tuple[frozenset[str], frozenset[str]]:
        scope = _Scope()
        walk(node, scope)
        return frozenset(scope.loads | scope.deep), frozenset(scope.stores)

    return memoised(uses_and_binds, node, compute)


def reads(node: cst.CSTNode) -> set[str]:
    """The names `node` reads from the scope it runs in (see `uses_and_binds`)."""
    return set(uses_and_binds(node)[0])


def binds(node: cst.CSTNode) -> set[str]:
    """The names `node` binds in the scope it runs in (see `uses_and_binds`)."""
    return set(uses_and_binds(node)[1])


def local_names(function: cst.FunctionDef | cst.Lambda) -> set[str]:
    """The variables of a function's own scope: its parameters and what its body binds, less the
    names it declares `global` or `nonlocal`."""
    inner = _Scope()
    walk(function.body, inner)
    return (param_names(function.params) | inner.stores) - inner.declared
