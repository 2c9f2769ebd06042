"""compat-names: spell every TF1 SavedModel symbol the way TensorFlow 2.21 spells it.

Constants (`tag_constants.SERVING`, `signature_constants.*`, `constants.*`) become their TF2 names
(`tf.saved_model.SERVING`, ...); deprecated module paths (`saved_model.builder.SavedModelBuilder`,
`saved_model.loader.load`, `simple_save`, `utils.build_tensor_info`, `signature_def_utils.*`,
`main_op.*`) and the TF1 `tf.saved_model.load(sess, tags, export_dir)` become their
`tf.compat.v1.saved_model.*` spellings, so the code runs on TF 2.x where no native rewrite applies.
Imports from the private `tensorflow.python.saved_model` package are replaced by public spellings
and dropped once unused. This is what `tf_upgrade_v2` does for these APIs, but by import
resolution (aliases, `from` imports, `tf1 = tf.compat.v1`) rather than by matching text.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import QualifiedNameSource, ScopeProvider

from ..codes import codes_of
from . import symbols
from ._base import SavedModelCodemod, SharedMetadata, base_name, dotted_name, dotted_parts, looks_like_tf1_load
from ._walk import walk

# export and load calls: when their base is no TensorFlow import, they are reported, never silent
_ENTRY_POINTS = frozenset(
    {
        "saved_model.builder.SavedModelBuilder",
        "saved_model.Builder",
        "saved_model.simple_save",
        "saved_model.loader.load",
        "contrib.predictor.from_saved_model",  # migrated by contrib-predictor when it resolves
    }
)


class CompatNames(SavedModelCodemod):
    NAME = "compat-names"
    DESCRIPTION = (
        "Rename TF1 SavedModel symbols to their TF 2.21 spellings (tf.saved_model.* / tf.compat.v1.saved_model.*)."
    )
    CODES = codes_of("compat-names")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 90  # after the native rewrites: it renames whatever they left in place

    def transform_module(
        self, module: cst.Module, *, fresh: bool = False, shared: SharedMetadata | None = None
    ) -> cst.Module:
        # Most modules have nothing to rename: decide that with a read-only walk making the same
        # calls on the same nodes as the rewriting pass (which rebuilds the whole tree) would, and
        # make that pass only when something changes.
        shared = shared or SharedMetadata()
        wrapper, self._lazy = shared.get(module, fresh)
        self._wrapper, self.shared = wrapper, shared
        dry = _DryRun(self)
        walk(wrapper.module, dry)
        if not dry.changed and self._added_tf_import is None and not self._maybe_unused:
            return module  # the diagnostics the walk reported are the pass's
        # The pass makes the same calls again: its diagnostics, imports to drop and import to add are
        # those the walk found (reports are kept once). It enters only the nodes that change and
        # their ancestors: a node none of whose descendants change is left as the walk saw it.
        self.only_around(dry.changed_nodes)
        return super().transform_module(module, fresh=fresh, shared=shared)

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self._attr_names: set[int] = set()  # ids of Names that are the `.attr` of an Attribute
        self._chain_inner: set[int] = set()  # ids of nodes that are the `.value` of an Attribute
        # last components of everything we rename: a cheap filter before any name resolution
        self._leaves = {key.rsplit(".", 1)[-1] for key in symbols.SYMBOLS} | {"load", "from_saved_model"}

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._attr_names.add(id(node.attr))
        self._chain_inner.add(id(node.value))

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self._rename(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        if id(original_node) in self._attr_names or original_node.value not in self._leaves:
            return updated_node
        if not self._imported(original_node):
            return updated_node
        return self._rename(original_node, updated_node)

    def _imported(self, node: cst.Name) -> bool:
        # a bare name is renamed only when it was imported (`from ... import SERVING`), never
        # when it is a local variable that merely holds a TF value
        names = self._qualified_names(node)
        return bool(names) and all(qn.source == QualifiedNameSource.IMPORT for qn in names)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        # TF1's tf.saved_model.load(sess, tags, export_dir) is tf.compat.v1.saved_model.load in TF2.
        func = original_node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "load"):
            return updated_node
        resolved = self.tf_symbol(func)
        if resolved is None or resolved.rel != symbols.TF1_LOAD or not looks_like_tf1_load(original_node):
            return updated_node
        if resolved.already(symbols.TF1_LOAD_TARGET):
            return updated_node
        new = self.spell(symbols.TF1_LOAD_TARGET, resolved)
        if new == cst.Module([]).code_for_node(updated_node.func):
            return updated_node
        if resolved.base is None:
            self.drop_import_of(original_node.func)
        return updated_node.with_changes(func=self.expr(new))

    def _rename(self, original: cst.Attribute | cst.Name, updated: cst.Attribute | cst.Name) -> cst.BaseExpression:
        leaf = original.attr.value if isinstance(original, cst.Attribute) else original.value
        if leaf not in self._leaves:
            return updated
        resolved = self.tf_symbol(original)
        target = symbols.SYMBOLS.get(resolved.rel) if resolved else None
        if resolved is None or target is None:
            self._maybe_report_unresolved(original)
            return updated
        if resolved.already(target):
            return updated
        new = self.spell(target, resolved)
        if new == cst.Module([]).code_for_node(updated):
            return updated
        if resolved.base is None:
            self.drop_import_of(original)
        return self.expr(new)

    def _maybe_report_unresolved(self, node: cst.Attribute | cst.Name) -> None:
        parts = dotted_parts(node)
        if not parts or id(node) in self._chain_inner:
            return  # report once, on the outermost name of the chain
        if len(parts) >= 3 and parts[1] == "saved_model" and ".".join(parts[1:]) in symbols.SYMBOLS:
            reason: str | None = self.unresolved_tf_base(node)
            if reason is None and ".".join(parts[1:]) in _ENTRY_POINTS:
                reason = self._not_tensorflow(node, parts, 1)
        else:  # `tf.contrib.predictor.from_saved_model`, `self.tf.saved_model.simple_save`, TF1 `load`
            at = next((i for i in range(1, len(parts)) if ".".join(parts[i:]) in _ENTRY_POINTS), None)
            if at is None and parts[-2:] == ["saved_model", "load"] and len(parts) > 2:
                call = self.parent(node)
                if isinstance(call, cst.Call) and call.func is node and looks_like_tf1_load(call):
                    at = len(parts) - 2
            if at is None:
                return
            reason = self._not_tensorflow(node, parts, at)
        if reason is None:
            return
        code = ".".join(parts)
        if parts[1] in ("saved_model", "contrib"):
            base = parts[0]
            how = f"bind `{base}` with `import tensorflow as {base}` (or `import tensorflow.compat.v1 as {base}`)"
        else:  # an attribute chain: `self.tf.saved_model...`
            at = parts.index("contrib" if "contrib" in parts else "saved_model")
            how = f"call it as `tf.{'.'.join(parts[at:])}` with `import tensorflow as tf`"
        self.report(
            node,
            "SM101",
            f"{reason}, so `{code}` cannot be proven to be TensorFlow and was left as is; if it is TensorFlow, "
            f"{how} in this module and rerun",
        )

    def _not_tensorflow(self, node: cst.Attribute | cst.Name, parts: list[str], at: int) -> str | None:
        """Why the base of a SavedModel export/load call (`parts[:at]`) is not TensorFlow by import, or None
        when one of its bindings is (other code then decides)."""
        head = base_name(node)
        if head is None:
            return None
        names = self._qualified_names(head)
        if any(qn.source == QualifiedNameSource.IMPORT and qn.name.startswith("tensorflow") for qn in names):
            return None
        module_level = any(qn.name == head.value for qn in names)
        if module_level and (head.value in self.bindings.aliases or head.value in self.bindings.roots):
            return None
        if at > 1:
            return f"`{'.'.join(parts[:at])}` is an attribute, not a name bound by an import of TensorFlow"
        scope = self.get_metadata(ScopeProvider, head, None)
        bindings = sorted(scope[head.value], key=lambda a: self.position(a.node)) if scope is not None else []
        name = head.value
        if not bindings:
            return f"`{name}` is not bound in this module (no import of TensorFlow names it)"
        binding = bindings[0].node
        if isinstance(binding, cst.ImportFrom):
            dots = "." * len(binding.relative)
            module = dots + (dotted_name(binding.module) or "" if binding.module is not None else "")
            if binding.relative:
                return f"`{name}` is imported from `{module}`, a relative import smmigrate does not follow"
            return f"`{name}` is imported from `{module}`, which is not TensorFlow"
        if isinstance(binding, cst.Import):
            return f"`{name}` is imported from a module that is not TensorFlow"
        if isinstance(binding, cst.Param):
            return f"`{name}` is a parameter, not a name bound by an import of TensorFlow"
        statement = binding
        while statement is not None and not isinstance(statement, cst.BaseSmallStatement):
            statement = self.parent(statement)
        if isinstance(statement, cst.Assign):
            return f"`{name}` is bound by `{cst.Module([]).code_for_node(statement)}`"
        return f"`{name}` is not bound by an import of TensorFlow"


class _DryRun(cst.CSTVisitor):
    """CompatNames's hooks on the original tree, read-only: `changed` when one would change a node."""

    def __init__(self, codemod: CompatNames) -> None:
        super().__init__()
        self.codemod = codemod
        self.changed_nodes: list[cst.CSTNode] = []

    @property
    def changed(self) -> bool:
        return bool(self.changed_nodes)

    def _left(self, node: cst.CSTNode, result: object) -> None:
        if result is not node:
            self.changed_nodes.append(node)

    def visit_Module(self, node: cst.Module) -> None:
        self.codemod.visit_Module(node)

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.codemod.visit_Attribute(node)

    def leave_Attribute(self, node: cst.Attribute) -> None:
        self._left(node, self.codemod.leave_Attribute(node, node))

    def leave_Name(self, node: cst.Name) -> None:
        self._left(node, self.codemod.leave_Name(node, node))

    def leave_Call(self, node: cst.Call) -> None:
        self._left(node, self.codemod.leave_Call(node, node))


def __getattr__(name: str):
    # `python -m libcst.tool codemod compat_names.CompatNamesCommand` (see .libcst.codemod.yaml)
    if name == "CompatNamesCommand":
        from ._base import libcst_command

        return libcst_command(CompatNames)
    raise AttributeError(name)
