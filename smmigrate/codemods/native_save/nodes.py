"""native-save: small libcst helpers shared by emit.py and replay_emit.py."""

from __future__ import annotations

import json

import libcst as cst

from .._walk import walk


def _q(text: str) -> str:
    return json.dumps(text)


class _Replace(cst.CSTTransformer):
    """Swap original nodes (by identity) for new expressions."""

    def __init__(self, mapping: dict) -> None:
        self.mapping = mapping

    def on_leave(self, original_node, updated_node):
        new = self.mapping.get(id(original_node), updated_node)
        return new(updated_node) if callable(new) else new  # a function rebuilds the updated node


def _calls(node) -> list[cst.Call]:
    found: list[cst.Call] = []

    class V(cst.CSTVisitor):
        def visit_Call(self, n: cst.Call) -> None:
            found.append(n)

    walk(node, V())
    return found
