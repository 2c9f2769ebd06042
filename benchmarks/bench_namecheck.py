"""Cost of the engine's name check (`smmigrate/namecheck.py`), which runs after every codemod change.

    python benchmarks/bench_namecheck.py [--repeat 200]

For modules of about 100, 500 and 1000 lines (TF1 code from `gen_tree.py`, concatenated; and this
repository's own `smmigrate/rewrite.py`) prints the best and the median time of
`undefined_names(source)`, next to `ast.parse` and libcst's parse of the same source for scale.
The target is well under 5 ms for a 500-line file. No TensorFlow needed.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from gen_tree import generate  # noqa: E402

from smmigrate.namecheck import undefined_names  # noqa: E402


def timings(fn, repeat: int) -> tuple[float, float]:
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return min(runs) * 1000, statistics.median(runs) * 1000


def modules() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        files = sorted(generate(Path(tmp), 60, 0.5))
        texts = [f.read_text() for f in files]
    found: dict[str, str] = {}
    for target in (100, 500, 1000):
        lines: list[str] = []
        for text in texts:
            if len(lines) >= target:
                break
            lines.extend(text.splitlines(keepends=True))
        found[f"generated TF1, {len(lines)} lines"] = "".join(lines)
    own = (HERE.parent / "smmigrate" / "rewrite.py").read_text()
    found[f"smmigrate/rewrite.py, {len(own.splitlines())} lines"] = own
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    import libcst

    print("| module | namecheck best / median | ast.parse best | libcst parse best |")
    print("|---|---|---|---|")
    for label, source in modules().items():
        best, median = timings(lambda s=source: undefined_names(s), args.repeat)
        ast_best, _ = timings(lambda s=source: ast.parse(s), args.repeat)
        cst_best, _ = timings(lambda s=source: libcst.parse_module(s), max(10, args.repeat // 10))
        print(f"| {label} | {best:.2f} / {median:.2f} ms | {ast_best:.2f} ms | {cst_best:.1f} ms |")


if __name__ == "__main__":
    main()
