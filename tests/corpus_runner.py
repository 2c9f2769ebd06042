"""Run the acceptance corpus (tests/corpus/) as TF1 and, after `smmigrate rewrite`, on plain TF 2.21.

For every program folder of the corpus the runner makes two copies in a temporary folder: A (the
original) and B, which it rewrites in-process with every codemod (`smmigrate.rewrite_paths`, one
call per program so each is its own project). It then runs, each batch in one TensorFlow process
(tests/progrun.py): every A in ``tf1`` mode, and every B in ``tf2`` mode, the B programs whose
rewritten files switch the process to graph mode (``disable_v2_behavior`` /
``disable_eager_execution``) in a process of their own so the switch cannot leak into native
programs. Each program runs in its own copy as working directory. Finally one process compares
every SavedModel the programs wrote (``saved_model.pb`` under the program's folder, matched by
relative path) with `smmigrate.verify` (signature keys, input/output keys, dtypes, method names
strictly, outputs on the same generated inputs), and the printed stdout of A and B is compared
number by number (rtol 1e-5, atol 1e-6) with the text between numbers equal up to whitespace.
What keras-save's `model.export` adds is allowed for, and nothing else: its stdout report is left
out, and for a program whose rewrite reports SM605 a lone renamed input/output key is paired
across the two SavedModels (`_renamed_keys_diff`; tests/corpus/README.md says why).

`python tests/corpus_runner.py [--write-table] [NAMES...]` prints one row per program (see
`format_table`); ``--write-table`` also writes tests/corpus/RESULTS.md. Exit code 0 when every
program runs and matches after the rewrite, 1 otherwise. From tests: `run_corpus(names)`.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"
RESULTS = CORPUS / "RESULTS.md"

sys.path.insert(0, str(HERE))
from progrun import notebook_source, run_programs  # noqa: E402

from smmigrate.codemods.compat_mode import _eager_optimizer, _parents  # noqa: E402
from smmigrate.codemods.exports.tables import OPTIMIZER_PATH  # noqa: E402
from smmigrate.codes import CODES, Severity  # noqa: E402

RTOL, ATOL = 1e-5, 1e-6
# Diagnostic codes that only inform (e.g. "this module runs in TF1 compatibility mode"; severity
# "note" in smmigrate/codes.py): a program whose diagnostics are all among these is not counted as "reported".
NOTE_CODES: frozenset[str] = frozenset(code for code, entry in CODES.items() if entry.severity is Severity.NOTE)

GRAPH_SWITCHES = ("disable_v2_behavior", "disable_eager_execution")
# TF1's Python-side helpers (flags, app.run, logging, file I/O): `tf.compat.v1.app.run(main)` is TF1
# API but not graph code. Counted in the residue column on their own; they do not make B "compat".
PYTHON_HELPERS = frozenset({"app", "flags", "logging", "gfile"})
# TF's own editor of a written SavedModel's method names (TF 2.21 has it only under compat.v1; TF2
# saving writes every signature as predict, so native classify/regress exports end with it): it
# rewrites saved_model.pb after tf.saved_model.save, in plain TF2 code. Counted with the helpers.
SAVED_MODEL_EDITORS = ("saved_model.signature_def_utils.MethodNameUpdater",)
HELPER_RESIDUE = "compat.v1 Python helpers"
# A TF1 optimizer used only eagerly (`opt.apply_gradients(...)` in a GradientTape step, or
# `opt.minimize(lambda: loss)`): the issue's own target for replayed training ("GradientTape, or the
# optimizer's eager minimize(callable)"), kept because it reaches TF1's weights bit for bit where
# Keras 3's optimizers differ in the last bits. compat-mode does not count it as graph code either
# (`compat_mode._eager_optimizer`); counted on its own, it does not make B "compat".
EAGER_OPTIMIZER_RESIDUE = "compat.v1 optimizer used eagerly"
NOT_GRAPH_CODE = (HELPER_RESIDUE, EAGER_OPTIMIZER_RESIDUE)
SESSION_NAMES = ("Session", "InteractiveSession", "placeholder")
# Other TF1-only graph APIs (TF 2.21 has them only under tf.compat.v1): a program using any of them
# still builds graphs, so it is not native even when no Session/placeholder is left.
GRAPH_APIS = frozenset(
    {
        "get_variable",
        "variable_scope",
        "global_variables_initializer",
        "local_variables_initializer",
        "tables_initializer",
        "reset_default_graph",
        "get_default_graph",
        "add_to_collection",
        "get_collection",
        "set_random_seed",
        "Saver",
        "make_one_shot_iterator",
        "import_graph_def",
        "convert_variables_to_constants",
        "parse_example",
        "loader",
        "SavedModelBuilder",
        "simple_save",
    }
)


# ---------------------------------------------------------------------------------------------
# The corpus


@dataclass
class Program:
    name: str
    folder: Path
    entry: str
    argv: list = field(default_factory=list)
    needs: list = field(default_factory=list)


def discover(names=None) -> list[Program]:
    """The corpus programs (all, or those named), in name order."""
    found = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if names and folder.name not in names:
            continue
        cfg_path = folder / "corpus.json"
        cfg = json.loads(cfg_path.read_text()) if cfg_path.exists() else {}
        entry = cfg.get("entry") or ("main.ipynb" if (folder / "main.ipynb").exists() else "main.py")
        found.append(Program(folder.name, folder, entry, list(cfg.get("argv", [])), list(cfg.get("needs", []))))
    if names:
        missing = set(names) - {p.name for p in found}
        if missing:
            raise SystemExit(f"corpus_runner: no such program: {', '.join(sorted(missing))}")
    return found


def program_sources(folder: Path) -> dict[str, str]:
    """Python source of every .py file and notebook (code cells, magics dropped) under `folder`."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        rel = path.relative_to(folder).as_posix()
        if path.suffix == ".py":
            out[rel] = path.read_text(encoding="utf-8")
        elif path.suffix == ".ipynb":
            out[rel] = "".join(notebook_source(str(path)))
    return out


# ---------------------------------------------------------------------------------------------
# What is left of TF1 in a program


def _dotted(node) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


# GRAPH_APIS names that TF 2.21 also has under the parent module here (`tf.io.parse_example`)
TF2_HOMES = {"parse_example": "io"}


def _tf2_spelling(node: ast.Attribute) -> bool:
    home = TF2_HOMES.get(node.attr)
    return home is not None and _dotted(node.value).split(".")[-1] == home and "compat" not in _dotted(node.value)


def residue(sources: dict[str, str]) -> Counter:
    """Counts of TF1 spellings: ``compat.v1`` uses, graph-mode switches, Session/placeholder uses,
    and uses of the other TF1-only graph APIs (`GRAPH_APIS`, ``tf.layers``)."""
    counts: Counter = Counter()
    for text in sources.values():
        try:
            tree = ast.parse(text)
        except SyntaxError:
            counts["unparsable"] += 1
            continue
        helpers = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in PYTHON_HELPERS}
        parents = _parents(tree)
        eager = {
            id(_v1_node(n))
            for n in ast.walk(tree)
            if isinstance(n, ast.Attribute)
            and OPTIMIZER_PATH.match(_dotted(n).split("compat.v1.", 1)[-1])
            and "compat.v1." in _dotted(n)
            and _eager_optimizer(n, parents)
        }
        for n in ast.walk(tree):
            dotted = _dotted(n) if isinstance(n, ast.Attribute) else ""
            if any(dotted.endswith("compat.v1." + editor) for editor in SAVED_MODEL_EDITORS):
                helpers.add(id(_v1_node(n)))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                if node.attr == "v1" and _dotted(node.value).endswith("compat"):
                    kind = EAGER_OPTIMIZER_RESIDUE if id(node) in eager else "compat.v1"
                    counts[HELPER_RESIDUE if id(node) in helpers else kind] += 1
                if node.attr in GRAPH_SWITCHES:
                    counts["graph switch"] += 1
                if node.attr in SESSION_NAMES:
                    counts["Session/placeholder"] += 1
                elif (node.attr in GRAPH_APIS and not _tf2_spelling(node)) or (
                    node.attr == "layers" and _dotted(node.value).endswith("tf")
                ):
                    counts["other TF1 graph API"] += 1
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                mod = node.module if isinstance(node, ast.ImportFrom) else None
                names = [a.name for a in node.names]
                for full in [mod or ""] + ([f"{mod}.{n}" for n in names] if mod else names):
                    if re.search(r"(^|\.)compat\.v1($|\.)", full):
                        counts["compat.v1"] += 1
                        break
                if isinstance(node, ast.ImportFrom):
                    for n in names:
                        if n in GRAPH_SWITCHES:
                            counts["graph switch"] += 1
                        elif n in SESSION_NAMES:
                            counts["Session/placeholder"] += 1
    return counts


def _v1_node(node: ast.Attribute) -> ast.AST:
    """The `....compat.v1` attribute inside a `....compat.v1.train.X` chain."""
    inner: ast.AST = node
    while isinstance(inner, ast.Attribute) and not (inner.attr == "v1" and _dotted(inner.value).endswith("compat")):
        inner = inner.value
    return inner


def switches_graph_mode(sources: dict[str, str]) -> bool:
    """A call of a graph-mode switch anywhere in the program (not the word in a docstring)."""
    for text in sources.values():
        try:
            tree = ast.parse(text)
        except SyntaxError:
            return True  # cannot tell: run it apart from the native programs
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name in GRAPH_SWITCHES:
                    return True
    return False


# ---------------------------------------------------------------------------------------------
# Comparing what the programs printed

_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)\b")


def split_numbers(text: str) -> tuple[list[str], list[float]]:
    """The text between numbers (whitespace removed) and the numbers, in order."""
    parts, numbers, pos = [], [], 0
    for m in _NUMBER.finditer(text):
        parts.append(re.sub(r"\s+", "", text[pos : m.start()]))
        numbers.append(float(m.group()))
        pos = m.end()
    parts.append(re.sub(r"\s+", "", text[pos:]))
    return parts, numbers


# Keras 3's `model.export` prints what it wrote on stdout (Keras 2's `model.save` logged nothing
# there): "Saved artifact at 'DIR'. The following endpoints are available:", then the endpoints,
# their argument and output specs and the ids of captured resources. It is a report of the rewrite's
# own call, not a result of the program, so it is left out of the comparison.
_EXPORT_REPORT = re.compile(r"^Saved artifact at '.*'\. The following endpoints are available:$")
_EXPORT_REPORT_BODY = re.compile(r"^(|\* Endpoint .*|  .*|Output Type:|Captures:)$")


def without_export_reports(text: str) -> str:
    """`text` without the blocks Keras 3's `model.export` prints."""
    kept, inside = [], False
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\n")
        if _EXPORT_REPORT.match(bare):
            inside = True
            continue
        if inside and _EXPORT_REPORT_BODY.match(bare):
            continue
        inside = False
        kept.append(line)
    return "".join(kept)


def compare_stdout(a: str, b: str) -> str | None:
    """None when equal; else what differs first."""
    ta, na = split_numbers(without_export_reports(a))
    tb, nb = split_numbers(without_export_reports(b))
    for i, (x, y) in enumerate(zip(na, nb, strict=False)):
        same = (math.isnan(x) and math.isnan(y)) or math.isclose(y, x, rel_tol=RTOL, abs_tol=ATOL)
        if not same:
            return f"number #{i + 1}: A={x!r} B={y!r}"
    if len(na) != len(nb):
        return f"A printed {len(na)} numbers, B {len(nb)}"
    for x, y in zip(ta, tb, strict=True):
        if x != y:
            return f"text: A {x[:60]!r} B {y[:60]!r}"
    return None


# ---------------------------------------------------------------------------------------------
# Running


@dataclass
class Row:
    name: str
    run_a: bool = False
    run_b: bool = False
    error_a: str | None = None
    error_b: str | None = None
    error_site: str = ""  # file:line in B where the error was raised
    stdout_a: str = ""
    stdout_b: str = ""
    stdout_diff: str | None = None  # None: equal
    models: dict = field(default_factory=dict)  # relative path -> None (equal) or what differs
    mode: str = "?"
    graph_switch: bool = False
    diagnostics: Counter = field(default_factory=Counter)
    diagnostic_lines: list = field(default_factory=list)
    residue: Counter = field(default_factory=Counter)
    rewrite_failures: list = field(default_factory=list)

    @property
    def stdout_equal(self) -> bool:
        return self.run_a and self.run_b and self.stdout_diff is None

    @property
    def models_equal(self) -> bool:
        return self.run_a and self.run_b and all(v is None for v in self.models.values())

    @property
    def ok(self) -> bool:
        return self.stdout_equal and self.models_equal

    def first_problem(self) -> str:
        if not self.run_a:
            return "TF1 original fails: " + first_error_line(self.error_a)
        if not self.run_b:
            return first_error_line(self.error_b)
        if self.stdout_diff:
            return "stdout differs, " + self.stdout_diff
        for rel, diff in sorted(self.models.items()):
            if diff is not None:
                return f"SavedModel {rel}: {diff}"
        return ""


def first_error_line(tb: str | None) -> str:
    """The exception line of a traceback (its last non-empty line)."""
    if not tb:
        return ""
    lines = [ln for ln in tb.strip().splitlines() if ln.strip()]
    return lines[-1].strip() if lines else ""


def error_site(tb: str | None, base: Path) -> str:
    """`file:line` of the innermost traceback frame inside the program's copy."""
    site = ""
    for m in re.finditer(r'File "([^"]+)", line (\d+)', tb or ""):
        path = Path(m.group(1).split("#cell")[0])
        cell = m.group(1).split("#", 1)[1] if "#cell" in m.group(1) else ""
        try:
            rel = path.resolve().relative_to(base.resolve())
        except ValueError:
            continue
        site = f"{Path(*rel.parts[1:]).as_posix()}{'#' + cell if cell else ''}:{m.group(2)}"
    return site


def _rewrite(program: Program, folder: Path, row: Row) -> None:
    from smmigrate import RewriteOptions, rewrite_paths

    for res in rewrite_paths([str(folder)], RewriteOptions(), jobs=1):
        rel = Path(res.path).relative_to(folder).as_posix()
        for d in res.diagnostics:
            row.diagnostics[d.code] += 1
            row.diagnostic_lines.append(f"{rel}:{d.line}: {d.code} {d.message}")
        if res.status == "failed":
            row.rewrite_failures.append(f"{rel}: {res.error}")


def _run_batch(mode: str, batch: list[tuple[Row, dict]]) -> list[dict]:
    if not batch:
        return []
    try:
        return run_programs(mode, [spec for _, spec in batch])
    except (RuntimeError, subprocess.TimeoutExpired) as exc:  # the whole process died
        return [{"stdout": "", "error": f"runner process failed: {exc}"} for _ in batch]


def _saved_models(folder: Path) -> list[str]:
    return sorted(p.parent.relative_to(folder).as_posix() for p in folder.rglob("saved_model.pb"))


def _verify_all(pairs: list[dict]) -> list[dict]:
    """Compare SavedModel pairs in one TensorFlow process (this file's `--verify SPEC` mode)."""
    if not pairs:
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(pairs, fh)
        spec = fh.name
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONHASHSEED": "0"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("TF_USE_LEGACY_KERAS", None)
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--verify", spec], capture_output=True, text=True, timeout=900, env=env
        )
    finally:
        os.unlink(spec)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return [{"diff": f"verify process failed (exit {proc.returncode}): {proc.stderr[-500:]}"} for _ in pairs]
    return json.loads(lines[-1])


def _verify_main(spec_path: str) -> None:
    import gc

    import smmigrate

    out = []
    for pair in json.loads(Path(spec_path).read_text()):
        try:
            report = smmigrate.verify(pair["a"], pair["b"], strict_method_names=True, rtol=RTOL, atol=ATOL)
            if report.equivalent:
                out.append({"diff": None})
            else:
                bad = [s for s in report.signatures if not s.ok]
                why = "; ".join(f"{s.key}: {s.status} ({'; '.join(map(str, s.problems))[:200]})" for s in bad)
                if not why:
                    out.append({"diff": "no signatures to compare"})
                elif pair.get("keras_export") and _only_key_renames(bad):
                    out.append({"diff": _renamed_keys_diff(pair["a"], pair["b"], bad) or None})
                else:
                    out.append({"diff": why})
        except Exception as exc:  # noqa: BLE001 - one bad model must not hide the others' verdicts
            out.append({"diff": f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"})
        del pair
        gc.collect()
    sys.stdout.write("\n" + json.dumps(out) + "\n")


def _only_key_renames(bad) -> bool:
    return all(str(p).startswith(("input keys differ", "output keys differ")) for s in bad for p in s.problems)


def _renamed_keys_diff(a: str, b: str, bad) -> str:
    """What keras-save promises with SM605, checked for the signatures whose keys differ: Keras 3's
    `model.export` keys a single output `output_0` and an unnamed single input `keras_tensor_N`
    where Keras 2 used layer names, so a lone input/output is paired with B's lone one (keys that
    match are paired by name), dtypes must agree and the outputs must be equal on the same seeded
    inputs. "" when they are; else what differs."""
    import numpy as np
    import tensorflow as tf

    la, lb = tf.saved_model.load(a), tf.saved_model.load(b)
    for sig in bad:
        fa, fb = la.signatures[sig.key], lb.signatures[sig.key]
        ins = _pair_keys(fa.structured_input_signature[1], fb.structured_input_signature[1])
        outs = _pair_keys(fa.structured_outputs, fb.structured_outputs)
        if ins is None or outs is None:
            return f"{sig.key}: keys differ beyond a lone input/output renamed by Keras 3 ({sig.problems[0]})"
        rng = np.random.default_rng(0)
        feeds_a, feeds_b = {}, {}
        for ka, kb in ins:
            spec_a, spec_b = fa.structured_input_signature[1][ka], fb.structured_input_signature[1][kb]
            if spec_a.dtype != spec_b.dtype:
                return f"{sig.key}: input {ka!r}/{kb!r}: {spec_a.dtype.name} vs {spec_b.dtype.name}"
            if not spec_a.dtype.is_floating:  # Keras models here take floats; others go to verify's rules
                return f"{sig.key}: input {ka!r} is {spec_a.dtype.name}; only float inputs are paired across renames"
            shape = [2 if d is None else d for d in spec_a.shape.as_list()]
            value = rng.uniform(-1.0, 1.0, size=shape)
            feeds_a[ka], feeds_b[kb] = tf.constant(value, spec_a.dtype), tf.constant(value, spec_b.dtype)
        ra, rb = fa(**feeds_a), fb(**feeds_b)
        for ka, kb in outs:
            va, vb = ra[ka].numpy(), rb[kb].numpy()
            if va.dtype != vb.dtype or va.shape != vb.shape or not np.allclose(va, vb, rtol=RTOL, atol=ATOL):
                return f"{sig.key}: output {ka!r} vs {kb!r}: values, dtypes or shapes differ"
    return ""


def _pair_keys(a: dict, b: dict) -> list[tuple[str, str]] | None:
    if set(a) == set(b):
        return [(k, k) for k in sorted(a)]
    if len(a) == 1 and len(b) == 1:
        return [(next(iter(a)), next(iter(b)))]
    return None


def run_corpus(names=None, workdir: Path | None = None, log=None) -> tuple[list[Row], dict]:
    """Run the corpus; returns the rows and timings (seconds per phase)."""
    programs = discover(names)
    own_tmp = workdir is None
    base = Path(tempfile.mkdtemp(prefix="corpus-")) if own_tmp else Path(workdir)
    timings: dict[str, float] = {}
    t_start = time.perf_counter()
    try:
        rows, tf1, tf2_native, tf2_graph = [], [], [], []
        for prog in programs:
            row = Row(prog.name)
            a, b = base / "A" / prog.name, base / "B" / prog.name
            shutil.copytree(prog.folder, a, ignore=shutil.ignore_patterns("__pycache__", "corpus.json"))
            shutil.copytree(prog.folder, b, ignore=shutil.ignore_patterns("__pycache__", "corpus.json"))
            tf1.append((row, {"script": str(a / prog.entry), "cwd": str(a), "argv": prog.argv}))
            rows.append(row)

        # The originals run in a TensorFlow process while this process rewrites the copies (the
        # rewrite never imports TensorFlow): the two overlap on two cores.
        with ThreadPoolExecutor(max_workers=1) as pool:
            t_tf1 = time.perf_counter()
            tf1_future = pool.submit(_run_batch, "tf1", tf1)
            t0 = time.perf_counter()
            for prog, row in zip(programs, rows, strict=True):
                b = base / "B" / prog.name
                _rewrite(prog, b, row)
                sources = program_sources(b)
                row.residue = residue(sources)
                row.graph_switch = switches_graph_mode(sources)
                spec = {"script": str(b / prog.entry), "cwd": str(b), "argv": prog.argv}
                (tf2_graph if row.graph_switch else tf2_native).append((row, spec))
            timings["rewrite"] = time.perf_counter() - t0
            for prog, (row, _), res in zip(programs, tf1, tf1_future.result(), strict=True):
                row.run_a, row.error_a, row.stdout_a = res["error"] is None, res["error"], res["stdout"]
                missing = [pkg for pkg in prog.needs if importlib.util.find_spec(pkg) is None]
                if res["error"] and missing:
                    hint = f"needs the {', '.join(missing)} package (pip install -r requirements-dev.txt)"
                    row.error_a = f"{res['error']}\n{hint}"
            timings["tf1"] = time.perf_counter() - t_tf1
        if log:
            log(f"rewrite: {len(rows)} programs in {timings['rewrite']:.1f}s (overlapping the tf1 run)")
            log(f"tf1: {len(tf1)} programs in {timings['tf1']:.1f}s")

        for phase, batch in (("tf2", tf2_native), ("tf2 graph", tf2_graph)):
            t0 = time.perf_counter()
            for (row, _), res in zip(batch, _run_batch("tf2", batch), strict=True):
                row.run_b, row.error_b, row.stdout_b = res["error"] is None, res["error"], res["stdout"]
                if res["error"]:
                    row.error_site = error_site(res["error"], base / "B")
            timings[phase] = time.perf_counter() - t0
            if log:
                log(f"{phase}: {len(batch)} programs in {timings[phase]:.1f}s")

        pairs, owners = [], []
        for row in rows:
            if not (row.run_a and row.run_b):
                continue
            row.stdout_diff = compare_stdout(row.stdout_a, row.stdout_b)
            ma, mb = _saved_models(base / "A" / row.name), _saved_models(base / "B" / row.name)
            for rel in sorted(set(ma) | set(mb)):
                if rel not in mb:
                    row.models[rel] = "not written by B"
                elif rel not in ma:
                    row.models[rel] = "written only by B"
                else:
                    row.models[rel] = "?"
                    pair = {"a": str(base / "A" / row.name / rel), "b": str(base / "B" / row.name / rel)}
                    # SM605: keras-save wrote it with Keras 3's `model.export`, whose lone input and
                    # output keys follow Keras 3 naming; compare what that rewrite promises
                    pair["keras_export"] = "SM605" in row.diagnostics
                    pairs.append(pair)
                    owners.append((row, rel))
        t0 = time.perf_counter()
        for (row, rel), verdict in zip(owners, _verify_all(pairs), strict=True):
            row.models[rel] = verdict["diff"]
        timings["verify"] = time.perf_counter() - t0
        if log:
            log(f"verify: {len(pairs)} SavedModel pairs in {timings['verify']:.1f}s")

        for row in rows:
            graph_code = sum(n for kind, n in row.residue.items() if kind not in NOT_GRAPH_CODE)
            if set(row.diagnostics) - NOTE_CODES or row.rewrite_failures:
                row.mode = "reported"
            elif graph_code:
                row.mode = "compat"
            else:
                row.mode = "native"
        timings["total"] = time.perf_counter() - t_start
        return rows, timings
    finally:
        if own_tmp:
            shutil.rmtree(base, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# The table


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def _counter(c: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(c.items()) if v) or "-"


def table_rows(rows: list[Row]) -> list[list[str]]:
    header = [
        "program",
        "runs A/B",
        "equal stdout",
        "equal SavedModels",
        "mode of B",
        "diagnostics",
        "TF1 residue in B",
    ]
    out = [header]
    for r in rows:
        runs = f"{_yes(r.run_a)}/{_yes(r.run_b)}"
        stdout = _yes(r.stdout_equal) if r.run_a and r.run_b else "-"
        if not (r.run_a and r.run_b):
            models = "-"
        elif not r.models:
            models = "none written"
        else:
            models = f"{sum(v is None for v in r.models.values())}/{len(r.models)}"
        out.append([r.name, runs, stdout, models, r.mode, _counter(r.diagnostics), _counter(r.residue)])
    n = len(rows)
    total_diag: Counter = Counter()
    total_res: Counter = Counter()
    for r in rows:
        total_diag.update(r.diagnostics)
        total_res.update(r.residue)
    modes = Counter(r.mode for r in rows)
    out.append(
        [
            f"TOTAL ({n})",
            f"{sum(r.run_a for r in rows)}/{sum(r.run_b for r in rows)}",
            str(sum(r.stdout_equal for r in rows)),
            str(sum(r.models_equal for r in rows)),
            ", ".join(f"{k} {v}" for k, v in sorted(modes.items())),
            _counter(total_diag),
            _counter(total_res),
        ]
    )
    return out


def format_table(rows: list[Row]) -> str:
    data = table_rows(rows)
    widths = [max(len(r[i]) for r in data) for i in range(len(data[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in data]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(-1, lines[1])
    return "\n".join(lines)


def failures_by_cause(rows: list[Row]) -> dict[str, list[str]]:
    """Failing programs grouped by their first problem (error line or first difference)."""
    groups: dict[str, list[str]] = {}
    for r in rows:
        if r.ok:
            continue
        problem = r.first_problem()
        if r.run_a and not r.run_b:
            key, who = problem, r.name + (f" ({r.error_site})" if r.error_site else "")
        else:
            key, who = re.sub(r"#\d+|A=.*", "", problem).strip(), f"{r.name}: {problem}"
        groups.setdefault(key, []).append(who)
    return groups


def markdown(rows: list[Row], timings: dict) -> str:
    data = table_rows(rows)
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    today = datetime.date.today().isoformat()
    lines = [
        "# Acceptance corpus: results",
        "",
        f"Run on {today} with smmigrate at commit `{commit or 'unknown'}` "
        f"(`python tests/corpus_runner.py --write-table`; {timings.get('total', 0):.0f} s wall time).",
        "A = the TF1 original run as TF1 (tests/progrun.py mode `tf1`); B = after `smmigrate rewrite` "
        "(all codemods) on plain TF 2.21. *mode of B*: native = no TF1 graph code left; compat = TF1 graph "
        "code or a graph-mode switch left, no diagnostics; reported = diagnostics needing manual work. "
        "*TF1 residue*: `compat.v1` spellings, graph-mode switches, Session/InteractiveSession/placeholder uses, "
        "other TF1-only graph APIs (get_variable, variable_scope, initializers, Saver, tf.layers, loader, ...); "
        "`compat.v1` spellings of TF1's Python-side helpers (`app`, `flags`, `logging`, `gfile`, and "
        "`MethodNameUpdater`, TF's editor of a written SavedModel's method names) are counted apart and do not "
        "make B compat: they are not graph code. Nor does a TF1 optimizer used only eagerly "
        "(`opt.apply_gradients(...)` in a GradientTape step, `opt.minimize(lambda: ...)`; counted as "
        '"compat.v1 optimizer used eagerly"): the issue\'s target for replayed training, kept because it '
        "reaches TF1's weights bit for bit where Keras 3's optimizers differ in the last bits.",
        "",
        "| " + " | ".join(data[0]) + " |",
        "|" + "---|" * len(data[0]),
    ]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in data[1:-1]]
    lines.append("| " + " | ".join(f"**{c}**" for c in data[-1]) + " |")
    groups = failures_by_cause(rows)
    if groups:
        lines += ["", "## Why programs fail after the rewrite (first problem, grouped)", ""]
        for cause, who in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append(f"- `{cause}` ({len(who)}): " + ", ".join(who))
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="corpus programs to run (default: all)")
    parser.add_argument("--write-table", action="store_true", help=f"write {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--keep", metavar="DIR", help="run in DIR and keep the copies and their outputs")
    parser.add_argument("--verbose", action="store_true", help="print errors and diagnostics of failing programs")
    args = parser.parse_args(argv)
    workdir = None
    if args.keep:
        workdir = Path(args.keep)
        if workdir.exists():
            shutil.rmtree(workdir)
        workdir.mkdir(parents=True)
    rows, timings = run_corpus(args.names or None, workdir, log=lambda m: print(m, file=sys.stderr))
    print(format_table(rows))
    for cause, who in sorted(failures_by_cause(rows).items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n{cause} ({len(who)}):\n  " + "\n  ".join(who))
    if args.verbose:
        for r in rows:
            if not r.ok:
                print(f"\n=== {r.name}\n{r.error_b or r.error_a or r.first_problem()}")
                print("\n".join(r.diagnostic_lines))
    print("\ntimings: " + ", ".join(f"{k} {v:.1f}s" for k, v in timings.items()), file=sys.stderr)
    if args.write_table:
        RESULTS.write_text(markdown(rows, timings))
        print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--verify":
        _verify_main(sys.argv[2])
    else:
        sys.exit(main())
