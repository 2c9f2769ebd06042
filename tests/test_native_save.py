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
from pathlib import Path

import numpy as np
import pytest
from casefiles import all_cases
from progrun import run_programs

from smmigrate.rewrite import rewrite_source

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs" / "native_save"
SAMPLES = ROOT / "samples"
EXAMPLES = {"examples": [{"x": [1.0, 2.0]}, {"x": [-0.5, 0.25]}, {"x": [3.0, 0.0]}]}

CASE_FILES = {c.path.stem: c for c in all_cases() if c.path.parent.name == "native_save"}

# name -> (a sample, or the case file of that name; export function; feeds for compare_exports.py)
CASES = {
    "add_two_builder": (SAMPLES / "add_two_builder.py", "save", {}),
    "add_two_simple_save": (SAMPLES / "add_two_simple_save.py", "save", {}),
    "private_imports_style": (SAMPLES / "private_imports_style.py", "export", {}),
    "several_signatures": (None, "export", {}),  # variables given values by assign ops
    "classify_regress": (None, "export", {"*": {"inputs": EXAMPLES, "examples": EXAMPLES}}),
    "int64_string_inputs": (None, "export", {}),
    "load_and_renames": (None, "export", {}),  # tensorflow.compat.v1 spellings, v.load(value, sess)
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
    "helper_returns_tuple": (None, "export", {}),
}
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
            script.write_text(CASE_FILES[name].source)
        else:
            script = sample
        code, diagnostics = rewrite_source(script.read_text(), only=["native-save", "compat-names"])
        if sample is None:
            assert code == CASE_FILES[name].expected  # what the case pins is what runs
        assert not [d for d in diagnostics if d.code.startswith("SM3")], diagnostics
        new_script = tmp / f"{name}_tf2.py"
        new_script.write_text(code)
        rewritten[name] = _function_source(code, function)
        out1, out2 = tmp / "tf1" / name, tmp / "tf2" / name
        tf1.append({"script": driver, "argv": [str(script), function, str(out1)]})
        tf2.append({"script": driver, "argv": [str(new_script), function, str(out2)]})
        pairs.append({"name": name, "tf1": str(out1), "tf2": str(out2), "feeds": feeds})
    spec = tmp / "pairs.json"
    spec.write_text(json.dumps(pairs))
    tf2.append({"script": str(PROGRAMS / "compare_exports.py"), "argv": [str(spec)]})
    res1 = run_programs("tf1", tf1)
    *res2, check = run_programs("tf2", tf2)
    for name, r1, r2 in zip(CASES, res1, res2, strict=True):
        assert r1["error"] is None, f"TF1 original {name} failed:\n{r1['error']}"
        assert r2["error"] is None, f"TF2 rewrite of {name} failed:\n{r2['error']}"
    assert check["error"] is None, check["error"]
    line = next(ln for ln in check["stdout"].splitlines() if ln.startswith("REPORT "))
    report = {e["name"]: e for e in json.loads(line[len("REPORT ") :])}
    return {
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


# --- without TensorFlow: the facts native-load relies on agree with what the rewrite does -------


def _cases():
    from casefiles import all_cases

    return [c for c in all_cases() if c.path.parent.name == "native_save"]


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c.path.stem)
def test_facts_agree_with_rewrite(case):
    import libcst as cst

    from smmigrate.codemods.native_save import NativeSave

    facts = NativeSave.collect_facts(cst.parse_module(case.source), "case.py")
    assert facts, "every native_save case has an export"
    refused = any(code.startswith("SM3") for _, _, code, _ in case.diagnostics)
    assert [f.migrated for f in facts] == [not refused] * len(facts)
    migrated_output = "simple_save(" not in case.expected and "Builder(" not in case.expected
    assert migrated_output == (not refused)


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
