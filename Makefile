# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-slow test-all lint typecheck install validate eval bench browser office screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project metadata changes; editable so data/ is found next to the package.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	$(BIN)/python -m compileall -q plancmp   # as a regular install would: no compiling at every start
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/plancmp diff national liaoning

# The tests on every CPU (pytest-xdist), without the few heavy end-to-end ones marked `slow`;
# `make test-slow` runs those, `make test-all` everything at once (.ci/run: test and test-slow).
PYTEST := $(BIN)/python -m pytest -n auto --dist loadgroup

test: $(STAMP) browser
	$(PYTEST) -m "not slow"

test-slow: $(STAMP) browser office
	$(PYTEST) -m slow

test-all: $(STAMP) browser office
	$(PYTEST)

# ruff and mypy, their versions and rules pinned in pyproject.toml ([tool.ruff], [tool.mypy]); zero findings
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# mypy alone: strict on core, ingest and engine, mypy's default level elsewhere
typecheck: $(STAMP)
	$(BIN)/mypy

# Debian's chromium (and CJK fonts) for the report's browser test; never fails the run:
# without apt (or root) the test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
	  || echo "make browser: could not install chromium; tests/e2e/test_report_browser.py will be skipped"; }

# LibreOffice Calc, to check that every workbook converts (to PDF); never fails the run: without apt
# (or root) the workbook test that converts skips and says why.
office:
	@command -v soffice >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc >/dev/null) \
	  || echo "make office: could not install libreoffice-calc; tests/cli/test_cli_workbooks.py will skip its conversion test"; }

# refresh docs/report.png (the README's picture of the report) from the browser test
screenshot: $(STAMP) browser
	PLANCMP_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/e2e/test_report_browser.py

validate: $(STAMP)
	$(BIN)/plancmp validate

# precision, recall and F1 of the automatic alignment against data/eval/pairs.yaml
eval: $(STAMP)
	$(BIN)/plancmp eval --holdout
	$(BIN)/python -m plancmp.draft.measure   # plancmp new on the four texts as if new, against the curated plans

# speed against the bare interpreter's import floor, and growth over 4/31/300 plans (docs/performance.md)
bench: $(STAMP)
	$(BIN)/python bench/run.py --write docs/performance.md

clean:
	rm -rf $(VENV) build *.egg-info
