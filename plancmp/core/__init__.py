"""The domain's own types and words, which every layer above uses: the plan model and
positions, findings and errors, the vocabularies, values as plans write them, text
normalised for comparing, indicator facts, verdicts and their labels, what an item commits
to as one line (commitment.py). Imports only files/.

Records follow one rule across the package:
- a record that does not change once made is a NamedTuple (Pos, Evidence, Row, Link,
  Column …): cached plans and diffs hold them by the thousand, and a NamedTuple is
  defined and unpickled several times faster than a dataclass;
- a dataclass only where a NamedTuple cannot serve: fields that subclasses share (the
  items: Target, Service, Task), a record filled in or changed after it is made (Plan,
  Diff, Links, validate's Report, grids and the drafter's builders), or one that checks
  itself when made (Finding).
"""
