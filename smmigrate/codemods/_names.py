"""A cheap index of every place a module binds each name, to skip scope analysis when it is moot.

libcst's scope analysis (what `QualifiedNameProvider` is built on) costs most of a rewrite's time.
When an identifier is bound exactly once in the whole module, and that binding is an import, every
use of the identifier refers to that import — no scope analysis can say otherwise. `NameIndex`
finds those identifiers in one light pass; the codemod base class falls back to libcst's scope
analysis (computed lazily, once per file) for every other name.
"""

from __future__ import annotations

import keyword
import re

import libcst as cst


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
    """name -> list of bindings; an import binding is its qualified path, anything else None."""

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
        if isinstance(target, cst.Name):
            self._bind(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind_target(element.value)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value)

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
