"""`smmigrate rewrite -j 1` vs `tf_upgrade_v2` on the acceptance corpus copied to ~150 files (issue 12).

    python benchmarks/bench_corpus150.py [--corpus tests/corpus] [--files 150] [--repeat 3]
                                         [--profile benchmarks/profile_corpus150.md]

The corpus's programs (one folder each) are copied whole, in turn, until the tree holds at least
`--files` Python files (copies are numbered so every program keeps its own folder and siblings).
Without ``tests/corpus`` the realistic tree and the case-file inputs are used. Then, whole process,
in turn on fresh copies: `smmigrate rewrite -j 1 TREE` (all codemods) and ``tf_upgrade_v2 --intree
TREE --outtree OUT``. Target: rewrite's wall time at most 1.0x tf_upgrade_v2's (goal: 1/3).

`--profile FILE` also rewrites the tree once in this process and writes the per-file cost profile:
the time of each stage (syntax check, text-pass analysis, each codemod, libcst parsing, the facts
pre-pass, the rest of the engine) measured exclusively (a stage's time excludes the stages it calls),
then cProfile's top entries by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from _measure import ENV, SMMIGRATE, TF_UPGRADE, machine, paired, ratios  # noqa: E402


def _sources(corpus: Path | None) -> list[tuple[str, Path | str]]:
    """(name, program folder or a case file's input text) to copy, in a stable order."""
    if corpus is not None and corpus.is_dir():
        return [(p.name, p) for p in sorted(corpus.iterdir()) if p.is_dir() and any(p.rglob("*.py"))]
    sys.path.insert(0, str(ROOT / "tests"))
    from casefiles import all_cases  # the case files' inputs

    cases = [(f"{c.id.replace('/', '__')}.py", c.source) for c in all_cases()]
    return [("realistic", ROOT / "tests" / "realistic"), *cases]


def build_tree(corpus: Path | None, files: int, dest: Path) -> dict:
    sources = _sources(corpus)
    total, copies, n = 0, 0, 0
    while total < files:
        name, src = sources[n % len(sources)]
        target = dest / f"copy_{n // len(sources):02d}" / name
        if isinstance(src, Path):
            shutil.copytree(src, target)
            total += sum(1 for _ in src.rglob("*.py"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(src, encoding="utf-8")
            total += 1
        copies = n // len(sources) + 1
        n += 1
    return {"files": total, "programs": len(sources), "copies": copies}


# --- per-file cost profile ---------------------------------------------------------------------


class _Stages:
    """Exclusive wall time per stage: a stage's time excludes the stages it calls."""

    def __init__(self) -> None:
        self.time: Counter = Counter()
        self.calls: Counter = Counter()
        self._stack: list[list] = []

    def wrap(self, owner, attr: str, stage: str, static: bool = False) -> None:
        func = owner.__dict__[attr] if attr in owner.__dict__ else getattr(owner, attr)
        raw = func.__func__ if isinstance(func, (classmethod, staticmethod)) else func
        stages = self

        def timed(*args, **kwargs):
            frame = [time.perf_counter(), 0.0]
            stages._stack.append(frame)
            try:
                return raw(*args, **kwargs)
            finally:
                stages._stack.pop()
                spent = time.perf_counter() - frame[0]
                stages.time[stage] += spent - frame[1]
                stages.calls[stage] += 1
                if stages._stack:
                    stages._stack[-1][1] += spent

        if isinstance(func, classmethod):
            setattr(owner, attr, classmethod(timed))
        elif isinstance(func, staticmethod) or static:
            setattr(owner, attr, staticmethod(timed))
        else:
            setattr(owner, attr, timed)


def profile(tree: Path, out: Path, meta: dict) -> None:
    import libcst

    from smmigrate import codemods, rewrite
    from smmigrate.codemods import _tfscope

    stages = _Stages()
    stages.wrap(rewrite, "_check_syntax", "syntax check (ast.parse)", static=True)
    stages.wrap(_tfscope, "analyse", "text-pass analysis (ast walk, bindings)", static=True)
    stages.wrap(libcst, "parse_module", "libcst parse", static=True)
    stages.wrap(rewrite, "collect_file_facts", "facts pre-pass (other)", static=True)
    for cls in codemods.select(None, None):
        for attr in ("transform_text", "transform_module"):
            if attr in cls.__dict__ or (attr == "transform_module" and not getattr(cls, "TEXT_PASS", False)):
                stages.wrap(cls, attr, f"codemod {cls.NAME}")
        if "collect_facts" in cls.__dict__:
            stages.wrap(cls, "collect_facts", f"facts: {cls.NAME}")
    options = rewrite.RewriteOptions()
    work = Path(tempfile.mkdtemp(prefix="bench_c150_prof_"))
    shutil.copytree(tree, work / "tree")
    start = time.perf_counter()
    results = list(rewrite.rewrite_paths([str(work / "tree")], options, jobs=1))
    total = time.perf_counter() - start
    shutil.rmtree(work)
    n = len(results)
    rows = sorted(stages.time.items(), key=lambda kv: -kv[1])
    engine = total - sum(stages.time.values())
    lines = [
        "# Per-file cost profile: `smmigrate rewrite -j 1` on the corpus copied to ~150 files",
        "",
        f"Generated by `benchmarks/bench_corpus150.py --profile` ({meta['date']}, {meta['machine']['cpus']} CPUs, "
        f"load average before {meta['machine']['loadavg_1_5_15']}). {n} files, in-process wall "
        f"{total:.2f} s = {1000 * total / n:.0f} ms a file. A stage's time excludes the stages it calls.",
        "",
        "| stage | calls | total s | ms per file | share |",
        "|---|---:|---:|---:|---:|",
    ]
    for stage, spent in [*rows, ("engine: read, decode, write, diff, line maps, other", engine)]:
        calls = stages.calls.get(stage, "")
        lines.append(f"| {stage} | {calls} | {spent:.2f} | {1000 * spent / n:.1f} | {100 * spent / total:.0f}% |")
    profiler = cProfile.Profile()
    work = Path(tempfile.mkdtemp(prefix="bench_c150_prof_"))
    shutil.copytree(tree, work / "tree")
    profiler.enable()
    list(rewrite.rewrite_paths([str(work / "tree")], options, jobs=1))
    profiler.disable()
    shutil.rmtree(work)
    buf = io.StringIO()
    stats = pstats.Stats(profiler, stream=buf)
    stats.strip_dirs().sort_stats("cumulative").print_stats(40)
    lines += ["", "cProfile (second run, under the profiler: times inflated), top 40 by cumulative time:", ""]
    lines += ["```", *[ln.rstrip() for ln in buf.getvalue().strip().splitlines()], "```", ""]
    out.write_text("\n".join(lines))
    print("\n".join(lines[: 8 + len(rows) + 1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    ap.add_argument("--files", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--profile", type=Path, help="also write the per-file cost profile to this file")
    ap.add_argument("--no-timing", action="store_true", help="only the profile")
    ap.add_argument("--out", type=Path, default=HERE / "results_corpus150.json")
    args = ap.parse_args()
    if not TF_UPGRADE:
        print("tf_upgrade_v2 not found: install TensorFlow (pip install -r requirements-dev.txt)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    base = Path(tempfile.mkdtemp(prefix="bench_c150_"))
    src = base / "corpus150"
    corpus = args.corpus if args.corpus.is_dir() else None
    built = build_tree(corpus, args.files, src)
    print(
        f"tree: {built['files']} files = {built['programs']} programs of {corpus or 'tests/realistic + tests/cases'}"
        f" copied up to {built['copies']} times",
        file=sys.stderr,
    )
    meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": machine(), "tree": built}
    results: dict = {**meta, "corpus": str(corpus or "tests/realistic + tests/cases")}
    if not args.no_timing:
        tree, out = base / "tree", base / "out"

        def prepare() -> None:
            for p in (tree, out):
                if p.exists():
                    shutil.rmtree(p)
            shutil.copytree(src, tree)

        commands = {
            "smmigrate rewrite -j 1": lambda: ([*SMMIGRATE, "rewrite", "-j", "1", str(tree)], ENV),
            "tf_upgrade_v2 --intree": lambda: (
                [TF_UPGRADE, "--intree", str(tree), "--outtree", str(out), "--reportfile", str(base / "r.txt")],
                None,
            ),
        }
        series = paired(commands, prepare, args.repeat, args.warmup)
        tfu = series["tf_upgrade_v2 --intree"]
        results["rows"] = {}
        for name, s in series.items():
            r = statistics.median(ratios(s, tfu))
            results["rows"][name] = {
                "wall_s_median": round(s.wall, 2),
                "wall_s_spread": s.spread(),
                "ms_per_file": round(1000 * s.wall / built["files"], 1),
                "peak_rss_mib_largest_process": round(s.max_rss, 1),
                "wall_ratio_vs_tf_upgrade_v2_median": round(r, 3),
            }
            print(
                f"{name:<26} {s.wall:7.2f} s ({s.spread()})  {1000 * s.wall / built['files']:6.1f} ms/file  "
                f"{s.max_rss:6.0f} MiB  {r:5.2f}x tf_upgrade_v2"
            )
        ratio = results["rows"]["smmigrate rewrite -j 1"]["wall_ratio_vs_tf_upgrade_v2_median"]
        print(f"target rewrite -j 1 <= 1.0x tf_upgrade_v2: {'met' if ratio <= 1.0 else 'missed'} ({ratio:.2f}x)")
    if args.profile:
        profile(src, args.profile, meta)
    results["machine_after"] = machine()
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
