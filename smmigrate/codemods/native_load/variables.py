"""The TF1 variables a module creates, by full name: what `sess.run("dense/kernel:0")` reads.

A TF1 SavedModel keeps its variables as reference variables (`VariableV2`). Loaded in TF2,
`loaded.variables` is empty for them and `loaded.prune([], "dense/kernel:0")` fails ("has a
reference type float_ref"), but each such variable has an identity `<name>/read` that prunes
fine (checked on TF 2.21). So a read of a variable is pruned at `<name>/read:0`, and only when
the module's own TF1 code creates a variable of that name: `tf.Variable(..., name="w")` or
`tf.get_variable("kernel")` under literal `variable_scope`/`name_scope` blocks, without
`use_resource=` and without `enable_resource_variables()` anywhere.
"""

from __future__ import annotations

import libcst as cst

from .._base import literal_str
from .._walk import walk

_CREATORS = {"Variable": "name", "get_variable": "name"}  # rel -> keyword of the name
_SCOPES = {"variable_scope": "name_or_scope", "name_scope": "name"}


def created_variables(codemod, module: cst.Module) -> set[str]:
    """Full names of the TF1 (reference) variables `module` creates where every part is a literal."""
    found: set[str] = set()
    resources = False

    def rel(node: cst.BaseExpression) -> str | None:
        resolved = codemod.tf_symbol(node)
        return resolved.rel if resolved is not None else None

    def name_arg(call: cst.Call, keyword: str, positional: bool) -> str | None:
        for i, arg in enumerate(call.args):
            if arg.keyword is not None and arg.keyword.value == keyword:
                return literal_str(arg.value)
            if positional and i == 0 and arg.keyword is None and not arg.star:
                return literal_str(arg.value)
        return None

    def prefix(node: cst.CSTNode, kind: str) -> str | None:
        parts: list[str] = []
        current = codemod.parent(node)
        # through enclosing functions too: a function's callers could add scopes, but the name must
        # still match the fetched one exactly, which TF1 found as a node of the loaded graph
        while current is not None:
            if isinstance(current, cst.With):
                for item in current.items:
                    call = item.item
                    scope = rel(call.func) if isinstance(call, cst.Call) else None
                    if scope == "variable_scope" or (scope == "name_scope" and kind == "Variable"):
                        assert isinstance(call, cst.Call)
                        name = name_arg(call, _SCOPES[scope], positional=True)
                        if name is None:
                            return None
                        parts.append(name)
            current = codemod.parent(current)
        return "/".join(reversed(parts))

    class Finder(cst.CSTVisitor):
        def visit_Call(self, call: cst.Call) -> None:
            nonlocal resources
            if not codemod.may_name(call.func, frozenset({*_CREATORS, "enable_resource_variables"})):
                return
            kind = rel(call.func)
            if kind == "enable_resource_variables":
                resources = True
            if kind not in _CREATORS or any(a.keyword and a.keyword.value == "use_resource" for a in call.args):
                return
            name = name_arg(call, _CREATORS[kind], positional=kind == "get_variable")
            scope = prefix(call, kind) if name else None
            if name and scope is not None:
                found.add(f"{scope}/{name}" if scope else name)

    walk(module, Finder())
    return set() if resources else found


def read_name(name: str, variables: set[str]) -> str:
    """`dense/kernel:0` -> `dense/kernel/read:0` for a variable of `variables`; others unchanged."""
    base, _, index = name.rpartition(":")
    return f"{base}/read:0" if index == "0" and base in variables else name
