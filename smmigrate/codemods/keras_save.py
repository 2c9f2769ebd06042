"""keras-save: Keras 2 SavedModel saving, which Keras 3 (TF 2.16+) rejects, becomes `model.export`.

Keras 2 wrote a SavedModel folder for ``model.save(dir)``, ``model.save(path, save_format="tf")``,
``tf.keras.models.save_model(model, dir)`` and ``tf.keras.experimental.export_saved_model``; Keras 3
raises "Invalid filepath extension for saving" and rejects ``save_format``
(https://keras.io/guides/migrating_to_keras_3/, keras#18709). The serving artifact is now
``model.export(dir)`` (a ``serving_default`` signature TF Serving can call), or
``tf.saved_model.save(model, dir, signatures=...)`` when the code named its signatures. When the
same file reloads that folder with ``load_model`` to keep training, the intent was a Keras
checkpoint: both paths get ``.keras`` and the model is saved in the Keras 3 format instead.
"""

from __future__ import annotations

import libcst as cst

from ..codes import codes_of
from ._base import SavedModelCodemod, literal_str
from ._keras import (
    TRAINING_METHODS,
    code_of,
    is_keras_model,
    keras_model_classes,
    keras_rel,
    kwarg,
    module_strings,
    name_uses,
    path_kind,
    tf_rel,
    with_suffix,
)
from ._walk import walk
from .symbols import V2

_SAVE_PARAMS = ("filepath", "overwrite", "include_optimizer", "save_format", "signatures", "options")
_SAVE_FUNCS = {"models.save_model", "saving.save_model"}
_EXPORT_PARAMS = ("model", "saved_model_path", "custom_objects", "as_text", "input_signature", "serving_only")
_LOAD_FUNCS = {"models.load_model", "saving.load_model", "experimental.load_from_saved_model"}
_DROPPED = {"overwrite", "include_optimizer", "serving_only"}  # no meaning for a serving export


class KerasSave(SavedModelCodemod):
    NAME = "keras-save"
    EAGER_OUTPUT = True  # Keras 3 (model.export, TFSMLayer) runs eagerly only
    DESCRIPTION = "Rewrite Keras 2 SavedModel saving (model.save(dir), save_format='tf') into Keras 3 model.export."
    CODES = codes_of("keras-save")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 30  # before keras-load (whose checkpoint loads it renames) and compat-names
    # every change is decided in visit_Module; the pass only applies it (see SavedModelCodemod)
    PLANS_AHEAD = True
    # every site it changes or reports resolves to a Keras name (`tf.keras...`, `keras...`,
    # `save_keras_model`), so "keras" is in the code; FILE_MARKERS alone also match `saver.save(`
    TRIGGERS = ("keras",)
    FILE_MARKERS = (".save(", "save_model(", "export_saved_model(", "save_keras_model(")

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self._strings = module_strings(node)
        self._classes = keras_model_classes(self, node)
        self._new: dict[cst.Call, cst.BaseExpression] = {}
        # path value -> (load call, its path node, the training call) for folders reloaded to train
        self._checkpoints: dict[str, tuple[cst.Call, cst.BaseExpression, cst.CSTNode]] = {}
        codemod = self
        calls: list[cst.Call] = []

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                calls.append(call)

        walk(node, Finder())
        for call in calls:
            if keras_rel(self, call.func) in _LOAD_FUNCS:
                codemod._note_checkpoint_load(call)
        for call in calls:
            self._plan(call)

    # -- which folders are Keras checkpoints --------------------------------------------------
    def _note_checkpoint_load(self, call: cst.Call) -> None:
        if not call.args or call.args[0].keyword is not None or call.args[0].star:
            return
        path = call.args[0].value
        value = literal_str(path) if not isinstance(path, cst.Name) else self._strings.get(path.value)
        assign = self.parent(call)
        if value is None or not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            return
        target = assign.targets[0].target
        if not isinstance(target, cst.Name):
            return
        for use in name_uses(self, target.value, assign).loads:
            attr = self.parent(use)
            if isinstance(attr, cst.Attribute) and attr.value is use and attr.attr.value in TRAINING_METHODS:
                self._checkpoints.setdefault(value, (call, path, attr))
                return

    # -- planning ----------------------------------------------------------------------------
    def _plan(self, call: cst.Call) -> None:
        func = call.func
        if tf_rel(self, func) == "contrib.saved_model.save_keras_model":
            self.report(
                call,
                "SM604",
                "`save_keras_model` wrote into a new timestamped folder under the path and returned it; "
                "left as is: write `export_path = os.path.join(path, str(int(time.time())))` and "
                "`model.export(export_path)` (Keras 3) by hand",
            )
            return
        rel = keras_rel(self, func)
        if rel == "experimental.export_saved_model":
            args = self._bind(call, _EXPORT_PARAMS)
            if args is None or "model" not in args or "saved_model_path" not in args:
                return self._refuse_args(call)
            extra = set(args) - {"model", "saved_model_path", "input_signature", *_DROPPED}
            if extra:
                return self._refuse_args(call, extra)
            self._export(call, args["model"], args["saved_model_path"], args.get("input_signature"))
            self.drop_import_of(func)  # `from tensorflow.keras.experimental import export_saved_model`
            return
        if rel in _SAVE_FUNCS:
            args = self._bind(call, ("model", *_SAVE_PARAMS))
            if args is None or "model" not in args or "filepath" not in args:
                return self._refuse_args(call)
            self._save(call, args["model"], args)
            if call in self._new:
                self.drop_import_of(func)  # `from tensorflow.keras.models import save_model`, once unused
            return
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value == "save"
            and is_keras_model(self, func.value, self._classes)
        ):
            args = self._bind(call, _SAVE_PARAMS)
            if args is None or "filepath" not in args:
                return self._refuse_args(call)
            self._save(call, func.value, args)

    def _bind(self, call: cst.Call, params: tuple[str, ...]) -> dict[str, cst.BaseExpression] | None:
        out: dict[str, cst.BaseExpression] = {}
        for i, arg in enumerate(call.args):
            if arg.star:
                return None
            if arg.keyword is None:
                if i >= len(params):
                    return None
                out[params[i]] = arg.value
            elif arg.keyword.value in params:
                out[arg.keyword.value] = arg.value
            else:
                return None
        return out

    def _refuse_args(self, call: cst.Call, extra=()) -> None:
        what = (
            f"`{'`, `'.join(sorted(extra))}`" if extra else "arguments it cannot match (*args, **kwargs, unknown names)"
        )
        self.report(
            call,
            "SM603",
            f"`{code_of(call.func)}(...)` left as is: called with {what}; Keras 3 writes a SavedModel "
            "with `model.export(export_dir)` or `tf.saved_model.save(model, export_dir, signatures=...)`",
        )

    def _save(self, call: cst.Call, model: cst.BaseExpression, args: dict) -> None:
        path = args["filepath"]
        fmt_node = args.get("save_format")
        fmt = literal_str(fmt_node) if fmt_node is not None else None
        if fmt_node is not None and fmt is None:
            self.report(
                fmt_node,
                "SM602",
                "`save_format` is not a literal, so the format cannot be known; Keras 3 rejects `save_format`: "
                "use `model.export(export_dir)` for a SavedModel or `model.save(path)` with a `.keras` path",
            )
            return
        kind = path_kind(self, path, self._strings)
        if fmt is not None and fmt.lower() in ("h5", "keras"):
            if kind == "file":
                self._new[call] = call.with_changes(
                    args=self._without(call, "save_format", 3 + (model is args.get("model")))
                )
            else:
                self.report(
                    call,
                    "SM602",
                    f"`save_format={fmt!r}` with a path without a `.{fmt.lower()}` suffix: Keras 3 picks the format "
                    f"from the suffix and rejects `save_format`; save to a path ending in `.{fmt.lower()}`",
                )
            return
        if fmt is None and kind == "file":
            return  # already a Keras 3 file format
        if fmt is None and kind is None:
            self.report(
                path,
                "SM601",
                f"`{code_of(call)}` left as is: Keras 2 wrote a SavedModel folder unless the path ended in "
                "`.h5`/`.keras`, and this path is computed; for a serving SavedModel write "
                "`model.export(path)`, for a Keras checkpoint give the path a `.keras` suffix",
            )
            return
        if fmt is not None and fmt_node is not None and fmt.lower() != "tf":
            self.report(fmt_node, "SM602", f"unknown `save_format={fmt!r}`; Keras 3 rejects `save_format`")
            return
        checkpoint = self._checkpoint_of(path)
        if checkpoint is not None:
            self._to_checkpoint(call, model, path, checkpoint)
            return
        if "options" in args and "signatures" not in args:
            return self._refuse_args(call, {"options"})
        self._export(call, model, path, None, args.get("signatures"), args.get("options"))

    def _checkpoint_of(self, path: cst.BaseExpression):
        value = literal_str(path) if not isinstance(path, cst.Name) else self._strings.get(path.value)
        return self._checkpoints.get(value) if value is not None else None

    def _to_checkpoint(self, call: cst.Call, model, path, checkpoint) -> None:
        load_call, load_path, training = checkpoint
        new_path = self._keras_path(path)
        new_load = self._keras_path(load_path)
        if new_path is None or new_load is None:
            self.report(
                call,
                "SM601",
                "left as is: the folder is reloaded to keep training, so it is a Keras checkpoint, but its save or "
                "load path is written in a form a `.keras` suffix cannot be added to; give both paths a `.keras` "
                "suffix by hand (Keras 3 `model.save`/`load_model`)",
                related=training,
            )
            return
        self._new[call] = cst.Call(func=cst.Attribute(value=model, attr=cst.Name("save")), args=[cst.Arg(new_path)])
        self._new[load_call] = load_call.with_changes(
            args=[load_call.args[0].with_changes(value=new_load), *load_call.args[1:]]
        )
        self.report(
            call,
            "SM606",
            "saved as a Keras 3 checkpoint (`.keras`) instead of a SavedModel folder, because it is reloaded "
            "with `load_model` to keep training; subclassed models and custom layers need `get_config` and "
            "`@keras.saving.register_keras_serializable()` (or `custom_objects=`) to reload",
            related=training,
        )

    def _keras_path(self, path: cst.BaseExpression) -> cst.BaseExpression | None:
        if isinstance(path, cst.SimpleString):
            return with_suffix(path, ".keras")
        if isinstance(path, cst.Name):
            return cst.BinaryOperation(path, cst.Add(), cst.SimpleString('".keras"'))
        return None

    def _export(self, call, model, path, input_signature=None, signatures=None, options=None) -> None:
        if signatures is not None:
            args = [cst.Arg(model), cst.Arg(path), kwarg("signatures", signatures)]
            if options is not None:
                args.append(kwarg("options", options))
            self._new[call] = cst.Call(func=self.expr(self.spell((V2, "saved_model.save"))), args=args)
            return
        args = [cst.Arg(path)]
        if input_signature is not None:
            args.append(kwarg("input_signature", input_signature))
        self._new[call] = cst.Call(func=cst.Attribute(value=model, attr=cst.Name("export")), args=args)
        self.report(
            call,
            "SM605",
            "written with Keras 3 `model.export`: its `serving_default` signature names a single output "
            "`output_0` and unnamed inputs `keras_tensor_N` where Keras 2 used layer names; name the `Input` "
            "layers and return a dict from the model if TF Serving clients use those keys",
        )

    def _without(self, call: cst.Call, keyword: str, position: int) -> list[cst.Arg]:
        args = [
            a
            for i, a in enumerate(call.args)
            if not (a.keyword is not None and a.keyword.value == keyword) and not (a.keyword is None and i == position)
        ]
        if args:
            args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return args

    def plans_change(self) -> bool:
        return bool(self._new) or bool(self._maybe_unused) or self._added_tf_import is not None

    def planned_nodes(self) -> list[cst.CSTNode]:
        return [*self._new]

    # -- applying -------------------------------------------------------------------------------
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        return self._new.get(original_node, updated_node)


def __getattr__(name: str):
    # `python -m libcst.tool codemod keras_save.KerasSaveCommand`
    if name == "KerasSaveCommand":
        from ._base import libcst_command

        return libcst_command(KerasSave)
    raise AttributeError(name)
