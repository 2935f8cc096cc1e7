"""Small synthetic plans for the alignment and verdict tests."""
from __future__ import annotations

from pathlib import Path

from plancmp.core.model import Baseline, Evidence, Plan, Service, SourceGap, Target, Task
from plancmp.ingest.yamldoc import Pos

POS = Pos("test.yaml", 1, 1)


def plan(pid: str, level: str = "province", region: str | None = None, gaps=()) -> Plan:
    return Plan(id=pid, name=f"{pid} plan", level=level, region=region or f"{pid}省", period="2021-2025",
                source=Path("x.txt"), path=Path(f"{pid}.yaml"), source_gaps=list(gaps))


def target(p: Plan, tid: str, indicator: str, value: str, unit: str | None = "%", domain: str = "老有所养",
           baseline: str | None = None, flags=(), quote: str | None = None, year: int = 2025,
           restates: str | None = None, basis: str = "table") -> Target:
    t = Target(plan=p.id, id=tid, domain=domain, evidence=Evidence(quote or f"{indicator}{value}", "专栏1", POS), pos=POS,
               indicator=indicator, unit=unit, baseline=Baseline(baseline, 2020) if baseline else None,
               target=value, year=year, binding=None, basis=basis, flags=tuple(flags), restates=restates)
    p.targets.append(t)
    return t


def service(p: Plan, sid: str, name: str, domain: str = "弱有所扶", standard: str | None = None) -> Service:
    s = Service(plan=p.id, id=sid, domain=domain, evidence=Evidence(name, None, POS), pos=POS, item=name, standard=standard)
    p.services.append(s)
    return s


def task(p: Plan, tid: str, title: str, domain: str = "老有所养", commitments=()) -> Task:
    t = Task(plan=p.id, id=tid, domain=domain, evidence=Evidence(title, None, POS), pos=POS, title=title,
             basis="text", commitments=tuple(commitments))
    p.tasks.append(t)
    return t


def gap(gid: str, kinds=("targets",), domains=None) -> SourceGap:
    """kinds/domains None: could hold any; (): holds none."""
    return SourceGap(id=gid, section="专栏1 主要指标", description="lost",
                     kinds=None if kinds is None else tuple(kinds), domains=None if domains is None else tuple(domains))


def longest_common(a: str, b: str) -> int:
    """Length of the longest run of characters of `a` that also stands in `b` (two names of
    one indicator share a long run: 人均预期寿命 / 人均期望寿命)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def said(notes) -> list[str]:
    """A row's notes or reasons (codes and values) as the English sentences a reader sees."""
    from plancmp.core.i18n import Labels

    return [Labels("en").note(n) for n in notes]
