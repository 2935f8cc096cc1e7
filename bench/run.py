"""`make bench`: how fast plancmp is against the interpreter's own start-up, as users meet it.

Every measurement is a fresh subprocess of this interpreter (so `plancmp` pays its imports
each time, as a user does). Timings are paired: each run of a command follows a run of the
import floor (the bare import of the libraries every command needs), and a command's figure
is the median of its run-by-run ratios to the floor run just before it: on a shared machine
the load drifts, and a ratio of two neighbouring timings drifts far less than either timing.
Peak memory is the child's ru_maxrss (the largest of the runs).

*cold* is what a first run meets: an empty cache folder (a new XDG_CACHE_HOME for every
run), as after a fresh clone, in CI, or after a new plancmp; *edited*: the cache filled by an
earlier run, then one province's plan edited (a different edit before every run); *warm*:
nothing changed since the run that filled the cache. Synthetic provinces come from
bench/generate.py in a temporary directory; every cache lives there too, so a run never
touches the user's cache.

    python bench/run.py                       # 9 runs each (3 for 300 provinces)
    python bench/run.py --runs 5 --only diff  # some of the measurements
    python bench/run.py --write docs/performance.md   # `make bench`: also rewrite the docs' table
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
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
FLOOR_MODULES = "typer, rich.console, rich.table, yaml, rapidfuzz.process"
FLOOR = [PY, "-c", f"import {FLOOR_MODULES}"]
# libyaml's own parse of each plan file, in one process (the import not counted): CPU seconds per file
LIBYAML = [PY, "-c", """
import sys, time, yaml
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.yaml"))]
best = []
for _ in range(5):
    start = time.process_time()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    best.append((time.process_time() - start) / len(texts))
print(sorted(best)[len(best) // 2])
"""]
BIG = 1500          # items in each of the two plans of the large diff
# issue 26's "done when"
GOALS = {"diff-cold": 2.5, "diff-edited": 1.5, "diff-warm": 1.2, "matrix31-per-plan": 3.0,
         "matrix300-s": 15.0, "matrix300-mb": 400, "report300-s": 15.0, "report300-mb": 500, "report300-html-mb": 20}


def run_once(argv: list[str], env: dict) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one child; stdout to
    /dev/null, stderr kept for errors."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    err = proc.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"bench: {' '.join(argv[3:])} exited {code}:\n{err}")
    return wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


class Bench:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.state = tmp / "state"      # the cache's signing key: kept, as a user's is
        self.fresh = 0
        self.floor_env = self.env(None, tmp / "floor-cache")
        self.rows: list[tuple[str, ...]] = []
        self.floors: list[float] = []
        self.floor_cpus: list[float] = []

    def env(self, data: Path | None, cache: Path) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in ("PLANCMP_DATA", "PLANCMP_NO_CACHE", "NO_COLOR")}
        env.update(XDG_CACHE_HOME=str(cache), XDG_STATE_HOME=str(self.state), COLUMNS="160", LANG="C.UTF-8")
        if data is not None:
            env["PLANCMP_DATA"] = str(data)
        return env

    def empty_cache(self) -> Path:
        self.fresh += 1
        return self.tmp / f"cold-{self.fresh}"

    def paired(self, argv: list[str], runs: int, env_for_run, before=None, warm_up: bool = True
               ) -> tuple[list[float], list[float], int, list[float]]:
        """`runs` runs of argv, each right after a floor run; env_for_run() gives each run's
        environment (a new empty cache folder for cold runs), before() prepares it. One
        unmeasured run first (the OS's page cache, a warm run's cache), unless `warm_up` is
        False. Returns the times, the floor times just before each, the largest peak RSS and the
        CPU times (user + system) of each run and of its floor run."""
        if warm_up:
            if before:
                before()
            run_once(argv, env_for_run())
        times, floors, rss, cpus = [], [], 0, []
        for _ in range(runs):
            env = env_for_run()
            if before:
                before()
            floor, _, floor_cpu = run_once(FLOOR, self.floor_env)
            took, peak, cpu = run_once(argv, env)
            times.append(took)
            floors.append(floor)
            cpus.append((cpu, floor_cpu))
            self.floor_cpus.append(floor_cpu)
            rss = max(rss, peak)
        self.floors += floors
        return times, floors, rss, cpus

    def row(self, what: str, times: list[float], floors: list[float], rss: int, cpus: list[float], goal: str = "") -> None:
        t = statistics.median(times)
        ratio = statistics.median(a / b for a, b in zip(times, floors))
        cpu = statistics.median(c / f for c, f in cpus)
        self.rows.append((what, f"{t:.3f} s", f"{rss / 1024:.1f} MB", f"{ratio:.2f}", f"{cpu:.2f}", goal))
        print(f"{what:58} {t:7.3f} s {rss / 1024:7.1f} MB  {ratio:6.2f}× floor (CPU {cpu:6.2f}×)  {goal}", flush=True)


def verdicts(times: list[float], floors: list[float], cpus: list[tuple[float, float]], goal: float) -> str:
    """The goal against the paired ratio of wall time and of CPU time (on a shared machine the
    second is the steadier: another process's load lengthens the wall time of both runs unevenly)."""
    wall = statistics.median(a / f for a, f in zip(times, floors))
    cpu = statistics.median(c / f for c, f in cpus)
    return f"≤ {goal:g}×: wall {'met' if wall <= goal else 'missed'}, CPU {'met' if cpu <= goal else 'missed'}"


def verdict(value: float, goal: float, unit: str = "×") -> str:
    return f"≤ {goal:g}{unit}: " + ("met" if value <= goal else f"missed ({value:.2f}{unit})")


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


def compile_bytecode() -> None:
    """What installing a package does (pip writes .pyc files): without it an editable
    install under PYTHONDONTWRITEBYTECODE=1 compiles plancmp's source on every run."""
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "plancmp")], check=True)


def bench_diff(b: Bench, runs: int) -> None:
    data = b.tmp / "real"
    shutil.copytree(ROOT / "data", data)
    argv = PLANCMP + ["diff", "national", "liaoning"]
    times, floors, rss, cpus = b.paired(argv, runs, lambda: b.env(data, b.empty_cache()))
    b.row("`diff national liaoning`, cold (empty cache folder)", times, floors, rss, cpus,
          verdicts(times, floors, cpus, GOALS["diff-cold"]))
    warm = b.tmp / "warm-real"
    plan = data / "plans" / "liaoning.yaml"
    original = plan.read_bytes()
    edits = iter(range(1, 10**6))

    def edit() -> None:   # a different edit before every run: the province's plan changed, nothing else
        plan.write_bytes(original + f"# edited for the benchmark ({next(edits)})\n".encode())

    times, floors, rss, cpus = b.paired(argv, runs, lambda: b.env(data, warm), before=edit)
    b.row("`diff national liaoning`, edited (liaoning.yaml changed)", times, floors, rss, cpus,
          verdicts(times, floors, cpus, GOALS["diff-edited"]))
    plan.write_bytes(original)
    times, floors, rss, cpus = b.paired(argv, runs, lambda: b.env(data, warm))
    b.row("`diff national liaoning`, warm", times, floors, rss, cpus, verdicts(times, floors, cpus, GOALS["diff-warm"]))


def bench_matrix(b: Bench, runs: int, big_runs: int) -> None:
    for n in (31, 300):
        data = generate(n, b.tmp / f"p{n}")
        files = len(list((data / "plans").glob("*.yaml")))
        argv = PLANCMP + ["matrix"]
        count = big_runs if n == 300 else runs
        times, floors, rss, cpus = b.paired(argv, count, lambda data=data: b.env(data, b.empty_cache()), warm_up=n < 300)
        if n == 31:
            libyaml = float(subprocess.run(LIBYAML + [str(data / "plans")], capture_output=True, text=True,
                                           check=True).stdout)
            per_plan = statistics.median(c / files / libyaml for c, _ in cpus)
            b.row(f"`matrix`, {n} provinces + national, cold", times, floors, rss, cpus,
                  f"per plan {statistics.median(c for c, _ in cpus) / files * 1000:.0f} ms CPU = {per_plan:.2f}× "
                  f"libyaml's parse ({libyaml * 1000:.1f} ms CPU); " + verdict(per_plan, GOALS["matrix31-per-plan"]))
        else:
            t, mb = statistics.median(times), rss / 1024
            b.row(f"`matrix`, {n} provinces + national, cold", times, floors, rss, cpus,
                  verdict(t, GOALS["matrix300-s"], " s") + f" (CPU {statistics.median(c for c, _ in cpus):.1f} s); "
                  + verdict(mb, GOALS["matrix300-mb"], " MB"))
        warm = b.tmp / f"warm-p{n}"
        times, floors, rss, cpus = b.paired(argv, count, lambda data=data, warm=warm: b.env(data, warm))
        b.row(f"`matrix`, {n} provinces + national, warm", times, floors, rss, cpus)


def bench_report(b: Bench, big_runs: int) -> None:
    data = b.tmp / "p300"
    if not data.exists():
        generate(300, data)
    out = b.tmp / "report.html"
    argv = PLANCMP + ["report", "--out", str(out)]
    times, floors, rss, cpus = b.paired(argv, big_runs, lambda: b.env(data, b.empty_cache()), warm_up=False)
    t, mb, html = statistics.median(times), rss / 1024, out.stat().st_size / 1e6
    b.row("`report`, 300 provinces + national, cold", times, floors, rss, cpus,
          verdict(t, GOALS["report300-s"], " s") + f" (CPU {statistics.median(c for c, _ in cpus):.1f} s); "
          + verdict(mb, GOALS["report300-mb"], " MB") + "; HTML "
          + verdict(html, GOALS["report300-html-mb"], " MB"))
    # warm (the cache filled by an unmeasured run): what building and writing the page costs
    # beyond loading and judging the plans
    warm = b.tmp / "warm-report300"
    times, floors, rss, cpus = b.paired(argv, big_runs, lambda: b.env(data, warm))
    b.row("`report`, 300 provinces + national, warm", times, floors, rss, cpus,
          f"CPU {statistics.median(c for c, _ in cpus):.1f} s; HTML {out.stat().st_size / 1e6:.1f} MB")


def bench_big(b: Bench) -> None:
    big = generate_big(BIG, b.tmp / "big")
    times, floors, rss, cpus = b.paired(PLANCMP + ["diff", "national", "big"], 1, lambda: b.env(big, b.empty_cache()),
                                          warm_up=False)
    b.row(f"`diff` of two {BIG:,}-item plans, cold", times, floors, rss, cpus)


def bench_review(b: Bench) -> None:
    """`plancmp review fujian` on a fresh draft, in a real pty (bench/review.py): per class of
    key, the median wall time from the key to the next prompt and the review's CPU in it."""
    from review import draft_folder, medians, session

    base = draft_folder(b.tmp / "review-base", "fujian")
    keys, _, _, _ = session("fujian", 80, 1.0, 4, b.tmp, base)
    names = {"first": "the first answer", "confirm": "a confirmation (y)", "moving": "an answer that moves verdicts",
             "after-moving": "the answer after one that moved verdicts"}
    for what, (count, wall, cpu, worst) in medians(keys).items():
        if what in names:
            line = (f"`review fujian` (pty, 1 s to read), {names[what]}: {count} keys", f"{wall:.0f} ms", "", "", "",
                    f"< 200 ms a key: {'met' if worst < 200 else 'missed'} (CPU {cpu:.0f} ms; slowest {worst:.0f} ms)")
            b.rows.append(line)
            print(f"{line[0]:58} {line[1]:>8}  {line[5]}", flush=True)


def markdown(b: Bench, header: str) -> str:
    floor = statistics.median(b.floors) if b.floors else float("nan")   # --only review runs no floor
    cpu = statistics.median(b.floor_cpus) if b.floor_cpus else float("nan")
    lines = [header, "", "| | wall time (median) | peak memory | × floor, wall (paired median) | × floor, CPU (paired median) | goal (issue 26) |",
             "|---|---:|---:|---:|---:|---|",
             f"| import floor (`import {FLOOR_MODULES}`) | {floor:.3f} s (CPU {cpu:.3f} s) | | 1.00 | 1.00 | |"]
    lines += [f"| {what} | {t} | {mb} | {ratio} | {cpu} | {goal} |" for what, t, mb, ratio, cpu, goal in b.rows]
    return "\n".join(lines) + "\n"


def write_docs(path: Path, text: str) -> None:
    """Replace the block between `<!-- bench:start -->` and `<!-- bench:end -->` of `path`."""
    doc = path.read_text(encoding="utf-8")
    new, count = re.subn(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)", lambda m: m[1] + text + m[2], doc, flags=re.S)
    if count != 1:
        raise SystemExit(f"bench: no <!-- bench:start --> … <!-- bench:end --> block in {path}")
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9, help="measured runs per command (median reported)")
    parser.add_argument("--big-runs", type=int, default=3, help="measured runs at 300 provinces")
    parser.add_argument("--only", choices=["diff", "matrix", "report", "big", "review"], action="append",
                        help="only these measurements (repeatable)")
    parser.add_argument("--write", type=Path, help="rewrite the bench block of this Markdown file")
    args = parser.parse_args()
    only = set(args.only or ["diff", "matrix", "report", "big", "review"])
    compile_bytecode()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="plancmp-bench-") as tmp:
        b = Bench(Path(tmp))
        print(f"machine: {machine()}, load average {load:.2f}")
        print(f"median of {args.runs} runs ({args.big_runs} at 300 provinces), each after an import-floor run\n")
        if "diff" in only:
            bench_diff(b, args.runs)
        if "matrix" in only:
            bench_matrix(b, args.runs, args.big_runs)
        if "report" in only:
            bench_report(b, args.big_runs)
        if "big" in only:
            bench_big(b)
        if "review" in only:
            bench_review(b)
        end_load = os.getloadavg()[0]
        header = (f"Measured by `make bench` on {machine()}; load average {load:.2f} at the start, "
                  f"{end_load:.2f} at the end; median of {args.runs} paired runs ({args.big_runs} at 300 provinces).")
        print(f"\nload average at the end {end_load:.2f}")
        if args.write:
            write_docs(args.write, markdown(b, header))
            print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
