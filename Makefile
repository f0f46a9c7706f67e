# Two commands on a fresh machine: `make run` (set up + the example story) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := out/claimledger.db
GOLD ?= ../shared/eval

.PHONY: setup run test lint eval bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/claimledger ingest examples/nk-troops --db $(DB)
	$(BIN)/claimledger report --db $(DB) --format html -o out/dossier.html
	$(BIN)/claimledger report --db $(DB) --format md -o out/dossier.md
	$(BIN)/claimledger report --db $(DB) --format json -o out/dossier.json

lint: setup
	$(BIN)/ruff check claimledger tests bench eval

# The browser test needs Debian's chromium and the store tests a PostgreSQL server on
# 127.0.0.1: both scripts install and start what is missing (as root) and are idempotent.
test: setup lint
	scripts/install-browser.sh
	url=$$(scripts/start-postgres.sh) && CLAIMLEDGER_TEST_PG_URL=$$url $(BIN)/python -m pytest

# Extraction quality against gold annotations (not shipped): fails below eval/thresholds.json.
eval: setup
	$(BIN)/python eval/check.py --polnear $(GOLD)/polnear/dev \
		--newsquant $(GOLD)/newsquant/newsquant-dev.json

bench: setup
	$(BIN)/python bench/ingest.py --articles 200
	$(BIN)/python bench/report.py --articles 1000
	$(BIN)/python bench/reconcile.py
	$(BIN)/python bench/scale.py --articles 2000

clean:
	rm -rf out .pytest_cache .ruff_cache
