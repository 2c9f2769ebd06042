"""Whole-process measurement helpers shared by the side-by-side benchmarks (public tools only).

`run_measured(cmd)` runs one command in a fresh wrapper process and returns its wall time, the
peak RSS of the largest process of its tree (``getrusage(RUSAGE_CHILDREN)``, what
``/usr/bin/time -v`` reports as "Maximum resident set size") and the peak of the tree's summed
memory, sampled from /proc every 20 ms (on Linux; the sum matters for ``--jobs`` worker pools): each
process's proportional set size (PSS, so pages forked workers share with their parent count once),
or its RSS where PSS cannot be read.
`paired(commands, prepare, repeat)` runs the commands in turn, A B C A B C ..., each on a fresh
copy made by `prepare` outside the timed region, and returns medians and pair-by-pair ratios.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_BIN = Path(sys.executable).parent
TF_UPGRADE = str(_BIN / "tf_upgrade_v2") if (_BIN / "tf_upgrade_v2").exists() else shutil.which("tf_upgrade_v2")
SMMIGRATE = [sys.executable, "-m", "smmigrate"]
# this checkout's smmigrate, with bytecode caching on as in an installed package (tf_upgrade_v2's
# TensorFlow has its .pyc files from installation; under PYTHONDONTWRITEBYTECODE smmigrate would
# compile its own modules at every start)
ENV = {"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": None}

# Runs CMD in its own process group, samples the group's summed RSS, and prints
# [exit code, wall seconds, max RSS KiB of the largest process, peak summed RSS KiB].
_WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time
page = os.sysconf("SC_PAGE_SIZE") // 1024
peak = [0]
def tree_rss(pgid):
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:  # field 5 of stat: the process group
                continue
            rss = int(fields[21]) * page  # field 24: resident pages
            try:  # proportional set size: pages a forked worker shares with its parent count once
                with open(f"/proc/{pid}/smaps_rollup") as fh:
                    rss = next(int(ln.split()[1]) for ln in fh if ln.startswith("Pss:"))
            except (OSError, StopIteration, ValueError):
                pass
            total += rss
        except (OSError, IndexError, ValueError):
            pass
    return total
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
def sample():
    while p.poll() is None:
        peak[0] = max(peak[0], tree_rss(p.pid))
        time.sleep(0.02)
thread = threading.Thread(target=sample, daemon=True)
if os.path.isdir("/proc"):
    thread.start()
rc = p.wait()
wall = time.perf_counter() - t
print(json.dumps([rc, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, peak[0]]))
"""


@dataclass
class Run:
    wall: float
    max_rss_mib: float  # largest single process
    tree_rss_mib: float  # PSS summed over the process tree (sampled; RSS where PSS is unreadable)
    returncode: int


def run_measured(cmd: Sequence[str], cwd: str | None = None, env: dict | None = None) -> Run:
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *cmd],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_environ(env),
        check=True,
    )
    rc, wall, rss_kib, tree_kib = json.loads(out.stdout.strip().splitlines()[-1])
    return Run(wall, rss_kib / 1024, max(tree_kib, rss_kib) / 1024, rc)


def _environ(extra: dict | None) -> dict:
    """The environment for a measured command: `extra` set on top, keys set to None removed."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@dataclass
class Series:
    name: str
    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def max_rss(self) -> float:
        return max(r.max_rss_mib for r in self.runs)

    @property
    def tree_rss(self) -> float:
        return max(r.tree_rss_mib for r in self.runs)

    def spread(self) -> str:
        walls = [r.wall for r in self.runs]
        return f"{min(walls):.2f}-{max(walls):.2f}"


def paired(
    commands: dict[str, Callable[[], tuple[list[str], dict | None]]],
    prepare: Callable[[], None],
    repeat: int,
    warmup: int = 1,
    on_run: Callable[[str, Run], None] | None = None,
) -> dict[str, Series]:
    """Each command `repeat` times (after `warmup` uncounted rounds), in turn; `prepare()` before each."""
    series = {name: Series(name) for name in commands}
    for round_ in range(warmup + repeat):
        for name, make in commands.items():
            prepare()
            cmd, env = make()
            run = run_measured(cmd, env=env)
            if round_ >= warmup:
                series[name].runs.append(run)
                if on_run:
                    on_run(name, run)
    return series


def ratios(a: Series, b: Series) -> list[float]:
    """a/b wall time, pair by pair (the runs were taken in turn, so each pair saw the same machine)."""
    return [x.wall / y.wall for x, y in zip(a.runs, b.runs, strict=True)]


def machine() -> dict:
    import platform

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_1_5_15": [round(x, 2) for x in load] if load else None,
    }
