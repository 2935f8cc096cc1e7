"""Make synthetic provinces for benchmarks by perturbing the real provincial plans.

Each synthetic plan starts from a real province (liaoning, fujian, gansu in turn),
drops a random tenth of its items, shuffles the rest within each list and nudges
every numeric target by up to ±10 %. Its source text is written beside it and
holds exactly its (perturbed) quotes, so every synthetic plan validates cleanly.

    python bench/generate.py 31 bench/out/p31      # national + 31 provinces
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data"
BASES = ("liaoning", "fujian", "gansu")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _nudge(value: str, rng: random.Random) -> str:
    """Scale the first number of a value by 0.9–1.1, keeping its decimals."""
    match = NUMBER.search(value)
    if not match:
        return value
    text = match.group()
    decimals = len(text.split(".")[1]) if "." in text else 0
    new = f"{float(text) * rng.uniform(0.9, 1.1):.{decimals}f}"
    return value[: match.start()] + new + value[match.end():]


def _perturb_target(item: dict, rng: random.Random) -> None:
    old = str(item["target"])
    new = _nudge(old, rng)
    if new != old and old in item["evidence"]["quote"]:
        item["target"] = new
        item["evidence"]["quote"] = item["evidence"]["quote"].replace(old, new, 1)


def synthesise(base: dict, number: int, rng: random.Random) -> tuple[dict, str]:
    plan = {**base, "id": f"synth{number:03d}", "name": f"合成省{number:03d}“十四五”公共服务规划",
            "region": f"合成省{number:03d}", "source": f"../sources/synth{number:03d}.txt"}
    quotes = []
    for kind in ("targets", "services", "tasks"):
        items = [dict(i, evidence=dict(i["evidence"])) for i in base[kind] if rng.random() > 0.1]
        rng.shuffle(items)
        for item in items:
            if kind == "targets":
                _perturb_target(item, rng)
            quotes.append(item["evidence"]["quote"])
        plan[kind] = items
    for gap in plan.get("source_gaps") or []:
        quotes += [r["quote"] for r in gap.get("reveals") or []]
    return plan, "\n".join(quotes) + "\n"


def generate(provinces: int, out: Path, seed: int = 14) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    (out / "sources").mkdir()
    shutil.copy(REAL / "plans" / "national.yaml", out / "plans")
    shutil.copy(REAL / "sources" / "national.txt", out / "sources")
    bases = {b: yaml.safe_load((REAL / "plans" / f"{b}.yaml").read_text(encoding="utf-8")) for b in BASES}
    header = "# yaml-language-server: $schema=../../plancmp/schemas/plan.schema.json\n"
    for n in range(1, provinces + 1):
        plan, source = synthesise(bases[BASES[(n - 1) % len(BASES)]], n, rng)
        (out / "plans" / f"{plan['id']}.yaml").write_text(
            header + yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        (out / "sources" / f"{plan['id']}.txt").write_text(source, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("provinces", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    print(generate(args.provinces, args.out, args.seed))


if __name__ == "__main__":
    main()
