"""keras-session: the TF 1.x recipe for serving a Keras model becomes a TF2 export of the model.

TF 1.x code served a Keras 2 model by exporting the Keras backend's session:

    tf.keras.backend.set_learning_phase(0)
    ...  # build, compile, fit
    sess = tf.keras.backend.get_session()
    tf.saved_model.simple_save(sess, export_dir, inputs={"x": model.input}, outputs={"y": model.output})

Keras 3 (TF 2.21's `tf.keras`) has no backend session and no global learning phase, so today such a
module stays in graph mode on the Keras 2 package (compat-mode, SM124). Here the export becomes a
`tf.function` calling the model with ``training=False`` (what learning phase 0 meant for serving),
tracked by a `tf.Module` together with the model and saved with `tf.saved_model.save` under the same
signature key and input/output keys; the session statement and the learning-phase call go. Two Keras
2 habits that Keras 3 rejects or changes are carried over in such a module: an optimizer's ``lr=``
is ``learning_rate=`` (Keras 3 raises on ``lr``), and `predict` gets ``verbose=0``, the default of
TF 1.x's graph-mode Keras (Keras 3 prints a progress bar).

Done only when the whole pattern is understood: the session is used only by `simple_save` exports
of models (``model.input``/``model.inputs[i]`` in input order, ``model.output``/``model.outputs[i]``),
input keys are identifiers, and ``set_learning_phase(0)`` comes before any layer is built and every
layer the module builds behaves the same in training and inference (a `Dropout` or `BatchNormalization`
trained under learning phase 0 trained in inference mode, which Keras 3's `fit` does not do).
Anything else stays as it is, with SM700 naming the reason.
"""

from __future__ import annotations

import keyword

import libcst as cst

from ..codes import codes_of
from ._base import Refused, SavedModelCodemod
from ._keras import code_of, is_keras_model, keras_model_classes, keras_rel, kwarg, name_uses, scope_of, tf_rel
from ._names import FreshNames
from ._walk import walk
from .exports.syntax import identifiers
from .symbols import V2

_SESSION = "backend.get_session"
_PHASE = "backend.set_learning_phase"
_SIMPLE_SAVE = "saved_model.simple_save"
_SAVE_PARAMS = ("session", "export_dir", "inputs", "outputs", "legacy_init_op")
# layers whose computation does not depend on the training flag (learning phase 0 changes nothing)
_SAME_IN_TRAINING = frozenset(
    {
        "Dense",
        "Activation",
        "Flatten",
        "Reshape",
        "Permute",
        "RepeatVector",
        "Lambda",
        "Embedding",
        "InputLayer",
        "Input",
        "Conv1D",
        "Conv2D",
        "Conv3D",
        "Conv2DTranspose",
        "SeparableConv2D",
        "DepthwiseConv2D",
        "MaxPooling1D",
        "MaxPooling2D",
        "MaxPooling3D",
        "AveragePooling1D",
        "AveragePooling2D",
        "AveragePooling3D",
        "GlobalMaxPooling1D",
        "GlobalMaxPooling2D",
        "GlobalAveragePooling1D",
        "GlobalAveragePooling2D",
        "Concatenate",
        "Add",
        "Subtract",
        "Multiply",
        "Average",
        "Maximum",
        "Minimum",
        "Dot",
        "ZeroPadding1D",
        "ZeroPadding2D",
        "Cropping1D",
        "Cropping2D",
        "UpSampling1D",
        "UpSampling2D",
        "LeakyReLU",
        "ReLU",
        "PReLU",
        "ELU",
        "Softmax",
    }
)


class KerasSession(SavedModelCodemod):
    NAME = "keras-session"
    DESCRIPTION = (
        "Rewrite the TF 1.x Keras serving recipe (set_learning_phase(0), get_session(), simple_save of "
        "model.input/model.output) into a tf.Module + tf.function export of the Keras 3 model."
    )
    CODES = codes_of("keras-session")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 12  # before the session bridge and native-save, which would take the export otherwise
    # every change is decided in visit_Module; the pass only applies it (see SavedModelCodemod)
    PLANS_AHEAD = True
    TRIGGERS = ("get_session", "set_learning_phase", "lr=", "decay=")
    FILE_MARKERS = TRIGGERS  # Keras files need not mention saved_model
    EAGER_OUTPUT = True  # Keras 3 and tf.function: eager TF2 only

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        self._tree = node
        self._replace: dict[cst.CSTNode, list[cst.BaseStatement] | None] = {}
        self._calls: dict[cst.Call, str] = {}  # call -> "learning_rate" | "verbose"
        calls: list[cst.Call] = []

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                calls.append(call)

        walk(node, Finder())
        for call in calls:  # Keras 2 optimizer arguments: in every module
            self._optimizer_arguments(call)
        sessions = [c for c in calls if keras_rel(self, c.func) == _SESSION]
        phases = [c for c in calls if keras_rel(self, c.func) == _PHASE]
        if not sessions and not phases:
            return
        classes = keras_model_classes(self, node)
        names = FreshNames(identifiers(node))  # new names avoid every identifier in use
        planned: dict[cst.CSTNode, list[cst.BaseStatement] | None] = {}
        for call in sessions:
            try:
                planned.update(self._plan_session(call, calls, classes, names))
            except Refused as why:
                self.report(why.node, why.code, f"left as TF1 Keras code: {why.message}")
                return  # the module keeps its Keras 2 session: nothing else changes either
        for call in phases:
            try:
                planned[self._statement_of(call)] = None
                self._check_phase(call, calls)
                self.drop_import_of(call.func)
            except Refused as why:
                self.report(why.node, why.code, f"left as TF1 Keras code: {why.message}")
                return
        self._replace = planned
        for call in calls:  # what TF 1.x's graph-mode Keras did by default, in this TF 1.x Keras module
            self._predict_verbose(call, classes)

    # -- the export --------------------------------------------------------------------------
    def _plan_session(self, call: cst.Call, calls, classes, names: FreshNames) -> dict:
        stmt = self._statement_of(call)
        assign = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
        if (
            not isinstance(assign, cst.Assign)
            or assign.value is not call
            or len(assign.targets) != 1
            or not isinstance(assign.targets[0].target, cst.Name)
            or call.args
        ):
            raise Refused(call, "SM700", "`get_session()` is not assigned alone to a name (`sess = K.get_session()`)")
        sess = assign.targets[0].target.value
        uses = name_uses(self, sess, assign)
        if uses.other_binding or uses.nested or len(uses.assigns) != 1:
            raise Refused(call, "SM700", f"`{sess}` is bound more than once or used in a nested function")
        planned: dict[cst.CSTNode, list[cst.BaseStatement] | None] = {stmt: None}
        self.drop_import_of(call.func)  # `from tensorflow.keras import backend as K`, once unused
        for use in uses.loads:
            arg = self.parent(use)
            save = self.parent(arg) if arg is not None else None
            if not (
                isinstance(save, cst.Call)
                and tf_rel(self, save.func) == _SIMPLE_SAVE
                and save.args
                and save.args[0].value is use
            ):
                raise Refused(
                    use,
                    "SM700",
                    f"`{sess}` is used other than as the session of `simple_save` (line "
                    f"{self.position(use)[0]}); Keras 3 has no session",
                )
            save_stmt = self._statement_of(save)
            if not isinstance(save_stmt, cst.SimpleStatementLine) or len(save_stmt.body) != 1:
                raise Refused(save, "SM700", "`simple_save(...)` is not a statement of its own")
            if self.parent(save_stmt) is not self.parent(stmt):
                raise Refused(save, "SM700", "`simple_save(...)` is not in the same block as `get_session()`")
            planned[save_stmt] = self._export(save, save_stmt, classes, names)
        return planned

    def _export(
        self, save: cst.Call, stmt: cst.SimpleStatementLine, classes, names: FreshNames
    ) -> list[cst.BaseStatement]:
        args: dict[str, cst.BaseExpression] = {}
        for i, arg in enumerate(save.args):
            if arg.star or (arg.keyword is None and i >= len(_SAVE_PARAMS)):
                raise Refused(save, "SM700", "`simple_save` is called with `*args`/`**kwargs` or too many arguments")
            args[arg.keyword.value if arg.keyword else _SAVE_PARAMS[i]] = arg.value
        if set(args) - {"session", "export_dir", "inputs", "outputs"}:
            raise Refused(save, "SM700", "`simple_save` has `legacy_init_op=`, which a Keras model has no use for")
        model, inputs = self._tensors(args.get("inputs"), "input", classes, save)
        model_out, outputs = self._tensors(args.get("outputs"), "output", classes, save)
        if model_out != model:
            raise Refused(save, "SM700", "the inputs and outputs come from two different models")
        indexes = [i for _, i in inputs]
        if indexes != [None] and indexes != list(range(len(inputs))):
            raise Refused(save, "SM700", f"the inputs are not `{model}.input` or all of `{model}.inputs[i]` in order")
        if len(outputs) > 1 and any(i is None for _, i in outputs):
            raise Refused(save, "SM700", f"several outputs that are not each `{model}.outputs[i]`")
        for key, _ in inputs:
            if not key.isidentifier() or keyword.iskeyword(key):
                raise Refused(
                    save, "SM700", f"input key {key!r} is not a Python identifier (it names a parameter in TF2)"
                )

        fresh = names.fresh

        tf = lambda path: self.spell((V2, path))  # noqa: E731
        fn, module = fresh("serving_default"), fresh("module")
        # the TensorSpec's name is the signature's input key; the parameter may shadow a module name
        # (the function reads nothing else but the model)
        params = [fresh(key) if key == model.split(".")[0] else key for key, _ in inputs]
        specs = []
        for key, index in inputs:
            # `model.inputs[i]`: Keras 3 gives a Sequential model no `model.input` until it is called
            tensor = f"{model}.inputs[{index or 0}]"
            specs.append(f'{tf("TensorSpec")}({tensor}.shape, {tensor}.dtype, name="{key}")')
        call_args = params[0] if inputs[0][1] is None else "[" + ", ".join(params) + "]"
        result = f"{model}({call_args}, training=False)"
        indent = self._tree.default_indent
        body = []
        if len(outputs) == 1 and outputs[0][1] is None:
            entries = [f'"{outputs[0][0]}": {result}']
        else:
            out_name = fresh("outputs")
            body.append(f"{indent}{out_name} = {result}\n")
            entries = [f'"{k}": {out_name}[{i}]' for k, i in outputs]
        body.append(f"{indent}return {{{', '.join(entries)}}}\n")
        top = self.parent(stmt) is self._tree
        blank = "\n\n" if top else "\n"
        decorator = f"@{tf('function')}(input_signature=[{', '.join(specs)}])\n"
        if len(decorator) + (0 if top else len(indent)) > 120:
            listed = "".join(f"{indent * 2}{spec},\n" for spec in specs)
            decorator = f"@{tf('function')}(\n{indent}input_signature=[\n{listed}{indent}]\n)\n"
        text = (
            decorator + f"def {fn}({', '.join(params)}):\n" + "".join(body) + blank + f"{module} = {tf('Module')}()\n"
            f"{module}.model = {model}\n"
            f"{module}.{fn} = {fn}\n"
            f"{tf('saved_model.save')}({module}, {code_of(args['export_dir'])}, "
            f'signatures={{"serving_default": {fn}}})\n'
        )
        new: list[cst.BaseStatement] = list(cst.parse_module(text, config=self._tree.config_for_parsing).body)
        lines = [*stmt.leading_lines]
        blanks = 0
        while (
            blanks < len(lines) and isinstance(lines[-1 - blanks], cst.EmptyLine) and lines[-1 - blanks].comment is None
        ):
            blanks += 1
        lines += [cst.EmptyLine(indent=False)] * max(0, (2 if top else 1) - blanks)
        new[0] = new[0].with_changes(leading_lines=lines)
        new[1] = new[1].with_changes(leading_lines=[cst.EmptyLine(indent=False)] * (2 if top else 1))
        self.drop_import_of(save.func)
        return new

    def _tensors(self, node, what: str, classes, at: cst.Call) -> tuple[str, list[tuple[str, int | None]]]:
        """(model name, [(key, index or None for `model.input`/`.output`)]) of a signature dict."""
        if not isinstance(node, cst.Dict) or not node.elements:
            raise Refused(
                node if node is not None else at, "SM700", f"the {what}s are not a literal dict of the model's tensors"
            )
        models: set[str] = set()
        out: list[tuple[str, int | None]] = []
        for el in node.elements:
            key = (
                el.key.evaluated_value
                if isinstance(el, cst.DictElement) and isinstance(el.key, cst.SimpleString)
                else None
            )
            value = el.value
            index: int | None = None
            if isinstance(value, cst.Subscript) and len(value.slice) == 1:
                sub = value.slice[0].slice
                if isinstance(sub, cst.Index) and isinstance(sub.value, cst.Integer):
                    index = int(sub.value.value)
                    value = value.value
                else:
                    value = cst.Name("_")
            attr = f"{what}s" if index is not None else what
            if (
                not isinstance(key, str)
                or not isinstance(value, cst.Attribute)
                or value.attr.value != attr
                or not is_keras_model(self, value.value, classes)
            ):
                raise Refused(
                    el.value if isinstance(el, cst.DictElement) else node,
                    "SM700",
                    f"signature {what} `{code_of(el.value)}` is not `model.{what}` or `model.{what}s[i]` of a Keras "
                    "model of this module under a string key",
                )
            models.add(code_of(value.value))
            out.append((key, index))
        if len(models) != 1:
            raise Refused(node, "SM700", f"the {what}s come from more than one model")
        return models.pop(), out

    # -- the learning phase ------------------------------------------------------------------
    def _check_phase(self, call: cst.Call, calls) -> None:
        value = call.args[0].value if len(call.args) == 1 and not call.args[0].keyword else None
        if not (isinstance(value, cst.Integer) and value.value == "0"):
            raise Refused(call, "SM700", "`set_learning_phase` is called with something other than 0")
        stmt = self._statement_of(call)
        scope = scope_of(self, stmt)
        function = scope if isinstance(scope, cst.FunctionDef) else None
        body = self.parent(stmt)
        if body is not self._tree and not (function is not None and body is not None and self.parent(body) is function):
            raise Refused(call, "SM700", "`set_learning_phase(0)` is not a statement of a function or module body")
        at = self.position(call)
        for other in calls:
            rel = keras_rel(self, other.func)
            if rel is None or not rel.startswith("layers."):
                continue
            layer = rel.split(".", 1)[1]
            if layer not in _SAME_IN_TRAINING:
                raise Refused(
                    other,
                    "SM700",
                    f"`{code_of(other.func)}` behaves differently in training: under `set_learning_phase(0)` "
                    "TF 1.x trained it in inference mode, which Keras 3's `fit` does not",
                )
            if self.position(other) < at or (function is not None and scope_of(self, other) is not function):
                raise Refused(
                    other,
                    "SM700",
                    "a layer is built before `set_learning_phase(0)`, or outside the function that calls it",
                )

    # -- Keras 2 arguments Keras 3 rejects or treats differently ------------------------------
    def _optimizer_arguments(self, call: cst.Call) -> None:
        rel = keras_rel(self, call.func)
        # an optimizer class (`optimizers.SGD`, `optimizers.legacy.Adam`; not `optimizers.get`, schedules)
        name = rel.rsplit(".", 1)[-1] if rel is not None and rel.startswith("optimizers.") else ""
        if name[:1].isupper() and ".schedules." not in f".{rel}.":
            if any(a.keyword is not None and a.keyword.value == "decay" for a in call.args):
                self.report(
                    call,
                    "SM701",
                    f"`{code_of(call.func)}(decay=...)`: Keras 3 optimizers ignore `decay=` (a warning, other "
                    "numbers); Keras 2 divided the learning rate by `1 + decay * iterations`",
                )
            if any(a.keyword is not None and a.keyword.value == "lr" for a in call.args):
                self._calls[call] = "learning_rate"

    def _predict_verbose(self, call: cst.Call, classes) -> None:
        if (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "predict"
            and not any(a.star or (a.keyword is not None and a.keyword.value == "verbose") for a in call.args)
            and len([a for a in call.args if a.keyword is None]) <= 2  # x, batch_size: verbose is third
            and is_keras_model(self, call.func.value, classes)
        ):
            self._calls[call] = "verbose"

    # -- helpers -------------------------------------------------------------------------------
    def _statement_of(self, node: cst.CSTNode) -> cst.CSTNode:
        current: cst.CSTNode | None = node
        while current is not None and not isinstance(current, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            current = self.parent(current)
        if current is None:
            raise Refused(node, "SM700", "not inside a statement")
        return current

    def plans_change(self) -> bool:
        return bool(self._calls or self._replace) or bool(self._maybe_unused) or self._added_tf_import is not None

    def planned_nodes(self) -> list[cst.CSTNode]:
        return [*self._calls, *self._replace]

    # -- applying -------------------------------------------------------------------------------
    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        change = self._calls.get(original_node)
        args = list(updated_node.args)
        if change == "learning_rate":  # `lr=` (Keras 3 raises on it) is `learning_rate=` in Keras 2 and 3
            args = [
                a.with_changes(keyword=cst.Name("learning_rate")) if a.keyword and a.keyword.value == "lr" else a
                for a in args
            ]
        elif change == "verbose":  # TF 1.x graph-mode Keras printed nothing; Keras 3 draws a progress bar
            if args:
                args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            args.append(kwarg("verbose", cst.Integer("0")))
        else:
            return updated_node
        return updated_node.with_changes(args=args)

    def leave_SimpleStatementLine(self, original_node, updated_node):
        if original_node not in self._replace:
            return updated_node
        new = self._replace[original_node]
        if new is None:
            return self.drop_statement(original_node, updated_node)
        return cst.FlattenSentinel(new)


def __getattr__(name: str):
    # `python -m libcst.tool codemod keras_session.KerasSessionCommand`
    if name == "KerasSessionCommand":
        from ._base import libcst_command

        return libcst_command(KerasSession)
    raise AttributeError(name)
