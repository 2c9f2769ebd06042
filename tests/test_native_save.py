"""native-save proven by execution: TF1 export programs run on TF 2.21 in TF1 mode, their
rewrites on plain TF 2.21, and the two SavedModels are loaded side by side (one TF2 process)
and compared — tags, signature keys, method names, input/output keys, dtypes and shapes, and the
outputs of every signature on the same inputs (serialized tf.Example for classify/regress).

The programs are samples and the inputs of case files in tests/cases/native_save/ (each case
then runs as the TF1 program, its rewrite as the TF2 one), so what the cases pin is what runs.
Two TensorFlow start-ups in all (module-scoped fixture): one tf1 run, one tf2 run.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import numpy as np
import pytest
from casefiles import all_cases
from progrun import run_programs

from smmigrate.codes import CODES, Severity
from smmigrate.rewrite import rewrite_source

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs" / "native_save"
SAMPLES = ROOT / "samples"
TOKENS = ["the", "dog", "mat", "<unk>"]
EXAMPLES = {"examples": [{"x": [1.0, 2.0]}, {"x": [-0.5, 0.25]}, {"x": [3.0, 0.0]}]}

CASE_FILES = {c.path.stem: c for c in all_cases() if c.path.parent.name == "native_save"}

# name -> (a sample, or the case file of that name; export function, or "./<folder>" for a module-level
# program writing that folder in its working directory; feeds for compare_exports.py)
CASES = {
    "add_two_builder": (SAMPLES / "add_two_builder.py", "save", {}),
    "add_two_simple_save": (SAMPLES / "add_two_simple_save.py", "save", {}),
    "private_imports_style": (SAMPLES / "private_imports_style.py", "export", {}),
    "several_signatures": (None, "export", {}),  # variables given values by assign ops
    "classify_regress": (None, "export", {"*": {"inputs": EXAMPLES, "examples": EXAMPLES}}),
    "int64_string_inputs": (None, "export", {}),
    "load_and_renames": (None, "export", {}),  # tensorflow.compat.v1 spellings, v.load(value, sess)
    # sess.run evaluations replayed eagerly: lists/tuples/dicts, intermediates, feed dicts bound earlier
    "run_fetch_structures": (None, "export", {}),
    "run_dict_of_outputs": (None, "export", {}),
    "run_intermediate": (None, "export", {}),
    "run_eval_forms": (None, "export", {}),  # t.eval(feed_dict, session), train_op.run(feed_dict)
    "run_graph_op_built_in_place": (None, "export", {}),  # tf.reduce_sum(w).eval(), sess.run(tf.nn.relu(x) * 2.0)
    # training before the export replayed eagerly: same printed losses, same exported weights
    "train_gradient_descent": (None, "export", {}),
    "train_adam_batches": (None, "export", {}),
    "train_region_session": (None, "export", {}),  # default graph of a function, sess = tf.Session()
    "train_other_optimizers": (None, "export", {}),  # weights printed: Momentum/Adagrad/RMSProp/Adadelta
    "save_result_assigned": (None, "export", {}),  # `save_path = builder.save()` prints the same value
    "keys_assigned_in_block": (None, "export", {}),  # signature/input keys read through names assigned once
    # regions: graphs built on the default graph at function level, sessions without `with`
    "region_function_simple_save": (None, "export", {}),
    "region_reset_builder": (None, "export", {}),
    "region_graph_variable": (None, "export", {}),
    "region_session_as_default": (None, "export", {}),
    "region_interactive_session": (None, "export", {}),
    "session_made_in_graph_block": (None, "export", {}),
    "python_side_tf_names": (None, "export", {}),
    "inline_variable": (None, "export", {}),
    "region_reset_then_with_session": (None, "export", {}),
    "region_session_closed_after_graph_block": (None, "export", {}),
    "helper_returns_tuple": (None, "export", {}),
    # helpers inlined call by call: a layer called several times (name scopes, TF1's uniquified names,
    # defaults, calls inside expressions), an export helper taking the session, variable-scope reuse
    "helper_called_twice": (None, "export", {}),
    "helper_export_takes_session": (None, "export", {}),
    "helper_variable_scope_reuse": (None, "export", {}),
    # endpoints kept in a dict by literal keys (a helper's `ends = {}` + `ends["k"] = ...`, a display),
    # outputs by a comprehension over key names; a script's `if __name__ == "__main__":` region
    "helper_returns_dict": (None, "export", {}),
    "region_main_guard": (None, "./main_guard_model", {}),
    "variable_scope_get_variable": (None, "export", {}),  # scopes, AUTO_REUSE/reuse=True aliases
    "layers_dense": (None, "export", {}),  # tf.layers.dense -> tf.Variables + matmul/bias_add
    "scoped_mlp": (PROGRAMS / "scoped_mlp.py", "export", {}),  # layers in scopes, Builder
    "region_layers_variable_scope": (None, "export", {}),  # the same at function level, no `with` session
    "layers_shared_towers": (None, "export", {}),  # AUTO_REUSE scope reopened, dense(reuse=True)
    "layers_flatten_dropout": (None, "export", {}),  # flatten -> dense -> dropout -> dense
    "region_module_level_layers": (None, "./mlp_model", {}),  # module-level program (its export folder)
    "random_variable_assigned": (None, "export", {}),  # random initial values, overwritten before the export
    "get_variable_assigned_weights": (None, "export", {}),  # get_variable (random init) + assigned weights
    "switch_module_variables_migrated": (None, "export", {}),  # compat.v1 + disable_v2_behavior module
    "named_op_fetched_by_name": (None, "export", {}),  # unbound named ops looked up by get_tensor_by_name
    # lookup tables made eagerly and tracked; table-only init ops dropped (TF2 tables fill themselves on load)
    "table_hash_lookups": (
        None,
        "export",
        {"*": {"color": {"values": ["blue", "pink", "red"]}, "amount": {"values": [0.5, 1.0, 4.0]}}},
    ),
    "table_vocab_asset": (None, "export", {"*": {"tokens": {"values": TOKENS}}}),  # vocab file -> Asset
    "table_main_op_without_variables": (None, "export", {"*": {"code": {"values": [9, 1, 7]}}}),
    "table_region_classify_labels": (None, "./labels_model", {"*": {"inputs": EXAMPLES}}),  # classes from a table
    "table_simple_save_vocab_path": (None, "export", {"*": {"color": {"values": ["blue", "pink", "red"]}}}),
    "table_contrib_helpers": (None, "export", {"*": {"words": {"values": ["plum", "kiwi", "apple", "pear"]}}}),
    # names that are no uses: a train op `train` (as `tf.train`), keywords `value=` beside a tensor `value`
    "train_op_named_like_a_module": (None, "export", {}),
    "region_keyword_not_a_use": (None, "./kw_model", {}),
    # signature_def_map assembled in a variable whose keys are read after the export; main_op() kept exact
    "sigmap_assembled_main_op": (None, "export", {}),
    "train_through_module_function": (None, "export", {}),  # `def predict` among the graph statements, kept
    "train_dataset_iterator": (None, "export", {}),  # tf.data one-shot iterator: each replayed run pulls a batch
    "values_made_before_region": (None, "export", {}),  # a config, a proto, a constant made before the graph
    "main_op_layer_variables_unchanged": (None, "export", {}),  # main_op(): TF1 re-inits to the exported values
    # the removed session's config: thread pools and GPU memory growth -> tf.config calls; others kept
    "session_config_named": (None, "export", {}),
    "session_config_kept": (None, "export_cpu_only", {}),
    # a helper's dict of tensors read by key in feeds, fetches and signatures; signature helpers through
    # a module alias; TF1's `keep_dims=`
    "dict_entries_holding_names": (None, "export", {}),
    "helper_layers_dense": (None, "export", {}),  # a helper of tf.layers.dense calls, inlined
    "dict_helper_feed_by_key": (None, "./out", {}),  # feeds keyed `t["x"]` of a helper's dict
    # placeholders from a comprehension over a module constant, a dict fetched whole, `.items()` signatures
    "dict_comprehension_placeholders": (None, "export", {}),
    "dict_keys_loop_fetch": (None, "export", {}),  # `for name in ("a", "b"): sess.run(t[name], feed)`
    # `saver.restore(sess, path)` of a `tf.train.Saver()` before the export (the checkpoint is written
    # by tests/programs/native_save/make_checkpoint.py in the TF1 run, before the cases)
    "restore_checkpoint": (None, "export", {}),
    "helper_returns_tuple_expression": (None, "export", {}),  # `return x, x * w` into `x, y = build()`
}
# programs that write a vocabulary file beside their export (`<export>_vocab.txt`): deleted before
# the exports are loaded, so each SavedModel must carry its own copy
VOCAB_FILES = ("table_vocab_asset", "table_contrib_helpers", "table_simple_save_vocab_path")
# TF1 originals using `tf.contrib.lookup`, which TF 2.21 lacks: run with TF 1.15's contrib.lookup
# rebuilt from the core lookup_ops it re-exported (tests/programs/native_save/contrib_lookup.py)
CONTRIB = ("table_contrib_helpers",)
# exports whose variables come from get_variable / tf.layers (every export keeps TF1's variable names)
NAMED_VARIABLES = (
    "restore_checkpoint",
    "helper_layers_dense",
    "variable_scope_get_variable",
    "layers_dense",
    "scoped_mlp",
    "region_layers_variable_scope",
    "layers_shared_towers",
    "layers_flatten_dropout",
    "region_module_level_layers",
    "helper_called_twice",
    "helper_export_takes_session",
    "helper_variable_scope_reuse",
    "classify_regress",
)
FORBIDDEN = ("Session", "placeholder", "SavedModelBuilder", "Builder", "simple_save")


def _function_source(code: str, name: str) -> str:
    tree = ast.parse(code)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    return ast.get_source_segment(code, node)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("native_save")
    driver = str(PROGRAMS / "call_export.py")
    rewritten, tf1, tf2, pairs = {}, [], [], []
    for name, (sample, function, feeds) in CASES.items():
        if sample is None:
            script = tmp / f"{name}_tf1.py"
            shim = f"import runpy\nrunpy.run_path({str(PROGRAMS / 'contrib_lookup.py')!r})\n" if name in CONTRIB else ""
            script.write_text(shim + CASE_FILES[name].source)
        else:
            script = sample
        codemods = CASE_FILES[name].codemods if sample is None else ("native-save", "compat-names")
        code, diagnostics = rewrite_source(
            CASE_FILES[name].source if sample is None else script.read_text(), only=codemods
        )
        if sample is None:
            assert code == CASE_FILES[name].expected  # what the case pins is what runs
        assert not [d for d in diagnostics if d.code.startswith("SM3") and CODES[d.code].severity is not Severity.NOTE]
        new_script = tmp / f"{name}_tf2.py"
        new_script.write_text(code)
        if function.startswith("./"):  # a module-level program exporting to that folder of its cwd
            rewritten[name] = code
            cwd1, cwd2 = tmp / "tf1" / f"{name}_cwd", tmp / "tf2" / f"{name}_cwd"
            cwd1.mkdir(parents=True), cwd2.mkdir(parents=True)
            out1, out2 = cwd1 / function[2:], cwd2 / function[2:]
            tf1.append({"script": str(script), "cwd": str(cwd1)})
            tf2.append({"script": str(new_script), "cwd": str(cwd2)})
        else:
            rewritten[name] = _function_source(code, function)
            out1, out2 = tmp / "tf1" / name, tmp / "tf2" / name
            tf1.append({"script": driver, "argv": [str(script), function, str(out1)]})
            tf2.append({"script": driver, "argv": [str(new_script), function, str(out2)]})
        pairs.append({"name": name, "tf1": str(out1), "tf2": str(out2), "feeds": feeds})
    spec = tmp / "pairs.json"
    spec.write_text(json.dumps(pairs))
    vocab = [str(tmp / side / f"{name}_vocab.txt") for name in VOCAB_FILES for side in ("tf1", "tf2")]
    tf2.append({"script": str(PROGRAMS / "remove_files.py"), "argv": vocab})
    tf2.append({"script": str(PROGRAMS / "compare_exports.py"), "argv": [str(spec)]})
    checkpoints = {"script": str(PROGRAMS / "make_checkpoint.py"), "argv": [str(tmp / "tf1"), str(tmp / "tf2")]}
    made, *res1 = run_programs("tf1", [checkpoints, *tf1])
    assert made["error"] is None, made["error"]
    *res2, removed, check = run_programs("tf2", tf2)
    assert removed["error"] is None, removed["error"]
    for name, r1, r2 in zip(CASES, res1, res2, strict=True):
        assert r1["error"] is None, f"TF1 original {name} failed:\n{r1['error']}"
        assert r2["error"] is None, f"TF2 rewrite of {name} failed:\n{r2['error']}"
    assert check["error"] is None, check["error"]
    line = next(ln for ln in check["stdout"].splitlines() if ln.startswith("REPORT "))
    report = {e["name"]: e for e in json.loads(line[len("REPORT ") :])}
    return {
        "tmp": tmp,
        "rewritten": rewritten,
        "report": report,
        "stdout": dict(zip(CASES, zip(res1, res2, strict=True), strict=True)),
    }


@pytest.mark.parametrize("name", list(CASES))
def test_rewrite_leaves_no_tf1_export_api(runs, name):
    source = runs["rewritten"][name]
    for word in FORBIDDEN:
        assert word not in source, f"{word} left in the migrated export of {name}"
    assert source.replace("signature_def_utils.MethodNameUpdater", "").count("signature_def_utils") == 0
    assert "tf.saved_model.save(" in source and "tf.function" in source and "tf.Module()" in source
    assert "sess" not in source


@pytest.mark.parametrize("name", list(CASES))
def test_same_signatures(runs, name):
    entry = runs["report"][name]
    assert entry["tf1"]["meta"] == entry["tf2"]["meta"]
    assert [m["tags"] for m in entry["tf2"]["meta"]] == [["serve"]]


@pytest.mark.parametrize("name", list(CASES))
def test_same_outputs(runs, name):
    entry = runs["report"][name]
    got1, got2 = entry["tf1"]["outputs"], entry["tf2"]["outputs"]
    assert got1.keys() == got2.keys() and got1
    for sig in got1:
        assert got1[sig].keys() == got2[sig].keys()
        for key in got1[sig]:
            a, b = got1[sig][key], got2[sig][key]
            if a and isinstance(np.ravel(a)[0], str):
                assert a == b, (sig, key)
            else:
                np.testing.assert_allclose(
                    np.array(a, dtype=float), np.array(b, dtype=float), rtol=1e-6, err_msg=f"{sig}/{key}"
                )


@pytest.mark.parametrize("name", list(CASES))
def test_same_printed_output(runs, name):
    r1, r2 = runs["stdout"][name]
    assert r1["stdout"] == r2["stdout"]


_OPTIMIZER_SLOT = re.compile(r"/(Adam|Momentum|Adagrad|RMSProp|Adadelta)(_1)?$|^beta[12]_power$")


@pytest.mark.parametrize("name", list(CASES))
def test_same_variable_names_and_shapes(runs, name):
    entry = runs["report"][name]
    tf1, tf2 = dict(entry["tf1"]["variables"]), entry["tf2"]["variables"]
    if name.startswith("train_"):
        # a TF1 optimizer's slots (Adam's m and v, beta powers, accumulators) are graph variables, so
        # the TF1 export saved them; the TF2 module tracks the model's variables only
        slots = [v for v in tf1 if v not in tf2 and _OPTIMIZER_SLOT.search(v)]
        for v in slots:
            del tf1[v]
    assert tf2 == tf1
    if name in NAMED_VARIABLES:
        assert entry["tf1"]["variables"]


def test_layer_and_scope_variable_names(runs):
    # TF1's own naming, checked on the TF1 export: unnamed layers count per scope, reuse shares
    assert sorted(runs["report"]["scoped_mlp"]["tf1"]["variables"]) == [
        "encoder/dense/bias",
        "encoder/dense/kernel",
        "encoder/project/bias",
        "encoder/project/kernel",
        "head/scale",
        "head/score/bias",
        "head/score/kernel",
    ]
    assert sorted(runs["report"]["layers_shared_towers"]["tf1"]["variables"]) == [
        "head/bias",
        "head/kernel",
        "tower/dense/bias",
        "tower/dense/kernel",
    ]
    names = runs["report"]["variable_scope_get_variable"]["tf2"]["variables"]
    assert names["shared/offset"] == [] and names["tower/head/scale"] == [2] and "steps" in names


def test_inlined_helpers_keep_tf1_variable_names(runs):
    # TF1's own names, read from the TF1 export: each call of a helper makes its own variables,
    # uniquified (`w_1`) or in the name scope the call opened (`dense_1/w`); reuse shares them
    assert sorted(runs["report"]["helper_called_twice"]["tf1"]["variables"]) == [
        "dense/b",
        "dense/w",
        "dense_1/b",
        "dense_1/w",
        "head/b",
        "head/w",
        "w",
        "w_1",
    ]
    assert sorted(runs["report"]["helper_export_takes_session"]["tf1"]["variables"]) == [
        "hidden/b",
        "hidden/w",
        "logits/b",
        "logits/w",
    ]
    reuse = runs["report"]["helper_variable_scope_reuse"]
    assert sorted(reuse["tf1"]["variables"]) == ["shared/offset", "tower/b", "tower/w"]
    assert reuse["tf2"]["variables"] == reuse["tf1"]["variables"]
    printed = runs["stdout"]["helper_variable_scope_reuse"][1]["stdout"]
    assert "variables: ['shared/offset:0', 'tower/b:0', 'tower/w:0']" in printed


def test_method_names_restored_and_fingerprint_dropped(runs):
    entry = runs["report"]["classify_regress"]
    methods = {k: v["method"] for k, v in entry["tf2"]["meta"][0]["signatures"].items()}
    assert methods == {
        "classify": "tensorflow/serving/classify",
        "regress": "tensorflow/serving/regress",
        "regress_built": "tensorflow/serving/regress",
        "serving_default": "tensorflow/serving/predict",
    }
    assert entry["tf2"]["fingerprint"] is False  # stale after MethodNameUpdater: removed on purpose
    assert runs["report"]["several_signatures"]["tf2"]["fingerprint"] is True


def test_variables_kept_their_loaded_values(runs):
    # w.load([0.5, -3.0]) then w.load(sess.run(w) * 2.0): softplus(x * [1, -6])
    got = runs["report"]["load_and_renames"]["tf2"]["outputs"]["serving_default"]["softplus"]
    x = np.linspace(-1.0, 2.0, 4).reshape(2, 2)
    np.testing.assert_allclose(got, np.log1p(np.exp(x * [1.0, -6.0])), rtol=1e-5)


def test_variables_kept_their_assigned_values(runs):
    # w = [[1.5], [-2.0], [0.25]], b = 0.75 were set by assign ops, not initializers: outputs on
    # [1, 1, 1] would be 0 * 1.5 with the initial values.
    y = runs["report"]["several_signatures"]["tf2"]["outputs"]["serving_default"]["y"]
    x = np.linspace(-1.0, 2.0, 6).reshape(2, 3)
    np.testing.assert_allclose(np.ravel(y), (x @ [1.5, -2.0, 0.25] + 0.75) * 1.5, rtol=1e-6)


def test_restored_checkpoint_values_are_exported(runs):
    # the checkpoint holds kernel [[0.75], [-1.5]] and bias 0.25 (make_checkpoint.py); the variables'
    # own initial values (a random kernel, a zero bias) would give other outputs
    stdout = runs["stdout"]["restore_checkpoint"][1]["stdout"]
    assert "y [[-0.5], [3.25]]" in stdout, stdout
    outputs = runs["report"]["restore_checkpoint"]["tf2"]["outputs"]["serving_default"]["y"]
    x = np.linspace(-1.0, 2.0, 4).reshape(2, 2)
    np.testing.assert_allclose(np.ravel(outputs), x @ [0.75, -1.5] + 0.25, rtol=1e-6)


# --- without TensorFlow: the facts native-load relies on agree with what the rewrite does -------


def _cases():
    from casefiles import all_cases

    return [c for c in all_cases() if c.path.parent.name == "native_save"]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.path.stem)
def test_facts_agree_with_rewrite(case):
    import libcst as cst

    from smmigrate.codemods._facts import ExportFact
    from smmigrate.codemods.native_save import NativeSave

    all_facts = NativeSave.collect_facts(cst.parse_module(case.source), "case.py")
    facts = [f for f in all_facts if isinstance(f, ExportFact)]  # (also constants and helpers, for other modules)
    assert facts, "every native_save case has an export"
    refused = any(
        code.startswith("SM3") and CODES[code].severity is not Severity.NOTE for _, _, code, _ in case.diagnostics
    )
    assert [f.migrated for f in facts] == [not refused] * len(facts)
    migrated_output = "simple_save(" not in case.expected and "Builder(" not in case.expected
    assert migrated_output == (not refused)


@pytest.mark.parametrize("name", NAMED_VARIABLES[:-1])
def test_migrated_variables_leave_no_graph_only_code(name):
    # with every codemod: compat-mode finds nothing graph-only left, so the module ends native TF2
    sample = CASES[name][0]
    source = sample.read_text() if sample is not None else CASE_FILES[name].source
    code, diagnostics = rewrite_source(source)
    assert not [d for d in diagnostics if d.code.startswith(("SM1", "SM3"))], diagnostics
    tree = ast.parse(code)
    used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    used |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for word in ("get_variable", "variable_scope", "layers", "AUTO_REUSE", "Session", "compat", "disable_v2_behavior"):
        assert word not in used, word
    assert not [w for w in used if w.endswith("_initializer")]
    assert "Variable" in used


def test_facts_name_tf1_tensors_and_method_names():
    import libcst as cst

    from smmigrate.codemods.native_save import NativeSave

    (fact,) = NativeSave.collect_facts(cst.parse_module(CASE_FILES["classify_regress"].source), "p.py")
    assert fact.migrated and fact.function == "export" and fact.export_dir == "export_dir"
    sigs = {s.key: s for s in fact.signatures}
    assert sigs["classify"].inputs == {"inputs": "tf_example:0"}
    assert sigs["classify"].outputs == {"scores": "scores:0"}  # `classes` has no name=: not guessed
    assert sigs["regress_built"].method_name == "tensorflow/serving/regress"
    assert sigs["serving_default"].outputs == {"scores": "scores:0", "prediction": "prediction:0"}


def test_facts_name_tensors_inside_variable_scopes():
    import libcst as cst

    from smmigrate.codemods.native_save import NativeSave

    source = """import tensorflow as tf


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        with tf.variable_scope("model"):
            x = tf.placeholder(tf.float32, [None, 2], name="x")
            w = tf.get_variable("w", [2, 1], initializer=tf.zeros_initializer())
            y = tf.matmul(x, w, name="y")
        with tf.variable_scope("model", reuse=True):
            z = tf.identity(y, name="z")
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y, "z": z})
"""
    (fact,) = NativeSave.collect_facts(cst.parse_module(source), "p.py")
    assert fact.migrated
    (sig,) = fact.signatures
    assert sig.inputs == {"x": "model/x:0"}  # the scope's name scope, opened the first time
    assert sig.outputs == {"y": "model/y:0"}  # `z` is in `model_1/` (reopened): not guessed


def test_training_replayed_to_the_same_weights(runs):
    # 40 gradient-descent steps towards y = 3x - 1: the printed losses are the same digits, and the
    # exported model really is trained (its initial weights would give y = 0)
    r1, r2 = runs["stdout"]["train_gradient_descent"]
    assert "step 30 loss" in r2["stdout"] and r1["stdout"] == r2["stdout"]
    y = runs["report"]["train_gradient_descent"]["tf2"]["outputs"]["serving_default"]["y"]
    x = np.linspace(-1.0, 2.0, 2).reshape(2, 1)
    np.testing.assert_allclose(y, 3.0 * x - 1.0, atol=0.05)
    assert "epoch 20 loss" in runs["stdout"]["train_adam_batches"][1]["stdout"]
    printed = runs["stdout"]["train_other_optimizers"][1]["stdout"]
    assert all(f"{name} w" in printed for name in ("adagrad", "rmsprop", "adadelta", "momentum")), printed


def test_replayed_training_keeps_the_module_native():
    # every codemod, as `smmigrate rewrite` runs them: the TF1 Adam used eagerly by the generated
    # training step is not graph code, so compat-mode neither switches the module to TF1 mode nor
    # withholds native-save's rewrite (SM120/SM121)
    out, diagnostics = rewrite_source(CASE_FILES["train_adam_batches"].source)
    assert not [d for d in diagnostics if d.code in ("SM120", "SM121") or d.code.startswith("SM3")], diagnostics
    assert "disable_v2_behavior" not in out and "Session" not in out
    assert "tf.compat.v1.train.AdamOptimizer(learning_rate=0.01)" in out and ".apply_gradients(" in out


def test_tables_look_up_like_tf1(runs):
    # string -> int64 with default -1 ("pink"), then int64 -> string buckets of the score
    got = runs["report"]["table_hash_lookups"]["tf2"]["outputs"]["serving_default"]
    assert got["color_id"] == [2.0, -1.0, 0.0]
    assert got["label"] == ["b'mid'", "b'low'", "b'unknown'"]  # scores 1.5, 0.0, 4.0 -> buckets 1, 0, 3
    assert runs["stdout"]["table_hash_lookups"][1]["stdout"].startswith("ids [2, -1, 0] labels")
    got = runs["report"]["table_main_op_without_variables"]["tf2"]["outputs"]["serving_default"]
    assert got["name"] == ["b'nine'", "b'?'", "b'seven'"]
    entry = runs["report"]["table_region_classify_labels"]["tf2"]
    assert entry["meta"][0]["signatures"]["serving_default"]["method"] == "tensorflow/serving/classify"
    # x = [1, 2] -> logits [-3, 3]; [-0.5, 0.25] -> [-1, 1]; [3, 0] -> [3, -3]
    assert entry["outputs"]["serving_default"]["classes"] == ["b'positive'", "b'positive'", "b'negative'"]


def test_vocab_asset_carried_by_the_savedmodel(runs):
    # the original vocab files were deleted before loading: both exports read their assets/ copy
    tmp = runs["tmp"]
    assert not (tmp / "tf2" / "table_vocab_asset_vocab.txt").exists()
    assert [p.name for p in (tmp / "tf2" / "table_vocab_asset" / "assets").iterdir()] == ["table_vocab_asset_vocab.txt"]
    got = runs["report"]["table_vocab_asset"]["tf2"]["outputs"]["serving_default"]
    assert got["ids"] == [1.0, 0.0, 4.0, 0.0]  # "dog" is not in the file: default 0
    buckets = got["buckets"]
    assert buckets[0] == 1.0 and buckets[2] == 4.0 and buckets[3] == 0.0 and 5.0 <= buckets[1] <= 7.0
    assert "tf.saved_model.Asset(vocab_path)" in runs["rewritten"]["table_vocab_asset"]
    # a plain path in TextFileInitializer: TF1's simple_save exported the initializer's constant as an
    # asset, TF2's TextFileInitializer tracks it as one by itself
    assert (tmp / "tf2" / "table_simple_save_vocab_path" / "assets" / "table_simple_save_vocab_path_vocab.txt").exists()
    got = runs["report"]["table_simple_save_vocab_path"]["tf2"]["outputs"]["serving_default"]
    assert got["color_id"] == [2.0, 3.0, 0.0]  # "pink": the one OOV bucket


def test_contrib_lookup_helpers_build_the_same_tables(runs):
    # index_table_from_file with 2 OOV buckets, index_table_from_tensor, index_to_string_* and HashTable
    got = runs["report"]["table_contrib_helpers"]["tf2"]["outputs"]["serving_default"]
    ids = got["ids"]
    assert ids[0] == 2.0 and ids[2] == 0.0 and ids[3] == 1.0 and 3.0 <= ids[1] <= 4.0  # "kiwi" hashed
    assert got["reverse"] == [0.0, -1.0, 2.0, 1.0]
    assert got["echo"] == ["b'apple'", "b'?'", "b'plum'", "b'pear'"]
    assert got["spelled"] == ["b'plum'", "b'UNK'", "b'apple'", "b'pear'"]
    assert got["length"] == [4.0, -1.0, 5.0, 4.0]
    assert "contrib" not in runs["rewritten"]["table_contrib_helpers"]


@pytest.mark.parametrize("name", [n for n in CASES if n.startswith("table_")])
def test_migrated_tables_leave_the_module_native(name):
    # with every codemod: no table initializer, collection or contrib name is left, so compat-mode
    # has nothing to keep in TF1 mode (MethodNameUpdater, for classify/regress, is TF's own tool)
    code, diagnostics = rewrite_source(CASE_FILES[name].source)
    assert not [d for d in diagnostics if d.code.startswith(("SM1", "SM3"))], diagnostics
    tree = ast.parse(code)
    used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    for word in ("tables_initializer", "add_to_collection", "get_collection", "contrib", "Session", "main_op"):
        assert word not in used, word
    assert "compat" not in code.replace("tf.compat.v1.saved_model.signature_def_utils.MethodNameUpdater", "")
    assert "lookup" in used and "Module" in used


# --- helpers inlined into the block (without TensorFlow) -----------------------------------------

_HELPER_WITH_PY_FUNC = """import tensorflow as tf


def model(x):
    w = tf.Variable(tf.ones([2, 1]), name="w")
    return tf.py_func(lambda a: a, [tf.matmul(x, w)], tf.float32)


def export(export_dir):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = model(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
"""


def test_refusal_inside_an_inlined_helper_points_at_the_helpers_line():
    out, diagnostics = rewrite_source(_HELPER_WITH_PY_FUNC, only=("native-save",))
    (diag,) = [d for d in diagnostics if d.code.startswith("SM3")]
    assert (diag.line, diag.col, diag.code) == (6, 12, "SM310") and "`tf.py_func`" in diag.message
    assert out == _HELPER_WITH_PY_FUNC  # refused: nothing inlined, the helper stays


def test_inlined_locals_never_take_a_name_the_caller_uses():
    source = """import tensorflow as tf


def layer(x):
    w = tf.Variable(tf.ones([2, 1]), name="w")
    return tf.matmul(x, w)


def export(export_dir, w="weights"):
    with tf.Graph().as_default(), tf.Session() as sess:
        x = tf.placeholder(tf.float32, [None, 2], name="x")
        y = layer(x)
        sess.run(tf.global_variables_initializer())
        tf.saved_model.simple_save(sess, export_dir, {"x": x}, {"y": y})
    print(w)
"""
    out, diagnostics = rewrite_source(source, only=("native-save",))
    assert not diagnostics
    assert 'w_2 = tf.Variable(tf.ones([2, 1]), name="w")' in out and "tf.matmul(x, w_2)" in out
    assert out.rstrip().endswith("print(w)") and "def layer" not in out
    assert rewrite_source(out, only=("native-save",))[0] == out


def test_session_config_applied_in_a_fresh_process(tmp_path):
    """The tf.config calls replacing a removed session's config take effect (they must run before
    TensorFlow's runtime starts, as the rewritten export function does in a fresh process), and
    the program does not fail where the runtime has already started (the batched run above)."""
    case = CASE_FILES["session_config_named"]
    program = tmp_path / "config_tf2.py"
    program.write_text(
        case.expected
        + "\n\nexport(__file__[:-3] + '_model')\n"
        + "print('threads', tf.config.threading.get_intra_op_parallelism_threads(), "
        + "tf.config.threading.get_inter_op_parallelism_threads())\n"
    )
    (result,) = run_programs("tf2", [{"script": str(program)}])
    assert result["error"] is None, result["error"]
    assert "threads 2 1" in result["stdout"], result["stdout"]
    assert (tmp_path / "config_tf2_model" / "saved_model.pb").exists()


def test_every_tf2_name_a_rename_writes_is_one_moved_graph_code_may_use():
    # whole-api writes the TF2 spelling before native-save runs (`tf.squared_difference` ->
    # `tf.math.squared_difference`): native-save must accept what it would have renamed to
    from smmigrate.codemods.exports import tables as T

    assert set(T.GRAPH_RENAME.values()) <= T.GRAPH_KEEP
