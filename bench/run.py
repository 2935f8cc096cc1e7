"""`make bench`: how fast plancmp is against the interpreter's own start-up, and how it grows.

Every measurement is a fresh subprocess of this interpreter (so `plancmp` pays its
imports each time, as a user does), repeated and reported as the median. Peak memory
is the child's ru_maxrss. Synthetic provinces come from bench/generate.py in a
temporary directory; plancmp's cache lives there too, so a run never touches
the user's cache. "cold" runs set PLANCMP_NO_CACHE=1; "warm" runs reuse a cache that
the first run filled.

    python bench/run.py               # 9 runs each (3 for 300 provinces)
    python bench/run.py --runs 9
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from generate import generate, generate_big  # noqa: E402

PY = sys.executable
PLANCMP = [PY, "-c", "import sys; from plancmp.cli import main; sys.argv[0] = 'plancmp'; sys.exit(main())"]
FLOOR = [PY, "-c", "import typer, rich, yaml, rapidfuzz"]
PLANS = {4: 4, 31: 32, 300: 301}   # files in the data directory: the real 4, or national + synthetic provinces
GOALS = {"diff": 1.3, "diff-cold": 4.0, "matrix31": 2.0}
BIG = 1500          # items in each of the two plans of the large diff
BIG_GOAL = 60.0     # seconds


def run_once(argv: list[str], env: dict) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child; stdout to /dev/null, stderr kept for errors."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv[3:]) or argv[-1]} exited {proc.returncode}:\n{err}")
    return wall, usage.ru_maxrss


def measure(argv: list[str], env: dict, runs: int, floor_env: dict | None = None) -> tuple[float, int, float | None]:
    """Median wall time, the largest peak RSS and (with floor_env) the median ratio to the
    import floor over `runs` runs, after one unmeasured warm-up. The floor is timed right
    before each run rather than once for all: on a shared machine the load drifts, and a
    ratio of two neighbouring timings drifts far less than either timing."""
    run_once(argv, env)     # fills the OS page cache (and the plancmp cache for warm runs)
    samples, ratios = [], []
    for _ in range(runs):
        if floor_env is not None:
            floor, _ = run_once(FLOOR, floor_env)
        samples.append(run_once(argv, env))
        if floor_env is not None:
            ratios.append(samples[-1][0] / floor)
    return (statistics.median(s[0] for s in samples), max(s[1] for s in samples),
            statistics.median(ratios) if ratios else None)


def env_for(data: Path | None, cache: Path, cold: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PLANCMP_DATA", "PLANCMP_NO_CACHE", "NO_COLOR")}
    env["XDG_CACHE_HOME"] = str(cache)
    env["COLUMNS"] = "160"
    if data is not None:
        env["PLANCMP_DATA"] = str(data)
    if cold:
        env["PLANCMP_NO_CACHE"] = "1"
    return env


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()} {platform.release()}"


def verdict(ratio: float, goal: float) -> str:
    return f"goal ≤ {goal}×: {'met' if ratio <= goal else f'missed by {ratio / goal:.2f}×'}"


def compile_bytecode() -> None:
    """What installing a package does (pip writes .pyc files): without it an editable
    install under PYTHONDONTWRITEBYTECODE=1 compiles plancmp's source on every run."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "plancmp")], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="measured runs per command (median reported)")
    args = parser.parse_args()
    runs, big_runs = args.runs, max(3, args.runs // 3)
    compile_bytecode()

    with tempfile.TemporaryDirectory(prefix="plancmp-bench-") as tmp:
        tmp = Path(tmp)
        data = {4: None, 31: generate(31, tmp / "p31"), 300: generate(300, tmp / "p300")}
        cache = tmp / "cache"
        floor_env = env_for(None, cache, True)
        print(f"machine: {machine()}, load average {os.getloadavg()[0]:.2f}")
        print(f"median of {runs} runs ({big_runs} for 300 provinces), one unmeasured warm-up each; "
              "× floor: median ratio to an import-floor run timed just before each run\n")

        floor, floor_rss, _ = measure(FLOOR, floor_env, runs)
        print(f"{'import floor (typer, rich, yaml, rapidfuzz)':48} {floor:6.3f} s  {floor_rss / 1024:6.1f} MB")

        results: dict[tuple[str, bool], tuple[float, int, float | None]] = {}
        for cold in (True, False):
            label = "cold (no cache)" if cold else "warm cache"
            t, rss, ratio = results["diff", cold] = measure(PLANCMP + ["diff", "national", "liaoning"],
                                                            env_for(None, cache, cold), runs, floor_env)
            goal = GOALS["diff-cold" if cold else "diff"]
            print(f"{'diff national liaoning, ' + label:48} {t:6.3f} s  {rss / 1024:6.1f} MB  {ratio:4.2f}× floor  {verdict(ratio, goal)}")
        for cold in (True, False):
            label = "cold (no cache)" if cold else "warm cache"
            for n in (4, 31, 300):
                t, rss, ratio = results[f"matrix{n}", cold] = measure(
                    PLANCMP + ["matrix"], env_for(data[n], cache, cold), big_runs if n == 300 else runs, floor_env)
                goal = f"  {verdict(ratio, GOALS['matrix31'])}" if n == 31 else ""
                name = "real data, 4 plans" if n == 4 else f"{n} synthetic provinces + national"
                print(f"{f'matrix, {name}, {label}':48} {t:6.3f} s  {rss / 1024:6.1f} MB  {ratio:4.2f}× floor{goal}")

        big = generate_big(BIG, tmp / "big")
        start = time.perf_counter()
        _, rss = run_once(PLANCMP + ["diff", "national", "big"], env_for(big, cache, True))
        took = time.perf_counter() - start
        print(f"{f'diff of two {BIG:,}-item plans, cold (no cache)':48} {took:6.3f} s  {rss / 1024:6.1f} MB  "
              f"goal < {BIG_GOAL:.0f} s: {'met' if took < BIG_GOAL else 'missed'}")

        print("\ngrowth of `plancmp matrix` (per-plan factor: time or memory ratio ÷ plan-count ratio; 1.00 = linear)")
        for cold in (True, False):
            label = "cold" if cold else "warm"
            for lo, hi in ((4, 31), (31, 300)):
                (t0, m0, _), (t1, m1, _) = results[f"matrix{lo}", cold], results[f"matrix{hi}", cold]
                lo, hi = PLANS[lo], PLANS[hi]
                plans = hi / lo
                above0, above1 = t0 - floor, t1 - floor
                # near the floor the time above it is noise, and so is a ratio of it
                above = (f"above floor ×{above1 / above0:5.2f}, per plan {above1 / above0 / plans:4.2f}"
                         if above0 > 0.1 * floor else "the smaller run is at the floor")
                print(f"  {label} {lo:>3} → {hi:<3} plans (×{plans:4.1f}): time ×{t1 / t0:5.2f} ({above}), "
                      f"{(t1 - t0) / (hi - lo) * 1000:5.1f} ms per extra plan; "
                      f"memory ×{m1 / m0:4.2f}, {(m1 - m0) / 1024 / (hi - lo):5.2f} MB per extra plan")


if __name__ == "__main__":
    main()
