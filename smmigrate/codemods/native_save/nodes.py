"""native-save: small libcst helpers shared by emit.py and replay_emit.py."""

from __future__ import annotations

import json

import libcst as cst

from .._names import calls


def _q(text: str) -> str:
    return json.dumps(text)


class _Replace(cst.CSTTransformer):
    """Swap original nodes (by identity) for new expressions."""

    def __init__(self, mapping: dict) -> None:
        self.mapping = mapping

    def on_leave(self, original_node, updated_node):
        new = self.mapping.get(id(original_node), updated_node)
        return new(updated_node) if callable(new) else new  # a function rebuilds the updated node


# every call in a node, in walk order: from the node's one scan (`_names.scan`), with its names and TF refs
_calls = calls
