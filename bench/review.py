"""`plancmp review P`'s key latency, measured from outside as a person meets it.

`plancmp review P` runs in a real pseudo-terminal (its stdin a tty: one key, no Enter), in a
data folder where P is a fresh draft (`plancmp new` from P's text, every item `draft: true`; its
links and press files left out, as tests/helpers_drafts.py does). The driver waits for each
decision's prompt (`y/n/…? `), "reads" for `--think` seconds, presses a key and times the wall
clock from the key to the next prompt; the CPU time the review process spent in that interval
(all its threads, /proc/PID/task/*/schedstat, nanoseconds) is taken with it. The keys follow a
fixed pattern so the figure is reproducible: `y` (accept) but every `--every`-th decision, which
gets `n` (a forbid, a pin, a deletion, a sentence not stating it: the answers that may move
verdicts) unless `n` would open the editor. Each key is classed by what the review says it wrote:

- *first*: the first answer of the session;
- *confirm*: `y` that only confirmed (deleted `draft: true` lines) or recorded an acceptance;
- *moving*: an answer that may move verdicts (a pin, a forbid, an item written or deleted);
- *after moving*: the answer after a moving one (it takes the verdicts the moving one computed).

    python bench/review.py                         # fujian, 40 keys, 1.5 s to read each decision
    python bench/review.py --plan gansu --keys 60 --think 0.5 --every 3

Linux only (a pty, /proc). Nothing is written outside a temporary folder.
"""
from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
PLANCMP = [PY, "-c", "import sys; from plancmp.cli import main; sys.argv[0] = 'plancmp'; sys.exit(main())"]
PROMPT = re.compile(rb"\n(?:[ynaesq]/)*q\? $")
DONE = re.compile(rb"(decisions? left|nothing left|all \d+ answered|answered)[^\n]*\n", re.I)
MOVING = re.compile(r"\b(forbid|pin|deleted|wrote|vocabulary)\b")


class Key(NamedTuple):
    n: int
    key: str
    what: str       # first | confirm | moving | after-moving | other
    wall: float     # seconds from the key to the next prompt
    cpu: float      # CPU seconds of the review process (every thread) in that time
    said: str


def draft_folder(target: Path, plan: str) -> Path:
    """data/ with `plan` drafted from its text (as tests/helpers_drafts.py makes it)."""
    import yaml

    data = ROOT / "data"
    shutil.copytree(data, target, ignore=shutil.ignore_patterns("eval"))
    curated = yaml.safe_load((data / "plans" / f"{plan}.yaml").read_text(encoding="utf-8"))
    (target / "plans" / f"{plan}.yaml").unlink()
    (target / "sources" / f"{plan}.txt").unlink()
    for press in (target / "press").glob("*.yaml"):
        if (yaml.safe_load(press.read_text(encoding="utf-8")) or {}).get("plan") == plan:
            press.unlink()
    links = (data / "links.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    (target / "links.yaml").write_text("".join(line for line in links if f"= {plan}:" not in line), encoding="utf-8")
    args = ["new", plan, "--source", str(data / "sources" / f"{plan}.txt"), "--name", curated["name"],
            "--region", curated["region"]]
    for alias in curated.get("aliases") or ():
        args += ["--alias", alias]
    env = dict(os.environ, PLANCMP_DATA=str(target))
    subprocess.run(PLANCMP + args, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return target


def cpu_of(pid: int) -> float:
    """CPU seconds of every thread of `pid` so far (schedstat: nanoseconds on a CPU)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{task}/schedstat") as fh:
                    total += int(fh.read().split()[0])
            except (OSError, ValueError, IndexError):
                pass
    except OSError:
        pass
    return total / 1e9


def drive(data: Path, env: dict, plan: str, keys: int, think: float, every: int,
          timeout: float = 120.0) -> tuple[list[Key], float, float, float]:
    """Answer `keys` decisions of `plancmp review plan` in a pty. Returns the keys' timings, the
    session's start (launch to first prompt, wall), and its whole wall and CPU time (the review
    and every process it started, from wait4)."""
    import pty

    master, slave = pty.openpty()
    import termios

    attrs = termios.tcgetattr(slave)
    attrs[3] &= ~termios.ECHO   # what the review prints, not the keys typed
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    start = time.perf_counter()
    proc = subprocess.Popen(PLANCMP + ["review", plan], stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=ROOT, start_new_session=True, close_fds=True)
    os.close(slave)
    buf = bytearray()

    def until(pattern: re.Pattern, since: int) -> tuple[float, re.Match | None]:
        deadline = time.perf_counter() + timeout
        while True:
            found = pattern.search(bytes(buf[since:]))
            if found:
                return time.perf_counter(), found
            left = deadline - time.perf_counter()
            if left <= 0 or proc.poll() is not None and not select.select([master], [], [], 0)[0]:
                return time.perf_counter(), None
            ready, _, _ = select.select([master], [], [], min(left, 0.5))
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    chunk = b""
                if not chunk and proc.poll() is not None:
                    return time.perf_counter(), None
                buf.extend(chunk)

    out: list[Key] = []
    at, found = until(PROMPT, 0)
    if found is None:
        proc.kill()
        raise SystemExit(f"bench review: no first prompt:\n{buf.decode(errors='replace')[-2000:]}")
    started = at - start
    last_moving = False
    for n in range(1, keys + 1):
        shown_from = len(buf) - 1
        shown = buf[buf.rfind(b"\n[", 0, len(buf)) + 1:].decode(errors="replace")
        time.sleep(think)
        key = "y"
        offered = shown.rsplit("\n", 1)[-1]
        if every and n % every == 0 and "n/" in offered and "opens the editor" not in shown:
            key = "n"
        elif "y/" not in offered:
            key = "s"
        cpu0 = cpu_of(proc.pid)
        t0 = time.perf_counter()
        os.write(master, key.encode())
        at, found = until(PROMPT, shown_from)
        wall = at - t0
        cpu = cpu_of(proc.pid) - cpu0
        if found is None:
            break
        reply = buf[shown_from:].decode(errors="replace").split("\n")
        said = next((line.strip() for line in reply[1:4] if line.startswith("  ") and line.strip()), "")
        moving = bool(MOVING.search(said))
        what = "first" if n == 1 else "moving" if moving else "after-moving" if last_moving else (
            "confirm" if said else "other")
        out.append(Key(n, key, what, wall, cpu, said))
        last_moving = moving
    os.write(master, b"q")
    until(DONE, 0)
    try:
        _, _, usage = os.wait4(proc.pid, 0)
    except ChildProcessError:
        usage = None
    os.close(master)
    whole = time.perf_counter() - start
    return out, started, whole, (usage.ru_utime + usage.ru_stime) if usage else float("nan")


def medians(keys: list[Key]) -> dict[str, tuple[int, float, float, float]]:
    """{class: (count, median wall ms, median CPU ms, slowest wall ms)}; 'all' too."""
    out = {}
    for what in ("first", "confirm", "moving", "after-moving", "all"):
        chosen = [k for k in keys if what in ("all", k.what)]
        if chosen:
            out[what] = (len(chosen), 1000 * statistics.median(k.wall for k in chosen),
                         1000 * statistics.median(k.cpu for k in chosen), 1000 * max(k.wall for k in chosen))
    return out


def session(plan: str, keys: int, think: float, every: int, tmp: Path, base: Path | None = None) -> tuple:
    """One review session in a fresh copy of the drafted folder, the cache warm (the draft's diff
    computed by `plancmp review P --list`, as a person's `plancmp new` and first look leave it)."""
    data = tmp / f"data-{time.monotonic_ns()}"
    shutil.copytree(base, data) if base is not None else draft_folder(data, plan)
    cache = tmp / f"cache-{time.monotonic_ns()}"
    env = {k: v for k, v in os.environ.items() if k not in ("PLANCMP_DATA", "PLANCMP_NO_CACHE", "NO_COLOR", "VISUAL")}
    env.update(PLANCMP_DATA=str(data), XDG_CACHE_HOME=str(cache), XDG_STATE_HOME=str(tmp / "state"),
               COLUMNS="120", LINES="40", LANG="C.UTF-8", TERM="dumb", EDITOR="true")
    subprocess.run(PLANCMP + ["review", plan, "--list"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return drive(data, env, plan, keys, think, every)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plan", default="fujian")
    parser.add_argument("--keys", type=int, default=40, help="keys pressed in a session")
    parser.add_argument("--sessions", type=int, default=1)
    parser.add_argument("--think", type=float, default=1.5, help="seconds between a prompt and the key")
    parser.add_argument("--every", type=int, default=4, help="every N-th decision is answered n")
    parser.add_argument("--verbose", "-v", action="store_true", help="every key")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plancmp-bench-review-") as tmp:
        base = draft_folder(Path(tmp) / "base", args.plan)
        every: list[Key] = []
        firsts = []
        for s in range(args.sessions):
            load = os.getloadavg()[0]
            keys, started, whole, cpu = session(args.plan, args.keys, args.think, args.every, Path(tmp), base)
            every += keys
            firsts.append(keys[0] if keys else None)
            print(f"session {s + 1}: load {load:.2f}; {len(keys)} keys; start to first prompt {started:.2f} s; "
                  f"whole {whole:.1f} s wall, {cpu:.2f} s CPU (with its children)")
            if args.verbose:
                for k in keys:
                    print(f"  {k.n:3} {k.key} {k.what:12} {1000 * k.wall:7.1f} ms wall {1000 * k.cpu:7.1f} ms CPU  {k.said[:70]}")
        for what, (count, wall, cpu, worst) in medians(every).items():
            print(f"{what:13} {count:4} keys: median {wall:6.1f} ms wall, {cpu:6.1f} ms CPU; slowest {worst:6.1f} ms")
        print(f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
