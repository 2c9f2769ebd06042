"""estimator-export: Estimator SavedModel exports, which have no TF 2.21 home, reported with their replacement.

``tf.estimator`` was removed in TF 2.16 (https://github.com/tensorflow/tensorflow/releases/tag/v2.16.1).
Its exports — ``estimator.export_saved_model(dir, serving_input_receiver_fn)`` (``export_savedmodel``
before TF 1.13), ``export_outputs`` in ``EstimatorSpec``, the ``tf.estimator.export`` receiver
builders and output classes — cannot be rewritten mechanically: what the model computes lives in a
``model_fn`` and a checkpoint. Each site is reported with the concrete TF 2.21 replacement: a
``tf.Module`` holding the trained variables whose ``@tf.function(input_signature=...)`` does what the
receiver function did, saved with ``tf.saved_model.save(..., signatures=...)``; classify/regress
method names restored with ``smmigrate method-names``; SavedModels the code already wrote upgraded
with ``smmigrate upgrade``. Nothing is changed.
"""

from __future__ import annotations

import libcst as cst

from ..codes import codes_of
from ._base import SavedModelCodemod
from ._keras import code_of, name_uses, tf_rel
from ._walk import walk

_UPGRADE = "for SavedModels this code already wrote, run `smmigrate upgrade EXPORT_DIR NEW_DIR`"
_MODULE = (
    "export a `tf.Module` holding the trained variables with "
    "`tf.saved_model.save(module, export_dir, signatures={'serving_default': module.serve})`"
)
_REPORTS = {
    "estimator.export.build_raw_serving_input_receiver_fn": (
        "SM661",
        "`build_raw_serving_input_receiver_fn` has no TF 2.21 equivalent: give the export's serving "
        "function `@tf.function(input_signature=[tf.TensorSpec(shape, dtype, name=key), ...])` with one spec "
        "per feature it received",
    ),
    "estimator.export.build_parsing_serving_input_receiver_fn": (
        "SM662",
        "`build_parsing_serving_input_receiver_fn` has no TF 2.21 equivalent: give the export's serving "
        "function `@tf.function(input_signature=[tf.TensorSpec([None], tf.string, name='examples')])` and "
        "parse inside it with `tf.io.parse_example(examples, feature_spec)`; for classify/regress keep the "
        "input key `inputs` and restore method names with `smmigrate method-names EXPORT_DIR`",
    ),
    "estimator.export.ServingInputReceiver": (
        "SM664",
        "serving input receivers have no TF 2.21 equivalent: the `receiver_tensors` become the "
        "`input_signature` of the export's `@tf.function`, the `features` what that function computes from them",
    ),
    "estimator.export.TensorServingInputReceiver": (
        "SM664",
        "serving input receivers have no TF 2.21 equivalent: the `receiver_tensors` become the "
        "`input_signature` of the export's `@tf.function`, the `features` what that function computes from them",
    ),
}
for _output, _method in (
    ("PredictOutput", "predict"),
    ("ClassificationOutput", "classify"),
    ("RegressionOutput", "regress"),
):
    _REPORTS[f"estimator.export.{_output}"] = (
        "SM663",
        f"`{_output}` has no TF 2.21 equivalent: return the outputs as a dict from the export's "
        f"`@tf.function`, one signature per export output; "
        + (
            f"then restore the `{_method}` method name with `smmigrate method-names EXPORT_DIR`"
            if _method != "predict"
            else "`tf.saved_model.save` writes predict signatures"
        ),
    )

# last names of the calls `_check` resolves: the reported ones and EstimatorSpec
_CALL_NAMES = frozenset({rel.rsplit(".", 1)[-1] for rel in _REPORTS} | {"EstimatorSpec"})


class EstimatorExport(SavedModelCodemod):
    NAME = "estimator-export"
    DESCRIPTION = "Report Estimator SavedModel exports (removed in TF 2.16) with their TF 2.21 replacement."
    CODES = codes_of("estimator-export")  # titles, severities and what to do: smmigrate/codes.py
    ORDER = 50
    TRIGGERS = ("estimator",)  # every site names tf.estimator (or tensorflow_estimator) or an estimator object
    FILE_MARKERS = (
        "export_saved_model",
        "export_savedmodel",
        "export_outputs",
        "serving_input_receiver",
        "ServingInputReceiver",
        "PredictOutput",
        "ClassificationOutput",
        "RegressionOutput",
    )

    def visit_Module(self, node: cst.Module) -> None:
        super().visit_Module(node)
        codemod = self

        class Finder(cst.CSTVisitor):
            def visit_Call(self, call: cst.Call) -> None:
                codemod._check(call)

        walk(node, Finder())

    def _check(self, call: cst.Call) -> None:
        # resolved only when its last name is one the checks below look for (cheap: see may_name)
        rel = _estimator_rel(self, call.func) if self.may_name(call.func, _CALL_NAMES) else None
        if rel in _REPORTS:
            code, message = _REPORTS[rel]
            self.report(call, code, f"{message}; {_UPGRADE}")
            return
        if rel == "estimator.EstimatorSpec":
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value == "export_outputs":
                    self.report(
                        arg,
                        "SM663",
                        "`export_outputs` of an `EstimatorSpec` has no TF 2.21 equivalent: each entry becomes a "
                        "signature of the export, a `@tf.function` returning that output's dict; restore "
                        f"classify/regress method names with `smmigrate method-names EXPORT_DIR`; {_UPGRADE}",
                    )
            return
        func = call.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in ("export_saved_model", "export_savedmodel")
            and self._is_estimator(func.value)
        ):
            self.report(
                call,
                "SM660",
                f"`{code_of(func)}(...)` left as is: Estimators are gone since TF 2.16; {_MODULE} "
                "(its `@tf.function(input_signature=...)` does what the serving input receiver did and calls "
                f"the model), then `smmigrate verify OLD_EXPORT NEW_EXPORT`; {_UPGRADE}",
            )

    def _is_estimator(self, node: cst.BaseExpression) -> bool:
        if not isinstance(node, cst.Name):
            return False
        uses = name_uses(self, node.value, node)
        if not uses.assigns or uses.other_binding:
            return False
        for assign in uses.assigns:
            value = assign.value
            rel = _estimator_rel(self, value.func) if isinstance(value, cst.Call) else None
            if rel is None or rel.startswith("estimator.export."):
                return False
        return True


def _estimator_rel(codemod: SavedModelCodemod, node: cst.BaseExpression) -> str | None:
    """``estimator.X`` for `tf.estimator.X` / `tf.compat.v1.estimator.X` / `tensorflow_estimator`'s X."""
    rel = tf_rel(codemod, node)
    if rel is None:
        qualified = codemod.qualified(node)
        prefix = "tensorflow_estimator.estimator."
        if len(qualified) == 1 and next(iter(qualified)).startswith(prefix):
            rel = "estimator." + next(iter(qualified))[len(prefix) :]
    if rel is None or not rel.startswith("estimator."):
        return None
    return rel


def __getattr__(name: str):
    # `python -m libcst.tool codemod estimator_export.EstimatorExportCommand`
    if name == "EstimatorExportCommand":
        from ._base import libcst_command

        return libcst_command(EstimatorExport)
    raise AttributeError(name)
