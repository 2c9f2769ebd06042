"""hub-module: TF1 Hub modules (``hub.Module``) reported with their TF 2.21 replacement.

``hub.Module(handle)`` builds a TF1 Hub module into the current graph; it needs graph mode and
``tf.compat.v1`` sessions, and raises under TF2 behaviour (https://www.tensorflow.org/hub/migration_tf2).
The TF2 way is ``hub.load(handle)``, which also loads TF1 Hub format modules, and calling
``.signatures[signature](**inputs)``, which returns a dict as ``as_dict=True`` did. Whether the two are
equivalent depends on the module's signatures and on how the result feeds the rest of the graph
(``trainable=True`` fine-tuning, ``tags``, graph collections), which smmigrate cannot see from the code,
so every site is reported with the replacement to write and nothing is changed.
"""

from __future__ import annotations

import libcst as cst

from ..codes import codes_of
from ._base import SavedModelCodemod, literal_str
from ._keras import code_of, name_uses
from ._walk import walk

_HUB = "tensorflow_hub."


class HubModule(SavedModelCodemod):
    NAME = "hub-module"
    DESCRIPTION = "Report TF1 Hub modules (hub.Module, module specs) with their TF2 hub.load replacement."
    CODES = codes_of("hub-module")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 60
    TRIGGERS = ("tensorflow_hub",)
    FILE_MARKERS = TRIGGERS

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        codemod = self

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                codemod._check(call)

        walk(node, Finder())

    def _check(self, call: cst.Call) -> None:
        names = self.qualified(call.func)
        if len(names) != 1:
            return
        name = next(iter(names))
        if not name.startswith(_HUB):
            return
        rel = name[len(_HUB) :]
        if rel == "Module":
            handle = code_of(call.args[0].value) if call.args and call.args[0].keyword is None else "handle"
            trainable = any(
                a.keyword is not None and a.keyword.value == "trainable" and code_of(a.value) != "False"
                for a in call.args
            )
            signature = self._signature_of(call)
            self.report(
                call,
                "SM680",
                f"`{code_of(call.func)}(...)` left as is: TF1 Hub modules need graph mode; in TF2 write "
                f"`module = hub.load({handle})` and `outputs = module.signatures[{signature}](**inputs)` "
                "(a dict of outputs, as `as_dict=True` gave)"
                + (
                    ", or `hub.KerasLayer(handle, trainable=True)` to fine-tune it"
                    if trainable
                    else ", or `hub.KerasLayer(handle)` inside a Keras model"
                ),
            )
        elif rel in ("load_module_spec", "create_module_spec", "add_signature", "ModuleSpec"):
            self.report(
                call,
                "SM681",
                f"`{code_of(call.func)}(...)` is TF1 Hub module creation: export a TF2 SavedModel instead "
                "(`tf.saved_model.save(module, export_dir, signatures=...)`), which `hub.load` and "
                "`hub.KerasLayer` read",
            )

    def _signature_of(self, call: cst.Call) -> str:
        """The signature the module is called with (``signature="..."`` on its calls), else "default"."""
        parent = self.parent(call)
        if not (isinstance(parent, cst.Assign) and len(parent.targets) == 1):
            return '"default"'
        target = parent.targets[0].target
        if not isinstance(target, cst.Name):
            return '"default"'
        found = set()
        for use in name_uses(self, target.value, parent).loads:
            use_call = self.parent(use)
            if isinstance(use_call, cst.Call) and use_call.func is use:
                for arg in use_call.args:
                    if arg.keyword is not None and arg.keyword.value == "signature":
                        found.add(literal_str(arg.value))
        return f'"{found.pop()}"' if len(found) == 1 and None not in found else '"default"'


def __getattr__(name: str):
    # `python -m libcst.tool codemod hub_module.HubModuleCommand`
    if name == "HubModuleCommand":
        from ._base import libcst_command

        return libcst_command(HubModule)
    raise AttributeError(name)
