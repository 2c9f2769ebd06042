"""Names read where no binding reaches them: the engine's check that a rewrite broke no name.

A fast, flow-insensitive check of one module's source, stdlib only. A name read in some scope is
*bound* when that scope binds it anywhere (conditionally, in a ``try/except ImportError``, as an
``except ... as`` target, a walrus or a match capture), when an enclosing function scope does
(class scopes do not enclose their methods), when the module does (``global`` declarations
included), or when it is a builtin or a name every module has (``__file__``, ``__name__``, ...).
CPython's own symbol tables (`_symtable`, the C pass `compile` runs) decide scopes, so
comprehensions, lambdas, ``global``/``nonlocal`` and class scopes follow the language exactly; the
`ast` module is only used to find where an offending name is (rare) and for ``del`` statements,
which the symbol table counts as bindings. Modules using ``from x import *``, ``exec`` or writes
to ``globals()``/``locals()``/``vars()`` can bind any module name at run time: module-level
unknowns are taken as bound there.

`undefined_names(source)` returns keys ``(scope qualname, name)`` that compare equal before and
after a rewrite; `new_undefined(before, after)` lists the names undefined in `after` only, so
names that were already undefined in the user's code never count against a rewrite.
"""

from __future__ import annotations

import _symtable
import ast
import builtins
import re
from collections.abc import Iterable
from typing import Any

Key = tuple[str, str]  # (scope qualname, "" for the module; name)

_BINDS = _symtable.DEF_LOCAL | _symtable.DEF_PARAM | _symtable.DEF_IMPORT
_SCOPE = _symtable.SCOPE_MASK
_OFF = _symtable.SCOPE_OFF
_GLOBAL = (_symtable.GLOBAL_IMPLICIT, _symtable.GLOBAL_EXPLICIT)

BUILTINS = frozenset(dir(builtins))
# names a module has without binding them (and what IPython gives notebook cells)
MODULE_NAMES = frozenset(
    {
        "__name__",
        "__file__",
        "__doc__",
        "__spec__",
        "__loader__",
        "__package__",
        "__builtins__",
        "__path__",
        "__cached__",
        "__annotations__",
        "__dict__",
        "get_ipython",
        "display",
        "In",
        "Out",
    }
)
CLASS_NAMES = frozenset({"__module__", "__qualname__", "__annotations__", "__dict__", "__doc__"})

_STAR_IMPORT = re.compile(r"^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]*\*", re.M)
_NAMESPACE_WRITE = re.compile(
    r"\b(?:globals|locals|vars)\(\)\s*(?:\[[^\]\n]*\]\s*=(?!=)|\.(?:update|setdefault|__setitem__)\s*\()"
)
_DEL = re.compile(r"[;:\n][ \t]*del\b")  # searched in "\n" + source: a `del` statement starts a line
_NONLOCAL_ERROR = re.compile(r"no binding for nonlocal '(\w+)' found")


def _text(source: str | bytes) -> str:
    if isinstance(source, bytes):
        import io
        import tokenize

        encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
        return source.decode(encoding)
    return source


def _qual(path: tuple[str, ...]) -> str:
    return ".".join(path)


def undefined_names(source: str | bytes) -> set[Key]:
    """Every (scope qualname, name) read in `source` where no binding reaches it.

    Raises SyntaxError when `source` does not compile (parse error, or a ``nonlocal`` without a
    binding)."""
    text = _text(source)
    top = _symtable.symtable(text, "<namecheck>", "exec")
    # substring tests first: the regular expressions alone would cost more than the symbol table
    dynamic = bool(
        ("*" in text and _STAR_IMPORT.search(text))
        or (("globals()" in text or "locals()" in text or "vars()" in text) and _NAMESPACE_WRITE.search(text))
    )
    module_bound = {name for name, flags in top.symbols.items() if flags & _BINDS}
    tables: list[tuple[Any, tuple[str, ...]]] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(top, ())]
    while stack:  # every table with its path of names
        table, path = stack.pop()
        tables.append((table, path))
        for child in table.children:
            stack.append((child, (*path, child.name)))
        if table.type == _symtable.TYPE_FUNCTION:
            for name, flags in table.symbols.items():
                # `global x` then `x = ...` in a function binds a module name
                if (flags >> _OFF) & _SCOPE == _symtable.GLOBAL_EXPLICIT and flags & _BINDS:
                    module_bound.add(name)
    if any(
        "exec" in t.symbols and (t.symbols["exec"] >> _OFF) & _SCOPE in _GLOBAL and "exec" not in module_bound
        for t, _ in tables
    ):
        dynamic = True
    found: set[Key] = set()
    for table, path in tables:
        is_class = table.type == _symtable.TYPE_CLASS
        for name, flags in table.symbols.items():
            if not flags & _symtable.USE or flags & _BINDS:
                continue
            scope = (flags >> _OFF) & _SCOPE
            if scope not in _GLOBAL:
                continue  # free: an enclosing function binds it (the symbol table checked)
            if name in module_bound or name in BUILTINS or name in MODULE_NAMES:
                continue
            if is_class and name in CLASS_NAMES:
                continue
            if dynamic:
                continue
            found.add((_qual(path), name))
    if "del" in text and _DEL.search("\n" + text):
        walker = _Walker()
        walker.visit(ast.parse(text))
        found |= walker.unbound_dels(dynamic)
    return found


def new_undefined(before: str | bytes | Iterable[Key], after: str | bytes) -> list[tuple[str, int, int]]:
    """Names undefined in `after` that were not undefined in `before`: (name, line, 1-based col),
    first use first. `before` may be source or an `undefined_names` result. When `before` cannot
    be checked (it does not compile) nothing is reported: pre-existing problems never block."""
    if isinstance(before, (str, bytes)):
        try:
            known = undefined_names(before)
        except (SyntaxError, ValueError):
            return []
    else:
        known = set(before)
    _, offenders = check(known, after)
    return offenders


def check(known: set[Key], after: str | bytes) -> tuple[set[Key] | None, list[tuple[str, int, int]]]:
    """(`after`'s undefined names, offenders not in `known`); the first item is None when `after`
    does not compile. A parse error is not reported here (the engine reports it on its own);
    a ``nonlocal`` whose binding disappeared is."""
    text = _text(after)
    try:
        names = undefined_names(text)
    except SyntaxError as exc:
        try:
            ast.parse(text)
        except SyntaxError:
            return None, []
        match = _NONLOCAL_ERROR.search(exc.msg or "")
        name = match.group(1) if match else "?"
        return None, [(name, exc.lineno or 1, exc.offset or 1)]
    new = names - known
    if not new:
        return names, []
    return names, _locate(text, new)


# --- where a name is read (only when something is reported) ------------------------------------

_COMPS = {ast.ListComp: "listcomp", ast.SetComp: "setcomp", ast.DictComp: "dictcomp", ast.GeneratorExp: "genexpr"}


class _Scope:
    __slots__ = ("kind", "bound", "dels", "globals", "nonlocals", "loads")

    def __init__(self, kind: str) -> None:
        self.kind = kind  # module | function | class | comprehension
        self.bound: set[str] = set()
        self.dels: list[ast.Name] = []
        self.globals: set[str] = set()
        self.nonlocals: set[str] = set()
        self.loads: list[ast.Name] = []


class _Walker(ast.NodeVisitor):
    """Scopes named like the symbol table's (``f``, ``C.m``, ``f.listcomp``, ``lambda``), with the
    names each binds (``del`` apart), deletes and reads."""

    def __init__(self) -> None:
        self.scopes: dict[tuple[str, ...], _Scope] = {(): _Scope("module")}
        self.stack: list[tuple[str, ...]] = [()]

    @property
    def here(self) -> _Scope:
        return self.scopes[self.stack[-1]]

    def _push(self, name: str, kind: str) -> None:
        path = (*self.stack[-1], name)
        self.scopes.setdefault(path, _Scope(kind))
        self.stack.append(path)

    def _bind_target(self) -> _Scope:
        """Where a walrus binds: the nearest scope that is not a comprehension."""
        for path in reversed(self.stack):
            if self.scopes[path].kind != "comprehension":
                return self.scopes[path]
        return self.scopes[()]

    def _arguments(self, args: ast.arguments) -> None:
        for default in [*args.defaults, *args.kw_defaults]:
            if default is not None:
                self.visit(default)

    def _params(self, args: ast.arguments) -> None:
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None:
                self.here.bound.add(arg.arg)

    def visit_FunctionDef(self, node) -> None:
        for expr in node.decorator_list:
            self.visit(expr)
        self._arguments(node.args)
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs, node.args.vararg, node.args.kwarg]:
            if arg is not None and arg.annotation is not None:
                self.visit(arg.annotation)
        if node.returns is not None:
            self.visit(node.returns)
        self.here.bound.add(node.name)
        self._push(node.name, "function")
        self._params(node.args)
        for stmt in node.body:
            self.visit(stmt)
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._arguments(node.args)
        self._push("lambda", "function")
        self._params(node.args)
        self.visit(node.body)
        self.stack.pop()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self.visit(expr)
        self.here.bound.add(node.name)
        self._push(node.name, "class")
        for stmt in node.body:
            self.visit(stmt)
        self.stack.pop()

    def _comprehension(self, node, elements: list) -> None:
        generators = node.generators
        self.visit(generators[0].iter)  # evaluated in the enclosing scope
        self._push(_COMPS[type(node)], "comprehension")
        for i, gen in enumerate(generators):
            if i:
                self.visit(gen.iter)
            self.visit(gen.target)
            for cond in gen.ifs:
                self.visit(cond)
        for element in elements:
            self.visit(element)
        self.stack.pop()

    def visit_ListComp(self, node) -> None:
        self._comprehension(node, [node.elt])

    visit_SetComp = visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node: ast.DictComp) -> None:
        self._comprehension(node, [node.key, node.value])

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        self._bind_target().bound.add(node.target.id)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.here.loads.append(node)
        elif isinstance(node.ctx, ast.Del):
            self.here.dels.append(node)
        else:
            self.here.bound.add(node.id)

    def visit_Global(self, node: ast.Global) -> None:
        self.here.globals.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.here.nonlocals.update(node.names)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.here.bound.add(alias.asname or alias.name.split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name != "*":
                self.here.bound.add(alias.asname or alias.name)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.here.bound.add(node.name)
        self.generic_visit(node)

    def visit_MatchAs(self, node) -> None:
        if node.name:
            self.here.bound.add(node.name)
        self.generic_visit(node)

    def visit_MatchStar(self, node) -> None:
        if node.name:
            self.here.bound.add(node.name)

    def visit_MatchMapping(self, node) -> None:
        if node.rest:
            self.here.bound.add(node.rest)
        self.generic_visit(node)

    # -- results -------------------------------------------------------------------------------
    def module_bound(self) -> set[str]:
        bound = set(self.scopes[()].bound)
        for scope in self.scopes.values():
            bound |= scope.globals & scope.bound
        return bound

    def unbound_dels(self, dynamic: bool) -> set[Key]:
        """`del x` where nothing but `del` binds `x` in its scope (a NameError when it runs)."""
        found: set[Key] = set()
        module = self.module_bound()
        for path, scope in self.scopes.items():
            for node in scope.dels:
                name = node.id
                if name in scope.nonlocals:
                    continue
                if name in scope.globals or not path:
                    if name not in module and not dynamic:
                        found.add(("", name))
                elif name not in scope.bound:
                    found.add((_qual(path), name))
        return found


def _mangled(name: str, path: tuple[str, ...]) -> str:
    """The symbol table spells `__x` inside class `C` as `_C__x`."""
    for part in path:
        prefix = "_" + part.lstrip("_") + "__"
        if name.startswith(prefix):
            return name[len(prefix) - 2 :]
    return name


def _locate(text: str, keys: set[Key]) -> list[tuple[str, int, int]]:
    walker = _Walker()
    walker.visit(ast.parse(text))
    found: list[tuple[str, int, int]] = []
    for qual, name in keys:
        best = None
        for path, scope in walker.scopes.items():
            wanted = _mangled(name, path)
            if _qual(path) != qual:
                continue
            for node in [*scope.loads, *scope.dels]:
                if node.id == wanted and (best is None or (node.lineno, node.col_offset) < best):
                    best = (node.lineno, node.col_offset)
        if best is None:  # scopes named differently on this Python (3.12+ inlined comprehensions)
            for scope in walker.scopes.values():
                for node in [*scope.loads, *scope.dels]:
                    if node.id == name and (best is None or (node.lineno, node.col_offset) < best):
                        best = (node.lineno, node.col_offset)
        line, col = best if best is not None else (1, 0)
        found.append((_mangled(name, tuple(qual.split("."))), line, col + 1))
    return sorted(found, key=lambda f: (f[1], f[2], f[0]))
