# Two commands on a fresh machine: `make run` (set up + the example story) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := out/claimledger.db

.PHONY: setup run test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

setup: $(BIN)/.installed

run: setup
	$(BIN)/claimledger ingest examples/nk-troops --db $(DB)
	$(BIN)/claimledger report --db $(DB) --format json -o out/dossier.json

lint: setup
	$(BIN)/ruff check claimledger tests bench

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/ingest.py --articles 200

clean:
	rm -rf out .pytest_cache .ruff_cache
