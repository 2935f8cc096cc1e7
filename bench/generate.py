"""Make synthetic provinces for benchmarks by perturbing the real provincial plans.

Each synthetic plan starts from a real province (liaoning, fujian, gansu in turn),
drops a random tenth of its items, shuffles the rest within each list and nudges
every numeric target by up to ±10 %. Its source text is written beside it and
holds exactly its (perturbed) quotes, so every synthetic plan validates cleanly.

    python bench/generate.py 31 bench/out/p31      # national + 31 provinces
"""
from __future__ import annotations

import argparse
import copy
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
        kept = {i["id"] for i in items}
        items = [i for i in items if i.get("restates", i["id"]) in kept]   # a restatement needs its first statement
        rng.shuffle(items)
        for item in items:
            if kind == "targets":
                _perturb_target(item, rng)
            quotes.append(item["evidence"]["quote"])
        plan[kind] = items
    for gap in plan.get("source_gaps") or []:
        quotes += [r["quote"] for r in gap.get("reveals") or []]
    plan.pop("background", None)   # its headings are not in the synthetic text
    return plan, "\n".join(quotes) + "\n"


def enlarge(base: dict, items: int, plan_id: str) -> tuple[dict, str]:
    """A plan of about `items` items: the base's items copied, each copy with its own id and
    a numbered name (so that the copies are different commitments that share words)."""
    plan = {**base, "id": plan_id, "source": f"../sources/{plan_id}.txt"}
    plan.pop("background", None)
    total = sum(len(base[k]) for k in ("targets", "services", "tasks"))
    copies = -(-items // total)
    names = {"targets": "indicator", "services": "item", "tasks": "title"}
    quotes = []
    for kind, field in names.items():
        plan[kind] = [dict(copy.deepcopy(i), id=f"{i['id']}-{n}", **{field: f"{i[field]}{n}"},
                           **({"restates": f"{i['restates']}-{n}"} if i.get("restates") else {}))
                      for n in range(copies) for i in base[kind]]   # deep: YAML would write shared values as aliases
        quotes += [i["evidence"]["quote"] for i in base[kind]]
    for gap in plan.get("source_gaps") or []:
        quotes += [r["quote"] for r in gap.get("reveals") or []]
    return plan, "\n".join(quotes) + "\n"


def generate_big(items: int, out: Path) -> Path:
    """national and one province (from liaoning) of about `items` items each."""
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    (out / "sources").mkdir()
    header = "# yaml-language-server: $schema=../../plancmp/schemas/plan.schema.json\n"
    for base_id, plan_id in (("national", "national"), ("liaoning", "big")):
        base = yaml.safe_load((REAL / "plans" / f"{base_id}.yaml").read_text(encoding="utf-8"))
        plan, source = enlarge(base, items, plan_id)
        (out / "plans" / f"{plan_id}.yaml").write_text(
            header + yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
        (out / "sources" / f"{plan_id}.txt").write_text(source, encoding="utf-8")
    return out


def generate_tasks(tasks: int, out: Path, domain: str | None = None) -> Path:
    """national and one province ("big", from liaoning) of exactly `tasks` key tasks each and
    nothing else: the real tasks copied with numbered titles, their quotes cut to 40 characters
    so that a plan of 5,000 tasks stays within a plan file's 2 MB. `domain`: every task in this
    one domain (the largest block the assignment can meet)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    (out / "sources").mkdir()
    for base_id, plan_id in (("national", "national"), ("liaoning", "big")):
        base = yaml.safe_load((REAL / "plans" / f"{base_id}.yaml").read_text(encoding="utf-8"))
        kept = [{k: v for k, v in t.items() if k not in ("notes", "commitments")} for t in base["tasks"] if not t.get("restates")]
        for task in kept:
            task["evidence"] = dict(task["evidence"], quote=task["evidence"]["quote"][:40])
            task["domain"] = domain or task["domain"]
        base = dict(base, targets=[], services=[], tasks=kept, source_gaps=[])
        plan, source = enlarge(base, tasks, plan_id)
        plan["tasks"] = plan["tasks"][:tasks]
        (out / "plans" / f"{plan_id}.yaml").write_text(
            "# synthetic: plancmp bench/generate.py\n" + yaml.safe_dump(plan, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8")
        (out / "sources" / f"{plan_id}.txt").write_text(source, encoding="utf-8")
    return out


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
