"""Plain data into output, through one pipeline: a command wraps its view's data in a
`Result` (result.py: the data JSON prints, its tables, its annotations, a text layout of
its own where it needs one, its exit status); each view declares its tables once
(tabular.py: columns with their type and role; one module per view: diff, matrix,
targets, show, search, stats, debt, claims, changes, findings, evaluate); the registry
of formats (formats/: text, json, csv, markdown, xlsx, github) renders any result.
textgrid lays out text tables; xlsx.py writes workbooks; html.py the report. How a
verdict looks in each medium is verdict_style.py. No loading, no comparing.
"""
