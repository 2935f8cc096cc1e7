"""Diffs into what a command shows, as plain data (dicts and lists, no text layout): one
module per view (matrix, targetgrid, show, stats, search, debt, report, evaluate, claims,
changes), the cross-plan helpers (crossplan) and the memoised diffs (results).
Imports engine/ and below; render/ turns the data into text.
"""
