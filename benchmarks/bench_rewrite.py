"""Benchmark `smmigrate rewrite` against `tf_upgrade_v2` on the same generated trees, in one run.

    python benchmarks/bench_rewrite.py [--files 300] [--repeat 3] [--out benchmarks/results_rewrite.json]

Measures (median of --repeat runs, each on a fresh copy of the tree):
- whole tree (mixed SavedModel / plain TF1 code): wall time of `smmigrate rewrite` (default
  jobs) vs `tf_upgrade_v2 --intree --outtree` — target: at most 1/20 of tf_upgrade_v2's;
- SavedModel-heavy tree (every file has Builder/simple_save/loader calls): files/s with -j 1 and
  -j 2 vs tf_upgrade_v2 — target: at least 3x tf_upgrade_v2 per core, scaling with -j;
- start-up: `smmigrate --help`, `smmigrate rewrite one_file.py` vs `tf_upgrade_v2 --infile` —
  target: under 0.3 s;
- peak memory (max RSS of the child process) of each.
Prints a table and writes the figures as JSON. Needs `tf_upgrade_v2` (comes with TensorFlow).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_tree import generate  # noqa: E402

BIN = Path(sys.executable).parent
SMMIGRATE = [str(BIN / "smmigrate")] if (BIN / "smmigrate").exists() else [sys.executable, "-m", "smmigrate"]
TF_UPGRADE = str(BIN / "tf_upgrade_v2") if (BIN / "tf_upgrade_v2").exists() else shutil.which("tf_upgrade_v2")


def timed(cmd: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one command run as a child process."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    # a fresh wrapper process per measurement, so RUSAGE_CHILDREN's max RSS is this command's;
    # the wall time is taken inside it, around the command alone
    code = (
        "import resource, subprocess, sys, json, time;"
        "t = time.perf_counter();"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "w = time.perf_counter() - t;"
        "print(json.dumps([p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, w]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *cmd], capture_output=True, text=True, cwd=cwd, env=env, check=True
    )
    rc, rss_kib, wall = json.loads(out.stdout)
    if rc not in (0, 1, 2):  # 2: the generated tree has no errors, but tf_upgrade_v2 may warn
        raise RuntimeError(f"{cmd} exited {rc}")
    return wall, rss_kib / 1024


def median_run(make_cmd, tree: Path, repeat: int) -> tuple[float, float]:
    walls, rss = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / "tree"
            shutil.copytree(tree, work)
            w, r = timed(make_cmd(work, Path(tmp)))
            walls.append(w)
            rss.append(r)
    return statistics.median(walls), max(rss)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "results_rewrite.json")
    args = ap.parse_args()
    if not TF_UPGRADE:
        print("tf_upgrade_v2 not found: install TensorFlow (pip install -r requirements-dev.txt)", file=sys.stderr)
        return 2

    results: dict = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "files": args.files,
        "repeat": args.repeat,
    }
    with tempfile.TemporaryDirectory() as tmp:
        mixed, heavy = Path(tmp) / "mixed", Path(tmp) / "heavy"
        generate(mixed, args.files, 0.4)
        generate(heavy, args.files, 1.0)
        one = heavy / "pkg_00" / "module_0000.py"

        def sm(*extra):
            return lambda work, tmpdir: [*SMMIGRATE, "rewrite", *extra, str(work)]

        def tfu(work, tmpdir):
            return [
                TF_UPGRADE,
                "--intree",
                str(work),
                "--outtree",
                str(tmpdir / "out"),
                "--reportfile",
                str(tmpdir / "r.txt"),
            ]

        rows = {}
        rows["tree: smmigrate rewrite (default -j)"] = median_run(sm(), mixed, args.repeat)
        rows["tree: tf_upgrade_v2 --intree"] = median_run(tfu, mixed, args.repeat)
        rows["heavy: smmigrate rewrite -j 1"] = median_run(sm("-j", "1"), heavy, args.repeat)
        rows["heavy: smmigrate rewrite -j 2"] = median_run(sm("-j", "2"), heavy, args.repeat)
        rows["heavy: tf_upgrade_v2 --intree"] = median_run(tfu, heavy, args.repeat)
        rows["start-up: smmigrate --help"] = median_run(lambda w, t: [*SMMIGRATE, "--help"], heavy, args.repeat)
        rows["start-up: smmigrate rewrite one_file.py"] = median_run(
            lambda w, t: [*SMMIGRATE, "rewrite", str(w / one.relative_to(heavy))], heavy, args.repeat
        )
        rows["start-up: tf_upgrade_v2 --infile one_file.py"] = median_run(
            lambda w, t: [
                TF_UPGRADE,
                "--infile",
                str(w / one.relative_to(heavy)),
                "--outfile",
                str(t / "o.py"),
                "--reportfile",
                str(t / "r.txt"),
            ],
            heavy,
            args.repeat,
        )

    n = args.files
    results["rows"] = {k: {"seconds": round(v[0], 3), "peak_rss_mib": round(v[1], 1)} for k, v in rows.items()}
    tree_ratio = rows["tree: tf_upgrade_v2 --intree"][0] / rows["tree: smmigrate rewrite (default -j)"][0]
    tfu_fps = n / rows["heavy: tf_upgrade_v2 --intree"][0]
    j1_fps = n / rows["heavy: smmigrate rewrite -j 1"][0]
    j2_fps = n / rows["heavy: smmigrate rewrite -j 2"][0]
    results["derived"] = {
        "tree_speedup_vs_tf_upgrade_v2": round(tree_ratio, 1),
        "heavy_files_per_s": {
            "tf_upgrade_v2": round(tfu_fps, 1),
            "smmigrate_j1": round(j1_fps, 1),
            "smmigrate_j2": round(j2_fps, 1),
        },
        "heavy_per_core_speedup_vs_tf_upgrade_v2": round(j1_fps / tfu_fps, 1),
        "j2_scaling": round(j2_fps / j1_fps, 2),
    }
    results["targets"] = {
        "tree wall <= 1/20 of tf_upgrade_v2": tree_ratio >= 20,
        "heavy per core >= 3x tf_upgrade_v2": j1_fps / tfu_fps >= 3,
        "start-up < 0.3 s": rows["start-up: smmigrate rewrite one_file.py"][0] < 0.3,
    }
    width = max(map(len, rows))
    for k, (sec, rss) in rows.items():
        print(f"{k:<{width}}  {sec:8.3f} s  {rss:8.1f} MiB")
    print(json.dumps(results["derived"], indent=2))
    print(json.dumps(results["targets"], indent=2))
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
