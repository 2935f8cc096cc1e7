"""vocab/commitments.yaml is checked by `plancmp validate`: shape, national ids, seen_in, quotes."""
from __future__ import annotations

from plancmp.ingest import knowledge
from plancmp.ingest.workspace import Workspace

from conftest import DATA


def test_the_shipped_vocabulary_is_valid():
    files, findings = knowledge.check(Workspace(DATA).plans(), Workspace(DATA))
    assert files and findings == []


def test_unknown_items_plans_and_quotes_are_findings(tmp_path):
    path = tmp_path / "commitments.yaml"
    path.write_text("""terms:
  - term: 流浪乞讨人员救助
    items: [no-such-item]
    reason: r
    quote: 这句话不在国家规划里
    seen_in: [atlantis]
commitments:
  - item: two-exemptions-one-subsidy
    parts: [免除学杂费]
    reason: r
    seen_in: [liaoning]
""", encoding="utf-8")
    _, findings = knowledge.check(Workspace(DATA).plans(), Workspace(DATA), path)
    assert sorted(f.code for f in findings) == ["vocab-quote-not-found", "vocab-unknown-item", "vocab-unknown-plan"]
    path.write_text("terms: []\ncommitments: [{item: x}]\n", encoding="utf-8")
    _, findings = knowledge.check(Workspace(DATA).plans(), Workspace(DATA), path)
    assert findings and all(f.severity == "error" for f in findings)
