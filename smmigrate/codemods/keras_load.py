"""keras-load: ``tf.keras.models.load_model(dir)`` of a SavedModel folder, which Keras 3 refuses, becomes a TFSMLayer.

Keras 3 (TF 2.16+) loads only ``.keras`` and ``.h5`` files; for a SavedModel folder it raises and
points to ``keras.layers.TFSMLayer(dir, call_endpoint="serving_default")``
(https://keras.io/api/layers/backend_specific_layers/tfsm_layer/, keras#18709). The layer calls the
folder's serving signature and returns its outputs as a dict keyed by output name, where Keras 2's
``model.predict(x)`` returned one NumPy array for a one-output model. This codemod rewrites the
load when the result is only predicted with or called, and turns each result back into what Keras
2 returned: the only output when there is one, else the dict (NumPy arrays for ``predict``).
Its ``trainable`` flag works as before, so a loaded model used as a frozen or fine-tuned
block of a new model (``features = base(inputs)``) is rewritten too. A model reloaded to keep
training (``fit``, ``compile``, ...) is a Keras checkpoint, not a serving
artifact: that is reported (keras-save gives both paths ``.keras`` when it sees the save).
"""

from __future__ import annotations

import libcst as cst

from ..codes import codes_of
from ._base import Refused, SavedModelCodemod
from ._keras import (
    TRAINING_METHODS,
    code_of,
    keras_rel,
    keras_spelling,
    module_strings,
    name_uses,
    own_assignment,
    path_kind,
)
from ._walk import walk

_LOAD_PARAMS = {
    "models.load_model": ("filepath", "custom_objects", "compile", "options", "safe_mode"),
    "saving.load_model": ("filepath", "custom_objects", "compile", "options", "safe_mode"),
    "experimental.load_from_saved_model": ("filepath", "custom_objects"),
}
_PREDICT_DROPPED = {"batch_size", "verbose", "steps"}


class KerasLoad(SavedModelCodemod):
    NAME = "keras-load"
    EAGER_OUTPUT = True  # Keras 3 (model.export, TFSMLayer) runs eagerly only
    DESCRIPTION = "Rewrite Keras 2 load_model(SavedModel folder) + predict into Keras 3 TFSMLayer calls."
    CODES = codes_of("keras-load")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 35  # after keras-save, which turns reloaded checkpoints into .keras paths
    # every change is decided in visit_Module; the pass only applies it (see SavedModelCodemod)
    PLANS_AHEAD = True
    TRIGGERS = ("load_model", "load_from_saved_model")
    FILE_MARKERS = TRIGGERS

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self._strings = module_strings(node)
        self._calls: dict[cst.Call, cst.BaseExpression] = {}
        self._stmts: dict[cst.SimpleStatementLine, list[str]] = {}
        calls: list[cst.Call] = []

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                calls.append(call)

        walk(node, Finder())
        for call in calls:
            rel = keras_rel(self, call.func)
            if rel in _LOAD_PARAMS:
                try:
                    self._plan(call, _LOAD_PARAMS[rel])
                except Refused as refused:
                    self.report(
                        refused.node, refused.code, f"`{code_of(call.func)}(...)` left as is: {refused.message}"
                    )

    def _plan(self, call: cst.Call, params: tuple[str, ...]) -> None:
        args: dict[str, cst.BaseExpression] = {}
        for i, arg in enumerate(call.args):
            if arg.star or (arg.keyword is None and i >= len(params)):
                raise Refused(call, "SM621", "called with *args/**kwargs or extra arguments; see the arguments by hand")
            name = params[i] if arg.keyword is None else arg.keyword.value
            args[name] = arg.value
        path = args.get("filepath")
        if path is None:
            return
        kind = path_kind(self, path, self._strings)
        if kind == "file":
            return  # .keras / .h5: Keras 3 loads those itself
        if kind is None:
            raise Refused(
                path,
                "SM621",
                "Keras 3 loads only `.keras`/`.h5` files and this path is computed; for a SavedModel folder use "
                '`keras.layers.TFSMLayer(path, call_endpoint="serving_default")`, '
                "for a Keras model save it as `.keras`",
            )
        if "options" in args:
            raise Refused(args["options"], "SM621", "`options=` has no TFSMLayer equivalent; drop it and rerun")
        found = own_assignment(self, call)
        if found is None:
            raise Refused(
                call,
                "SM622",
                "assign the loaded folder to a name in its own statement, "
                '`layer = keras.layers.TFSMLayer(path, call_endpoint="serving_default")`, and call `layer(x)`',
            )
        assign, target_name, stmt = found
        name = target_name.value
        uses = name_uses(self, name, assign)
        if len(uses.assigns) != 1 or uses.other_binding or uses.nested:
            raise Refused(
                call,
                "SM624",
                f"`{name}` is rebound or used in a nested function; "
                '`keras.layers.TFSMLayer(path, call_endpoint="serving_default")` returns a dict of outputs',
            )
        plans = [self._use(use, name) for use in uses.loads]
        layer = keras_spelling(self, call.func, "layers.TFSMLayer")
        self._calls[call] = cst.parse_expression(f'{layer}({code_of(path)}, call_endpoint="serving_default")')
        self.drop_import_of(call.func)  # `from tensorflow.keras.models import load_model`, once unused
        for plan in plans:
            if plan is not None:
                self._stmts[plan[0]] = plan[1]
        self.report(
            call,
            "SM626",
            "loaded with `TFSMLayer`, which calls the `serving_default` signature: results are the only output, "
            "or a dict by output name where Keras 2 returned a list for several outputs",
        )

    def _use(self, use: cst.Name, name: str) -> tuple[cst.SimpleStatementLine, list[str]] | None:
        parent = self.parent(use)
        call: cst.CSTNode | None = None
        numpy = False
        if isinstance(parent, cst.Attribute) and parent.value is use:
            method = parent.attr.value
            grand = self.parent(parent)
            if method == "trainable":
                return None  # a layer's own flag: freezing or fine-tuning the loaded model works alike
            if method in TRAINING_METHODS:
                raise Refused(
                    use,
                    "SM623",
                    f"`{name}.{method}` keeps training the loaded model, so the folder is a Keras checkpoint: "
                    "save it with `model.save(path + '.keras')` and load that file with `load_model`",
                )
            if method != "predict" or not isinstance(grand, cst.Call) or grand.func is not parent:
                raise Refused(
                    use,
                    "SM624",
                    f"`{name}.{method}` is not available on "
                    '`keras.layers.TFSMLayer(path, call_endpoint="serving_default")`, which only calls the signature',
                )
            call, numpy = grand, True
        elif isinstance(parent, cst.Call) and parent.func is use:
            call = parent
        else:
            raise Refused(
                use,
                "SM624",
                f"`{name}` is passed on or stored; Keras 3 loads the folder as "
                '`keras.layers.TFSMLayer(path, call_endpoint="serving_default")`, whose call returns a dict of outputs',
            )
        assert isinstance(call, cst.Call)
        positional = [a for a in call.args if a.keyword is None]
        extra = [a for a in call.args if a.keyword is not None and a.keyword.value not in _PREDICT_DROPPED]
        if len(positional) != 1 or positional[0].star or extra or (not numpy and len(call.args) != 1):
            raise Refused(call, "SM624", "call it with one input and no other arguments, then rerun")
        x = positional[0].value
        if isinstance(x, (cst.Dict, cst.List, cst.Tuple)):
            raise Refused(
                x,
                "SM625",
                "a model with several inputs: call its signature with keyword inputs, "
                '`tf.saved_model.load(path).signatures["serving_default"](**inputs)`',
            )
        found = own_assignment(self, call)
        if found is None:
            raise Refused(
                call,
                "SM624",
                "assign the prediction to a name in its own statement (`y = model.predict(x)`), then rerun",
            )
        assign, target_name, stmt = found
        target = target_name.value
        if target == name:
            raise Refused(call, "SM624", f"the prediction rebinds `{name}`")
        out = f"{name}({code_of(x)})"
        first = f"{target} = {{k: v.numpy() for k, v in {out}.items()}}" if numpy else f"{target} = {out}"
        return stmt, [first, f"{target} = next(iter({target}.values())) if len({target}) == 1 else {target}"]

    def plans_change(self) -> bool:
        return bool(self._calls or self._stmts) or bool(self._maybe_unused) or self._added_tf_import is not None

    def planned_nodes(self) -> list[cst.CSTNode]:
        return [*self._calls, *self._stmts]

    # -- applying -------------------------------------------------------------------------------
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        return self._calls.get(original_node, updated_node)

    def leave_SimpleStatementLine(self, original_node, updated_node):
        lines = self._stmts.get(original_node)
        if lines is None:
            return updated_node
        new = [cst.parse_statement(line + "\n") for line in lines]
        new[0] = new[0].with_changes(leading_lines=updated_node.leading_lines)
        new[-1] = new[-1].with_changes(trailing_whitespace=updated_node.trailing_whitespace)
        return cst.FlattenSentinel(new)


def __getattr__(name: str):
    # `python -m libcst.tool codemod keras_load.KerasLoadCommand`
    if name == "KerasLoadCommand":
        from ._base import libcst_command

        return libcst_command(KerasLoad)
    raise AttributeError(name)
