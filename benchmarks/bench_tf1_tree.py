"""`smmigrate rewrite` vs `tf_upgrade_v2 --intree` on real TF1-era projects, side by side in one run.

    python benchmarks/bench_tf1_tree.py [--project tensorpack==0.11 --project tensor2tensor==1.15.7]
                                        [--repeat 3] [--warmup 1] [--out benchmarks/results_tf1_tree.json]

Each project's source distribution is downloaded from the package index when the script runs
(``pip download --no-deps --no-binary :all:``) into ``benchmarks/_work/`` (gitignored; the sources
are never committed) and extracted there. Then, whole process, on a fresh copy of the tree for each
run, in turn (A B C A B C ...): `smmigrate rewrite TREE` with all codemods at the default ``-j``
and at ``-j 1``, and ``tf_upgrade_v2 --intree TREE --outtree OUT --reportfile R``. Figures: median
wall time (and its spread), peak memory (largest process, and the process tree's summed RSS), the
median of the pair-by-pair wall-time ratios. Checks on the last run's output: every file smmigrate
wrote compiles (``compile(..., "exec")``); files that were not valid Python 3 before are counted
apart and must be left unchanged. Targets (issue 11): smmigrate's wall time at most 1/4 of
tf_upgrade_v2's, peak memory at most 1/5.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from _measure import ENV, SMMIGRATE, TF_UPGRADE, machine, paired, ratios  # noqa: E402

DEFAULT_PROJECTS = ("tensorpack==0.11", "tensor2tensor==1.15.7")
SKIP = {"__pycache__", ".git", "build", "dist"}


def fetch(spec: str, cache: Path) -> Path | None:
    """Download and extract `spec`'s sdist under `cache`; the source tree, or None if unavailable."""
    name, _, version = spec.partition("==")
    src = cache / "src" / f"{name}-{version}"
    if src.is_dir():
        return src
    sdist = cache / "sdist"
    sdist.mkdir(parents=True, exist_ok=True)
    found = [p for p in sdist.glob(f"{name}-{version}.*") if p.name.endswith((".tar.gz", ".zip"))]
    if not found:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", spec, "-d", str(sdist)]
        if subprocess.run(cmd, capture_output=True, text=True).returncode != 0:
            print(f"{spec}: not available from the package index, skipped", file=sys.stderr)
            return None
        found = [p for p in sdist.glob(f"{name}-{version}.*") if p.name.endswith((".tar.gz", ".zip"))]
    (cache / "src").mkdir(parents=True, exist_ok=True)
    archive = found[0]
    if archive.name.endswith(".zip"):
        import zipfile

        with zipfile.ZipFile(archive) as zf:
            zf.extractall(cache / "src")
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(cache / "src", filter="data")
    return src if src.is_dir() else None


def py_files(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*.py") if not SKIP & set(p.relative_to(tree).parts))


def imports_tensorflow(source: bytes) -> bool | None:
    """True/False from the module's import statements; None when it does not parse."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "tensorflow" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] == "tensorflow":
            return True
    return False


def compiles(data: bytes, name: str) -> bool:
    try:
        compile(data, name, "exec", dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False


def survey(tree: Path) -> dict:
    files = py_files(tree)
    invalid, tf_files = [], 0
    for path in files:
        found = imports_tensorflow(path.read_bytes())
        if found is None:
            invalid.append(str(path.relative_to(tree)))
        elif found:
            tf_files += 1
    return {"files": len(files), "tf_files": tf_files, "invalid_before": invalid}


def changed(original: Path, output: Path) -> list[str]:
    out = []
    for path in py_files(original):
        rel = path.relative_to(original)
        new = output / rel
        if new.exists() and new.read_bytes() != path.read_bytes():
            out.append(str(rel))
    return out


def check_outputs(original: Path, output: Path, invalid_before: list[str]) -> dict:
    """Every file written compiles; files that did not parse before are left as they were."""
    rewritten = changed(original, output)
    broken = [rel for rel in rewritten if not compiles((output / rel).read_bytes(), rel)]
    bad = set(invalid_before)
    touched_invalid = [rel for rel in rewritten if rel in bad]
    all_valid = [
        str(p.relative_to(output))
        for p in py_files(output)
        if str(p.relative_to(output)) not in bad and not compiles(p.read_bytes(), str(p))
    ]
    return {
        "changed": len(rewritten),
        "changed_not_compiling": broken,
        "invalid_before_touched": touched_invalid,
        "valid_before_not_compiling_after": all_valid,
    }


def bench_project(spec: str, src: Path, repeat: int, warmup: int) -> dict:
    info = survey(src)
    work = Path(tempfile.mkdtemp(prefix="bench_tf1_"))
    tree, out = work / "tree", work / "out"

    def prepare() -> None:
        for p in (tree, out):
            if p.exists():
                shutil.rmtree(p)
        shutil.copytree(src, tree)

    commands = {
        "smmigrate rewrite (default -j)": lambda: ([*SMMIGRATE, "rewrite", str(tree)], ENV),
        "smmigrate rewrite -j 1": lambda: ([*SMMIGRATE, "rewrite", "-j", "1", str(tree)], ENV),
        "tf_upgrade_v2 --intree": lambda: (
            [TF_UPGRADE, "--intree", str(tree), "--outtree", str(out), "--reportfile", str(work / "report.txt")],
            None,
        ),
    }
    checks: dict = {}

    def after(name, run):
        # the tree of the run just finished is still there: check it before the next copy
        if name.startswith("smmigrate") and name not in checks:
            checks[name] = check_outputs(src, tree, info["invalid_before"])
        if name.startswith("tf_upgrade_v2") and name not in checks:
            checks[name] = {"changed": len(changed(src, out)), "exit_code": run.returncode}
        print(f"  {spec}: {name}: {run.wall:.2f} s, {run.max_rss_mib:.0f} MiB", file=sys.stderr)

    series = paired(commands, prepare, repeat, warmup, after)
    shutil.rmtree(work, ignore_errors=True)
    tfu = series["tf_upgrade_v2 --intree"]
    rows = {}
    for name, s in series.items():
        r = ratios(s, tfu)
        rows[name] = {
            "wall_s_median": round(s.wall, 2),
            "wall_s_spread": s.spread(),
            "peak_rss_mib_largest_process": round(s.max_rss, 1),
            "peak_rss_mib_process_tree": round(s.tree_rss, 1),
            "wall_ratio_vs_tf_upgrade_v2_median": round(statistics.median(r), 3),
            "memory_ratio_vs_tf_upgrade_v2": round(s.tree_rss / tfu.tree_rss, 3),
            "exit_codes": sorted({x.returncode for x in s.runs}),
            "output": checks.get(name),
        }
    return {"project": spec, **info, "invalid_before": len(info["invalid_before"]), "rows": rows}


def report(result: dict) -> None:
    print(
        f"\n{result['project']}: {result['files']} .py files, {result['tf_files']} import TensorFlow, "
        f"{result['invalid_before']} not valid Python 3 before"
    )
    print(f"{'command':<32} {'files changed':>13} {'wall s (median)':>16} {'peak MiB (tree)':>16} {'wall ratio':>10}")
    for name, row in result["rows"].items():
        out = row["output"] or {}
        print(
            f"{name:<32} {out.get('changed', '?'):>13} {row['wall_s_median']:>9.2f} ({row['wall_s_spread']})"
            f" {row['peak_rss_mib_process_tree']:>10.0f} ({row['peak_rss_mib_largest_process']:.0f})"
            f" {row['wall_ratio_vs_tf_upgrade_v2_median']:>9.2f}x"
        )
    for name, row in result["rows"].items():
        out = row["output"] or {}
        if name.startswith("smmigrate") and out:
            bad = out["changed_not_compiling"] + out["valid_before_not_compiling_after"]
            print(
                f"  {name}: every file written compiles: {'yes' if not bad else 'NO ' + ', '.join(bad[:5])}; "
                f"invalid-before files touched: {len(out['invalid_before_touched'])}"
            )
    sm = result["rows"]["smmigrate rewrite (default -j)"]
    wall, memory = sm["wall_ratio_vs_tf_upgrade_v2_median"], sm["memory_ratio_vs_tf_upgrade_v2"]
    print(
        f"  targets: wall <= 1/4 of tf_upgrade_v2: {wall:.2f} ({'met' if wall <= 0.25 else 'missed'}); "
        f"peak memory <= 1/5: {memory:.2f} ({'met' if memory <= 0.2 else 'missed'})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", action="append", help="NAME==VERSION of a source distribution (repeatable)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=HERE / "_work")
    ap.add_argument("--out", type=Path, default=HERE / "results_tf1_tree.json")
    args = ap.parse_args()
    if not TF_UPGRADE:
        print("tf_upgrade_v2 not found: install TensorFlow (pip install -r requirements-dev.txt)", file=sys.stderr)
        return 2
    results = {"machine": machine(), "repeat": args.repeat, "warmup": args.warmup, "projects": []}
    for spec in args.project or DEFAULT_PROJECTS:
        src = fetch(spec, args.cache)
        if src is None:
            continue
        result = bench_project(spec, src, args.repeat, args.warmup)
        report(result)
        results["projects"].append(result)
    results["machine_after"] = machine()
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
