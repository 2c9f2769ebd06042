"""Positions of a tree's nodes, computed only for the statements a codemod asks about.

libcst's `PositionProvider` generates the code of the whole module to record where every node
starts and ends; most analyses ask for the positions of a few nodes only (the sites of their
diagnostics). `LazyPositions` is the same table, filled one statement at a time: the innermost
statement holding the asked node (descending through function, class, ``with``, loop, ``if`` and
``try`` bodies) is generated alone with libcst's own position-recording code generation, with the
indentation of its blocks, and its lines are shifted to where the statement starts in the module's
text, which `ast` (whose parse of the same text the engine keeps) tells. Every lookup it cannot place
safely (the module itself, its header comments, statements `ast` and libcst count differently, a
line that does not match the text) makes it compute the whole table as libcst does.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence
from typing import Any

import libcst as cst
from libcst._position import CodePosition, CodeRange
from libcst.metadata import PositionProvider
from libcst.metadata.position_provider import PositionProvidingCodegenState

from . import _tfscope

_NEWLINE = re.compile(r"\r\n?|\n")  # libcst's own line breaks (position_provider.NEWLINE_RE)

# compound statements: the ast statements each stands for, and whether its main body is descended into
_COMPOUND: dict[type, tuple[tuple[type, ...], bool]] = {
    cst.FunctionDef: ((ast.FunctionDef, ast.AsyncFunctionDef), True),
    cst.ClassDef: ((ast.ClassDef,), True),
    cst.With: ((ast.With, ast.AsyncWith), True),
    cst.For: ((ast.For, ast.AsyncFor), True),
    cst.While: ((ast.While,), True),
    cst.If: ((ast.If,), True),
    cst.Try: ((ast.Try,), True),
    cst.Match: ((ast.Match,), False),
}
if hasattr(cst, "TryStar") and hasattr(ast, "TryStar"):
    _COMPOUND[cst.TryStar] = ((ast.TryStar,), True)
_AST_COMPOUND = tuple(k for kinds, _ in _COMPOUND.values() for k in kinds)


class LazyPositions:
    """`PositionProvider`'s mapping (node -> CodeRange) for `module`, whose code is `text`."""

    def __init__(self, module: cst.Module, text: str, parents: Callable[[], dict]) -> None:
        self.module = module
        self.text = text
        self._parents = parents  # the tree's child -> parent mapping, on demand
        self._table: dict[cst.CSTNode, Any] = {}  # CodeRange values
        self._done: set[int] = set()  # ids of the statements generated
        self._full = False
        self._lines: list[str] | None = None

    # -- the mapping ----------------------------------------------------------------------------
    def get(self, node: cst.CSTNode, default: CodeRange | None = None) -> CodeRange | None:
        found = self._table.get(node)
        if found is None and not self._full:
            self._fill(node)
            found = self._table.get(node)
        return default if found is None else found

    def __contains__(self, node: object) -> bool:
        return isinstance(node, cst.CSTNode) and self.get(node) is not None

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        found = self.get(node)
        if found is None:
            raise KeyError(node)
        return found

    # -- filling it -----------------------------------------------------------------------------
    def _whole(self) -> None:
        """libcst's own computation, for every node at once."""
        provider = PositionProvider()
        self.module._codegen(
            PositionProvidingCodegenState(
                default_indent=self.module.default_indent,
                default_newline=self.module.default_newline,
                provider=provider,
            )
        )
        self._table = dict(provider._computed)
        self._full = True

    def _fill(self, node: cst.CSTNode) -> None:
        up = self._parents()
        chain = [node]
        while chain[-1] is not self.module:
            parent = up.get(chain[-1])
            if parent is None:
                return  # not a node of this tree: no position, as in libcst's table
            chain.append(parent)
        try:
            placed = self._place(chain)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            placed = None
        if placed is None:
            self._whole()
            return
        stmt, line, indents = placed
        if id(stmt) in self._done:
            return  # generated already, and `node` was not in it (cannot happen for a tree's own node)
        self._done.add(id(stmt))
        if not self._generate(stmt, line, indents):
            self._whole()

    def _place(self, chain: list[cst.CSTNode]) -> tuple[cst.CSTNode, int, list[str]] | None:
        """(innermost statement on `chain` to generate, its line in the text, the indentation of its
        blocks); None when it cannot be told safely."""
        if len(chain) < 2:
            return None  # the module itself
        at = len(chain) - 2  # chain[at] is a child of the module
        body: Sequence[cst.BaseStatement] = self.module.body
        nodes: list[ast.stmt] = _tfscope.parse(self.text).body
        indents: list[str] = []
        while True:
            stmt = chain[at]
            found = _counterpart(stmt, body, nodes)
            if found is None:
                return None
            kinds = _COMPOUND.get(type(stmt))
            block = getattr(stmt, "body", None)
            if (
                at >= 2
                and kinds is not None
                and kinds[1]
                and chain[at - 1] is block
                and isinstance(block, cst.IndentedBlock)
                and any(s is chain[at - 2] for s in block.body)
            ):
                indents.append(self.module.default_indent if block.indent is None else block.indent)
                body, nodes = block.body, found.body  # type: ignore[attr-defined]
                at -= 2
                continue
            return stmt, found.lineno, indents

    def _generate(self, stmt: cst.CSTNode, line: int, indents: list[str]) -> bool:
        provider = PositionProvider()
        state = PositionProvidingCodegenState(
            default_indent=self.module.default_indent,
            default_newline=self.module.default_newline,
            provider=provider,
        )
        state.indent_tokens = list(indents)
        # start at the statement's own first line (each blank or comment line before it is one line),
        # so that the positions recorded need no shifting
        first = 1 if getattr(stmt, "decorators", ()) else line - len(getattr(stmt, "leading_lines", ()))
        state.line = first
        stmt._codegen(state)
        table: Any = provider._computed
        start = table[stmt].start
        if self._lines is None:
            self._lines = _NEWLINE.split(self.text)
        generated = _NEWLINE.split("".join(state.tokens))
        if start.column != len("".join(indents)) or not (
            0 < line <= len(self._lines)
            and 0 <= start.line - first < len(generated)
            and generated[start.line - first] == self._lines[line - 1]
        ):
            return False  # not where the text has it: let libcst compute everything
        shift = line - start.line
        if shift == 0:
            self._table.update(table)
        else:
            for node, where in table.items():
                self._table[node] = CodeRange(
                    CodePosition(where.start.line + shift, where.start.column),
                    CodePosition(where.end.line + shift, where.end.column),
                )
        return True


def _counterpart(stmt: cst.CSTNode, body, nodes: list[ast.stmt]) -> ast.stmt | None:
    """The ast statement `stmt` of `body` starts with (a line of ``a; b`` is two of them)."""
    index = 0
    found = None
    for s in body:
        if s is stmt:
            found = index
        index += (len(s.body) or 1) if isinstance(s, cst.SimpleStatementLine) else 1
    if found is None or index != len(nodes):
        return None
    node = nodes[found]
    if isinstance(stmt, cst.SimpleStatementLine):
        return None if isinstance(node, _AST_COMPOUND) else node
    kinds = _COMPOUND.get(type(stmt))
    return node if kinds is not None and isinstance(node, kinds[0]) else None
