"""Each task's commitments: the numbers and end states its paragraph states, up to the next
heading, each standing in the task's quote (the rule validate applies). Expectations read
from the quoted lines of the texts."""
from __future__ import annotations

from functools import cache

from plancmp.draft import draft_text
from plancmp.draft.reference import load
from plancmp.ingest.checks import in_quote
from plancmp.ingest.workspace import Workspace

from conftest import DATA


@cache
def drafted(plan: str) -> tuple[dict, ...]:
    text = (DATA / "sources" / f"{plan}.txt").read_text(encoding="utf-8")
    return tuple(draft_text(text, load(Workspace(DATA))).tasks)


def tasks(plan: str) -> dict[str, dict]:
    """The drafted tasks by title (the first of a title the text gives twice)."""
    out: dict[str, dict] = {}
    for task in drafted(plan):
        out.setdefault(task["title"], task)
    return out


def test_a_paragraphs_figures_and_end_states_are_its_tasks_commitments():
    # fujian.txt:249 养老服务。…确保每个县（市、区）至少建有1所…县级供养服务设施。…打造“一刻钟”养老服务圈…
    assert tasks("fujian")["养老服务"]["commitments"] == ["至少建有1所", "一刻钟"]
    # fujian.txt:214 按照公共服务能力配置。…打造15分钟和5-10分钟便民利民服务生活圈。
    assert tasks("fujian")["按照公共服务能力配置"]["commitments"] == ["15分钟", "5-10分钟"]
    # gansu.txt:141 住房保障。…依申请应保尽保。…到2025年累计新开工改造棚户区19万户（套）。…做到应保尽保。
    assert tasks("gansu")["住房保障"]["commitments"] == ["应保尽保", "19万户（套）"]


def test_a_heading_nested_in_a_paragraph_commits_to_its_own_words_only():
    # liaoning.txt:227 社会服务。加强社会福利服务设施建设。… 加强救助设施和服务能力建设。…实现救助服务网络
    # 覆盖全部县市。…到 2025 年，实现在设区市全覆盖。…到 2025 年，救助设施在设市区、县覆盖率达到 100%…
    # (推进民政精神卫生社会福利设施建设 is the next heading: the 2025 figures are its)
    liaoning = tasks("liaoning")
    assert liaoning["加强社会福利服务设施建设"].get("commitments") is None
    assert liaoning["加强救助设施和服务能力建设"]["commitments"] == ["覆盖全部县市"]
    assert liaoning["推进民政精神卫生社会福利设施建设"]["commitments"] == ["全覆盖", "100%", "配备齐全"]


def test_a_task_without_figures_has_no_commitments_and_quotes_its_paragraph():
    # fujian.txt:304 发展普惠托育服务。坚持社会化发展托育服务，引导国有企业举办普惠性托育，着力增加3岁以下
    # 婴幼儿普惠性托育服务有效供给。 (3岁 is an age); the paragraph ends there
    task = tasks("fujian")["发展普惠托育服务"]
    line = (DATA / "sources" / "fujian.txt").read_text(encoding="utf-8").splitlines()[303]
    assert "commitments" not in task and task["evidence"]["quote"] == line.strip()


def test_every_commitment_stands_in_its_quote():
    for plan in ("national", "liaoning", "gansu", "fujian"):
        for task in drafted(plan):
            for value in task.get("commitments") or ():
                assert in_quote(value, task["evidence"]["quote"]), (plan, task["title"], value)
