"""Two plans into a diff: align their items (align, with assign's optimal one-to-one), then
give every pair or lone item its verdict (compare), asking mentions whether the other
plan's text states what no item pairs with. claims.py holds the rules by which a press
claim stands against the plan it retells (plancmp claims). A new verdict rule goes in compare.py (its
status, symbol and bucket in core/verdicts.py, its words in vocab/labels.yaml).
Imports ingest/, core/ and files/.
"""
