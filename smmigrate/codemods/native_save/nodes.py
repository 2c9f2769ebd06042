"""native-save: small libcst helpers shared by emit.py and replay_emit.py."""

from __future__ import annotations

import json

import libcst as cst

from .._walk import walk
from ..exports.syntax import memoised


def _q(text: str) -> str:
    return json.dumps(text)


class _Replace(cst.CSTTransformer):
    """Swap original nodes (by identity) for new expressions."""

    def __init__(self, mapping: dict) -> None:
        self.mapping = mapping

    def on_leave(self, original_node, updated_node):
        new = self.mapping.get(id(original_node), updated_node)
        return new(updated_node) if callable(new) else new  # a function rebuilds the updated node


class _CallFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Call] = []

    def visit_Call(self, n: cst.Call) -> None:
        self.found.append(n)


def _calls(node) -> list[cst.Call]:
    """Every call in `node`, in walk order (a new list: callers may change it)."""

    def compute() -> tuple[cst.Call, ...]:
        finder = _CallFinder()
        walk(node, finder)
        return tuple(finder.found)

    return list(memoised(_calls, node, compute))
