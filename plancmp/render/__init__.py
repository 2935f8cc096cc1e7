"""Plain data into output: text tables (textgrid lays out every one, tabular gives them
a title and narrower layouts), Markdown, CSV, JSON, HTML and xlsx. A new output format
is a module here plus its name in the command's format choice: OutputFormat and
SheetFormat (cli/common.py, rendered by common.emit) are shared by several commands;
diff dispatches its formats itself (cli/diff_cmd.py); changes and validate have their
own. How a verdict looks in each medium is verdict_style.py. No loading, no comparing.
"""
