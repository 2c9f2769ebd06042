"""native-load: unit tests (facts from other codemods, registry, CLI) and execution tests.

Case files in tests/cases/native_load/ pin the exact rewrites and refusals. Here, TF1 programs
(tests/programs/native_load/, and the samples) run as written with TF1 semantics, then again after
the rewrite on plain TF 2.21; what they print (values, Python/NumPy types) must be equal. One TF1
process and one TF2 process serve every program (module-scoped fixture).
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from casefiles import all_cases
from conftest import fixtures_root
from progrun import run_programs

from smmigrate.codemods import REGISTRY, select
from smmigrate.codemods._facts import ExportFact, SignatureFact
from smmigrate.rewrite import rewrite_source, transform_module_source

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = Path(__file__).resolve().parent / "programs" / "native_load"
SAMPLES = ROOT / "samples"
PIPELINE = ("native-load", "compat-names")

HARDCODED = """import tensorflow as tf


def serve(export_dir, batch):
    with tf.Session(graph=tf.Graph()) as sess:
        tf.saved_model.loader.load(sess, ["serve"], export_dir)
        return sess.run(["y:0", "z:0"], feed_dict={"x:0": batch})
"""
LINEAR_SIGNATURE = SignatureFact("serving_default", {"x": "x:0"}, {"y": "y:0", "z": "z:0"})


def rewrite_with(source: str, facts, path: str = "serve.py"):
    out, diagnostics = transform_module_source(source, select(PIPELINE), path, facts)
    return out, [d.code for d in diagnostics]


def export(
    migrated: bool, path: str = "serve.py", text: str = "export_dir", value=None, signatures=(LINEAR_SIGNATURE,)
):
    return ExportFact(path, text, value, migrated, tuple(signatures), "export")


# -- unit tests ----------------------------------------------------------------------------------


def test_registered_first_with_its_own_codes():
    # only whole-api (TF 2.21 spellings, which native-load resolves like the TF1 ones) runs before it
    assert list(REGISTRY)[:2] == ["whole-api", "native-load"]
    cls = REGISTRY["native-load"]
    assert cls.ORDER == 10
    assert all(201 <= int(code[2:]) <= 249 for code in cls.CODES)


def test_every_code_is_shown_by_a_case_or_a_unit_test():
    mine = REGISTRY["native-load"].CODES
    shown = {
        code
        for case in all_cases()
        if case.path.parent.name == "native_load"
        for _, _, code, _ in case.diagnostics
        if code in mine
    }
    shown |= {"SM213", "SM214"}  # need facts from another file: test_facts_* below
    assert set(mine) == shown


def test_migrated_export_maps_names_to_signature_keys():
    out, codes = rewrite_with(HARDCODED, [export(migrated=True)])
    assert codes == []
    assert ".prune" not in out
    assert 'serving_default_fn = loaded.signatures["serving_default"]' in out
    assert "outputs = serving_default_fn(x=batch)" in out
    assert 'return [outputs["y"].numpy(), outputs["z"].numpy()]' in out


def test_export_that_stays_tf1_is_pruned_with_a_note():
    out, codes = rewrite_with(HARDCODED, [export(migrated=False)])
    assert 'pruned = loaded.prune(["x:0"], ["y:0", "z:0"])' in out
    assert codes == ["SM220"]


def test_facts_match_by_module_constant_value_across_files():
    source = 'EXPORT = "/models/linear"\n' + HARDCODED.replace('["serve"], export_dir', '["serve"], EXPORT')
    facts = [export(migrated=True, path="train.py", text="'/models/linear'", value="/models/linear")]
    out, codes = rewrite_with(source, facts)
    assert "serving_default_fn(x=" in out and codes == []
    other = [export(migrated=True, path="train.py", text="'/models/other'", value="/models/other")]
    assert ".prune(" in rewrite_with(source, other)[0]


def test_facts_of_another_file_with_the_same_text_do_not_match():
    out, _ = rewrite_with(HARDCODED, [export(migrated=True, path="elsewhere.py")])
    assert ".prune(" in out


def test_facts_export_written_by_tf1_and_tf2_code_is_refused():
    out, codes = rewrite_with(HARDCODED, [export(migrated=True), export(migrated=False)])
    assert codes == ["SM213"]
    assert "tf.compat.v1.saved_model.load(sess" in out


def test_facts_names_missing_from_the_migrated_signature_are_refused():
    other = SignatureFact("serving_default", {"x": "x:0"}, {"y": "y:0"})
    out, codes = rewrite_with(HARDCODED, [export(migrated=True, signatures=[other])])
    assert codes == ["SM214"]
    assert "sess.run(" in out


def test_refusal_changes_nothing_but_spellings_and_compat_mode():
    source = HARDCODED.replace('feed_dict={"x:0": batch}', "feed_dict=feeds")
    out, diagnostics = rewrite_source(source)
    assert [d.code for d in diagnostics] == ["SM203", "SM120"]
    assert out == (
        source.replace("tf.saved_model.loader.load", "tf.compat.v1.saved_model.load")
        .replace("tf.Session(", "tf.compat.v1.Session(")
        .replace("import tensorflow as tf\n", "import tensorflow as tf\ntf.compat.v1.disable_v2_behavior()\n")
    )


def test_native_load_alone_leaves_the_refused_site_untouched():
    source = HARDCODED.replace('feed_dict={"x:0": batch}', "feed_dict=feeds")
    assert rewrite_source(source, only=["native-load"])[0] == source


def test_libcst_command_is_available():
    from libcst.codemod import CodemodCommand

    from smmigrate.codemods import native_load

    assert issubclass(native_load.NativeLoadCommand, CodemodCommand)


def test_diff_shows_the_change_without_writing(tmp_path, capsys):
    from smmigrate.cli import main

    target = tmp_path / "serve.py"
    target.write_text(HARDCODED)
    assert main(["rewrite", "--diff", str(target)]) == 1
    out = capsys.readouterr().out
    assert '+    pruned = loaded.prune(["x:0"], ["y:0", "z:0"])' in out
    assert "-    with tf.Session(graph=tf.Graph()) as sess:" in out
    assert target.read_text() == HARDCODED


# -- execution -----------------------------------------------------------------------------------

# sample file -> (load function, value, the label its __main__ prints the loaded result with)
SAMPLE_LOADS = {
    "add_two_builder.py": ("load", "5.0", "loaded output:"),
    "add_two_simple_save.py": ("load", "[1.0, 2.0, 3.0]", "loaded output:"),
    "private_imports_style.py": ("load", "[1.0, 2.5]", "loaded:"),
}


def rewrite_file(src: Path, dest: Path, facts=None) -> str:
    code = src.read_text()
    if facts is None:
        new, _ = rewrite_source(code)
    else:
        new, _ = transform_module_source(code, select(), str(dest), facts)
    dest.write_text(new)
    return new


def without_docstring(code: str) -> str:
    tree = ast.parse(code)
    return "\n".join(
        ast.get_source_segment(code, n)
        for n in tree.body
        if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))
    )


def function_source(code: str, name: str) -> str:
    tree = ast.parse(code)
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    return ast.get_source_segment(code, node)


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Run every TF1 original and every rewrite; returns {name: (tf1 result, tf2 result, rewritten code)}."""
    pytest.importorskip("tensorflow")
    tmp = tmp_path_factory.mktemp("native_load")
    out = tmp / "rewritten"
    out.mkdir()
    scalar, linear, linear_tf2 = str(tmp / "scalar"), str(tmp / "linear"), str(tmp / "linear_tf2")

    def prog(script, *argv):
        return {"script": str(script), "cwd": str(tmp), "argv": [str(a) for a in argv]}

    tf1 = [prog(PROGRAMS / "make_models.py", scalar, linear)]
    tf2 = [prog(PROGRAMS / "save_linear_tf2.py", linear_tf2)]
    pairs: dict[str, tuple[int, int, str]] = {}

    def pair(name, original, rewritten, code, argv, argv2=None):
        tf1.append(prog(original, *argv))
        tf2.append(prog(rewritten, *(argv2 or argv)))
        pairs[name] = (len(tf1) - 1, len(tf2) - 1, code)

    for name, argv in [
        ("load_signature", [scalar, linear]),
        ("load_outputs", [linear]),
        ("load_names", [linear]),
        ("load_graph_default", [linear]),  # issue 11: the graph variable went, `with graph.as_default():` stayed
        ("load_client_class", [linear]),  # issue 12: sessions on `self`, run by other methods
        ("load_name_maps", [linear]),  # issue 12: feeds and fetches derived from the SignatureDef
        ("load_session_config", [linear]),  # issue 12: a session's config -> tf.config calls
        ("load_passed_session", [linear]),  # issue 12: sessions passed into load and run helpers
        ("load_loop_maps", [linear]),  # issue 12: feed/fetch dicts filled in loops, the SignatureDef map
        ("load_returned_session", [linear]),  # issue 12: a loading function returning its session
    ]:
        src, dest = PROGRAMS / f"{name}.py", out / f"{name}.py"
        pair(name, src, dest, without_docstring(rewrite_file(src, dest)), argv)
    # the export stays TF1 code (native-load alone), so its variables are reference variables
    src, dest = PROGRAMS / "load_variables.py", out / "load_variables.py"
    dest.write_text(rewrite_source(src.read_text(), only=["native-load"])[0])
    variables = str(tmp / "variables")
    pair(
        "load_variables",
        src,
        dest,
        function_source(dest.read_text(), "load"),
        [variables, "export"],
        [variables, "load"],
    )
    # issue 12: a script's export (directory from the one call of its function) and hard-coded-name
    # reads of its variables; each run writes the model in a working directory of its own
    src, dest = PROGRAMS / "load_migrated_variables.py", out / "load_migrated_variables.py"
    code = rewrite_file(src, dest)
    for side in ("tf1", "tf2"):
        (tmp / f"migrated_{side}").mkdir()
    tf1.append({"script": str(src), "cwd": str(tmp / "migrated_tf1"), "argv": []})
    tf2.append({"script": str(dest), "cwd": str(tmp / "migrated_tf2"), "argv": []})
    pairs["load_migrated_variables"] = (len(tf1) - 1, len(tf2) - 1, without_docstring(code))
    src, dest = PROGRAMS / "load_names.py", out / "load_names_migrated.py"
    facts = [ExportFact(str(dest), "export_dir", None, True, (LINEAR_SIGNATURE,), "export")]
    pair("load_names_migrated", src, dest, without_docstring(rewrite_file(src, dest, facts)), [linear], [linear_tf2])
    # the trap: `.prune` on a TF2 export fails, which is why facts decide
    tf2.append(prog(out / "load_names.py", linear_tf2))
    trap = len(tf2) - 1

    # issue 12: re-exports with a head over a base this file exports (migrated too); the written
    # SavedModels are compared by smmigrate.verify after the TF2 run
    src, dest = PROGRAMS / "reexport_head.py", out / "reexport_head.py"
    code = rewrite_file(src, dest)
    for side in ("tf1", "tf2"):
        (tmp / f"reexport_{side}").mkdir()
    pair("reexport_head", src, dest, without_docstring(code), [tmp / "reexport_tf1"], [tmp / "reexport_tf2"])
    verified = {}
    for model in ("head_builder", "head_simple"):
        tf2.append(
            prog(
                PROGRAMS.parent / "keras" / "verify_pair.py", tmp / "reexport_tf1" / model, tmp / "reexport_tf2" / model
            )
        )
        verified[f"verify_{model}"] = len(tf2) - 1

    fixture = fixtures_root() / "tf-serving" / "saved_model_half_plus_two_cpu"
    if fixture.is_dir():
        copy = tmp / "half_plus_two"
        shutil.copytree(fixture, copy)
        src, dest = PROGRAMS / "load_half_plus_two.py", out / "load_half_plus_two.py"
        pair("half_plus_two", src, dest, without_docstring(rewrite_file(src, dest)), [copy])

    for sample, (function, value, label) in SAMPLE_LOADS.items():
        export_dir = tmp / f"sample_{Path(sample).stem}"
        dest = out / sample
        code = rewrite_file(SAMPLES / sample, dest)
        tf1.append(prog(SAMPLES / sample, export_dir))
        tf2.append(prog(PROGRAMS / "drive_sample.py", dest, function, export_dir, value, label))
        pairs[sample] = (len(tf1) - 1, len(tf2) - 1, function_source(code, function))

    first = run_programs("tf1", tf1)  # writes the exports the TF2 programs read
    assert first[0]["error"] is None, first[0]["error"]
    second = run_programs("tf2", tf2)
    assert second[0]["error"] is None, second[0]["error"]
    results = {name: (first[i], second[j], code) for name, (i, j, code) in pairs.items()}
    results["trap"] = (None, second[trap], "")
    for name, index in verified.items():
        results[name] = (None, second[index], "")
    return results


def _check(executed, name, select_lines=None):
    if name not in executed:
        pytest.skip(f"{name} not run (fixture missing: set SMMIGRATE_FIXTURES)")
    tf1, tf2, code = executed[name]
    assert tf1["error"] is None, tf1["error"]
    assert tf2["error"] is None, f"rewritten program failed:\n{tf2['error']}\n--- rewritten code:\n{code}"
    expected = tf1["stdout"]
    if select_lines:
        expected = "".join(line for line in expected.splitlines(keepends=True) if line.startswith(select_lines))
    assert expected.strip(), "the TF1 program printed nothing to compare"
    assert tf2["stdout"] == expected
    for gone in ("Session", "loader.load", "compat.v1", "sess.run"):
        assert gone not in code, f"{gone!r} left in the migrated code:\n{code}"


@pytest.mark.parametrize(
    "name",
    [
        "load_signature",
        "load_outputs",
        "load_names",
        "load_names_migrated",
        "load_graph_default",
        "load_client_class",
        "load_name_maps",
        "load_session_config",
        "load_passed_session",
        "load_loop_maps",
        "load_returned_session",
        "reexport_head",
        "load_variables",
        "load_migrated_variables",
    ],
)
def test_rewritten_program_prints_the_same(executed, name):
    _check(executed, name)


def test_passed_sessions_become_signature_functions(executed):
    code = executed["load_passed_session"][2]
    assert "def load_model(export_dir):" in code and "def predict(signature, batch):" in code
    assert "def _load(export_dir):" in code and "def _both(sig, batch):" in code
    assert 'return loaded.signatures["serving_default"]' in code
    assert "signature = load_model(sys.argv[1])" in code and "_load(export_dir)" in code
    assert "tf.config.threading.set_intra_op_parallelism_threads(1)" in code
    assert executed["load_passed_session"][1]["stdout"].count("array(") == 5


def test_returned_session_becomes_the_loaded_object(executed):
    code = executed["load_returned_session"][2]
    assert "return loaded, signature, export_dir" in code and "session.close()" not in code
    assert "fetches = [name for name in names]" in code
    assert "first, second = [outputs[key].numpy() for key in fetches]" in code
    assert executed["load_returned_session"][1]["stdout"].count("array(") == 3


def test_loop_filled_dicts_are_keyed_by_signature_keys(executed):
    code = executed["load_loop_maps"][2]
    assert "input_tensor = name" in code and "feed_dict[input_tensor] = data[name]" in code
    assert "output_dict[name] = name" in code
    assert "for key, info in sig.structured_input_signature[1].items():" in code
    assert "outputs = signature_fn(**feed_dict)" in code and "signatures = " not in code
    assert executed["load_loop_maps"][1]["stdout"].count("array(") == 3


def test_reexport_with_head_serves_the_same(executed):
    code = executed["reexport_head"][2]
    assert code.count("export_module.loaded = loaded") == 2 and "def head(x):" in code
    assert 'tf.TensorSpec.from_spec(sig.structured_input_signature[1]["x"], name="x")' in code
    assert "def serving_default_signature(features):" in code  # the re-export's own input key
    for model in ("head_builder", "head_simple"):
        result = executed[f"verify_{model}"][1]
        assert result["error"] is None, result["error"]
        assert "equivalent: True" in result["stdout"], result["stdout"]
        assert "serving_default" in result["stdout"], result["stdout"]


def test_scalar_outputs_stay_numpy_scalars(executed):
    tf2 = executed["load_signature"][1]["stdout"]
    assert "scalar float: np.float32(3.5) float32" in tf2
    assert "linear int list: array([[3.],\n       [5.]], dtype=float32) ndarray" in tf2


def test_graph_default_shapes_all_become_native(executed):
    code = executed["load_graph_default"][2]
    tree = ast.parse(code)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    used |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert not used & {"graph", "sess", "as_default", "get_tensor_by_name", "Graph"}, code
    assert executed["load_graph_default"][1]["stdout"].count("array(") == 5


def test_session_members_become_loaded_members(executed):
    code = executed["load_client_class"][2]
    assert code.count("self.loaded = tf.saved_model.load(") == 3
    assert "self.signature_fn = self.loaded.signatures[signature_key]" in code
    assert "self.pruned = self.loaded.prune(" in code
    assert "self.sess" not in code and "self.graph" not in code
    assert executed["load_client_class"][1]["stdout"].count("ndarray") == 4


def test_name_maps_become_key_maps(executed):
    code = executed["load_name_maps"][2]
    assert "feeds = {k: k for k in signature.structured_input_signature[1]}" in code
    assert "result = {key: outputs[value].numpy() for key, value in fetches.items()}" in code
    assert ".name" not in code and ".prune(" not in code
    assert "(in_name,) = list(sig.structured_input_signature[1])" in code
    assert executed["load_name_maps"][1]["stdout"].count("ndarray") == 5


def test_variable_reads_are_pruned_at_their_read_identity(executed):
    code = executed["load_variables"][2]
    assert 'loaded.prune([], "dense/kernel/read:0")' in code
    assert 'loaded.prune([], ["dense/bias/read:0", "scale/factor/read:0"])' in code
    assert "factor np.float32(3.0) float32" in executed["load_variables"][1]["stdout"]


def test_variables_of_a_migrated_export_are_read_from_the_loaded_module(executed):
    code = executed["load_migrated_variables"][2]
    # the export went native (its directory known from the one call of `export`), so did the load
    assert "tf.saved_model.save(module, path" in code and ".prune(" not in code
    assert "kernel = loaded.kernel.numpy()" in code
    assert "both = [loaded.kernel.numpy(), loaded.factor.numpy()]" in code
    assert 'serving_default_fn(x=np.ones((1, 2), np.float32))["y"]' in code
    assert (
        "both [array([[1., 2.],\n       [3., 4.]], dtype=float32), np.float32(3.0)] list float32"
        in (executed["load_migrated_variables"][1]["stdout"])
    )


def test_names_are_pruned_or_mapped_by_facts(executed):
    assert ".prune(" in executed["load_names"][2]
    assert ".prune(" not in executed["load_names_migrated"][2]
    trap = executed["trap"][1]["error"]
    assert trap is not None and "prune" in trap


def test_tf_serving_half_plus_two(executed):
    _check(executed, "half_plus_two")
    assert "regress: array([[2.5],\n       [3.5]], dtype=float32) ndarray" in executed["half_plus_two"][1]["stdout"]


@pytest.mark.parametrize("sample", sorted(SAMPLE_LOADS))
def test_sample_load_rewritten(executed, sample):
    _check(executed, sample, select_lines=SAMPLE_LOADS[sample][2])
