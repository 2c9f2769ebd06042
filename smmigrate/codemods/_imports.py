"""Import upkeep after a rewrite: drop imports that became unused, add `import tensorflow as tf`.

Deliberately conservative and scope-blind: an imported name counts as used if the same
identifier appears anywhere in the module outside import statements, so we never delete an
import that something still needs. (libcst's own visitors do this with full scope analysis, but
they live in `libcst.codemod`, whose import alone costs more than our start-up budget.)
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from ._walk import walk


# Not `_names.mentions`: keyword names and identifier-like strings count here too, so that no import
# that might be needed is dropped.
class _UsedNames(cst.CSTVisitor):
    def __init__(self, skip: set[int] | None = None) -> None:
        self.names: set[str] = set()
        self.skip = skip or set()  # id of `alias = a.b` lines: their target is no use of `alias`

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        if id(node) not in self.skip:
            return True
        walk(node.body[0].value, self)  # type: ignore[attr-defined]  # `_module_alias` checked the shape
        return False

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        walk(node.value, self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        # `__all__ = ["name"]` and string annotations keep an import alive.
        value = node.value.strip("\"'rRbBuU")
        if value.isidentifier():
            self.names.add(value)


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    name: cst.BaseExpression = alias.name
    while isinstance(name, cst.Attribute):
        name = name.value
    assert isinstance(name, cst.Name)  # a dotted import path starts with a name
    return name.value


class _RemoveAliases(cst.CSTTransformer):
    def __init__(self, drop: set[str], tidy: bool = True) -> None:
        self.drop = drop
        self.tidy = tidy
        self.first: cst.CSTNode | None = None
        self.first_removed = False

    def _filter(self, node: cst.Import | cst.ImportFrom):
        if isinstance(node.names, cst.ImportStar):
            return node
        keep = [a for a in node.names if _bound_name(a) not in self.drop]
        if len(keep) == len(node.names):
            return node
        if not keep:
            return cst.RemoveFromParent()
        last = keep[-1]
        keep[-1] = last.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        changes: dict[str, Any] = {"names": keep}
        if isinstance(node, cst.ImportFrom) and node.lpar is not None and len(keep) == 1:
            changes.update(lpar=None, rpar=None)
        return node.with_changes(**changes)

    def leave_Import(self, original_node, updated_node):
        return self._filter(updated_node)

    def leave_ImportFrom(self, original_node, updated_node):
        return self._filter(updated_node)

    def visit_Module(self, node) -> bool:
        self.first = node.body[0] if node.body else None
        return True

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if not updated_node.body:
            self.first_removed = self.first_removed or original_node is self.first
            return cst.RemoveFromParent()
        return updated_node

    def leave_Module(self, original_node, updated_node):
        # the module's first statement went: the blank lines that separated it from the next one go too
        if self.tidy and self.first_removed and updated_node.body:
            first = updated_node.body[0]
            lines = list(first.leading_lines)
            while lines and lines[0].comment is None:
                lines.pop(0)
            return updated_node.with_changes(body=[first.with_changes(leading_lines=lines), *updated_node.body[1:]])
        return updated_node

    # Only module-level imports are candidates: removing one from a `try:`/`if` body or a
    # function could leave an empty block or change behaviour.
    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
        return False


def remove_unused_imports(module: cst.Module, candidates: set[str], tidy: bool = True) -> cst.Module:
    """Remove import aliases binding any of `candidates` that the module no longer uses, and
    module-level module aliases (`sig_utils = tf.saved_model.signature_def_utils`) among them that
    nothing reads any more. With `tidy`, a removed first statement takes its blank lines along
    (not when an import is added in its place next)."""
    aliases = {
        id(stmt): name for stmt in module.body if (name := _module_alias(stmt)) is not None and name in candidates
    }
    used = _UsedNames(skip=set(aliases))
    walk(module, used)
    drop = {name for name in candidates if name not in used.names}
    if not drop:
        return module
    if aliases:
        bound = list(aliases.values())
        drop_stmts = {i for i, n in aliases.items() if n in drop and bound.count(n) == 1}
        module = module.with_changes(body=[s for s in module.body if id(s) not in drop_stmts])
    return module.visit(_RemoveAliases(drop, tidy))


def _module_alias(stmt: cst.CSTNode) -> str | None:
    """`name` of a `name = a.b.c` line (a dotted path only: an alias of a module or object)."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
        return None
    small = stmt.body[0]
    if not (
        isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
        and isinstance(small.value, cst.Attribute)
    ):
        return None
    value: cst.BaseExpression = small.value
    while isinstance(value, cst.Attribute):
        value = value.value
    return small.targets[0].target.value if isinstance(value, cst.Name) else None


def _is_import(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body
    )


def is_docstring(stmt: cst.CSTNode) -> bool:
    return (
        isinstance(stmt, cst.SimpleStatementLine)
        and len(stmt.body) == 1
        and isinstance(stmt.body[0], cst.Expr)
        and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def add_import(module: cst.Module, dotted: str, asname: str) -> cst.Module:
    """Add ``import <dotted> as <asname>`` (or plain ``import <dotted>``) after the leading imports."""
    text = f"import {dotted}" if asname == dotted.split(".")[0] == dotted else f"import {dotted} as {asname}"
    new_stmt = cst.parse_statement(text + module.default_newline, config=module.config_for_parsing)
    body = list(module.body)
    insert_at = 0
    for i, stmt in enumerate(body):
        if (i == 0 and is_docstring(stmt)) or _is_import(stmt):
            insert_at = i + 1
            continue
        break
    if insert_at == 0 and body:
        # keep the module's leading comments (licence, shebang) above the new import; the blank
        # lines after them stay with the first statement (two before a `def` stay two)
        first = body[0]
        lines = list(first.leading_lines)
        comments = [i for i, line in enumerate(lines) if line.comment is not None]
        split = comments[-1] + 1 if comments else 0
        new_stmt = new_stmt.with_changes(leading_lines=lines[:split])
        body[0] = first.with_changes(leading_lines=lines[split:])
    body.insert(insert_at, new_stmt)
    return module.with_changes(body=body)
