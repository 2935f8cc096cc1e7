"""Where a cold `plancmp diff national liaoning` spends its time, by phase: the CPU profile
(cProfile, process time) of one run in this process, from an empty cache folder.

    python bench/phases.py            # the table the performance docs quote

Cumulative times of overlapping phases (the diff holds the alignment and the text search);
profiling inflates pure-Python parts, so read the shares, not the seconds.
"""
from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import time

PHASES = [   # (label, module path suffix, function name): the first that exists counts
    ("vocabularies (YAML)", "plancmp/core/vocab.py", "read"),
    ("plans read (parse, schema, checks)", ("plancmp/ingest/workspace.py", "plancmp/ingest/loaded.py",
                                            "plancmp/ingest/load.py"), "load_plan_cached"),
    ("  YAML with positions", "plancmp/ingest/yamldoc.py", "parse"),
    ("  schema check", "plancmp/ingest/schemacheck.py", "check"),
    ("  validate's checks", "plancmp/ingest/checks.py", "check_plan"),
    ("diff (engine)", "plancmp/engine/compare.py", "judge_all"),
    ("diff (engine)", "plancmp/engine/compare.py", "diff"),
    ("  alignment", "plancmp/engine/align.py", "align"),
    ("  coverage and the search of the text", "plancmp/engine/compare.py", "_covered"),
    ("  text index built", "plancmp/ingest/textsearch.py", "build"),
    ("cache writes", "plancmp/files/cache.py", "put"),
    ("rendering the table", "plancmp/render/formats/__init__.py", "render"),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(XDG_CACHE_HOME=tmp + "/cache", XDG_STATE_HOME=tmp + "/state", COLUMNS="160")
        os.environ.pop("PLANCMP_NO_CACHE", None)
        import rapidfuzz.process  # noqa: F401  the import floor, not profiled
        import rich.console  # noqa: F401
        import rich.table  # noqa: F401
        import typer  # noqa: F401
        import yaml  # noqa: F401

        profile = cProfile.Profile(time.process_time)
        sys.argv = ["plancmp", "diff", "national", "liaoning"]
        stdout, sys.stdout = sys.stdout, open(os.devnull, "w")
        profile.enable()
        try:
            from plancmp.cli import main as cli

            cli()
        except SystemExit:
            pass
        finally:
            profile.disable()
            sys.stdout.close()
            sys.stdout = stdout
    stats = pstats.Stats(profile).stats
    total = sum(tt for _, _, tt, _, _ in stats.values())
    found = {}
    for (path, _, name), (_, _, _, cumulative, _) in stats.items():
        for label, suffix, function in PHASES:
            if path.endswith(suffix) and name == function:
                found[label] = max(found.get(label, 0.0), cumulative)
    print(f"| phase | CPU (profiled) | share |\n|---|---:|---:|\n| whole run beyond the import floor | {total:.3f} s | 100 % |")
    for label in dict.fromkeys(label for label, _, _ in PHASES):   # in order, once
        if label in found:
            print(f"| {label} | {found[label]:.3f} s | {found[label] / total:.0%} |")


if __name__ == "__main__":
    main()
