# Two entry points for a fresh machine: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MODEL_DIR := $(wildcard models/en_readout_core-*)
STAMP := $(VENV)/.readout-installed

.PHONY: demo test lint bench env clean

env: $(STAMP)

$(STAMP): pyproject.toml $(wildcard models/en_readout_core-*/meta.json) src/readout/kb/curated.yaml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	if [ -n "$(MODEL_DIR)" ]; then $(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation $(MODEL_DIR); fi
	$(BIN)/readout kb build
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/readout extract examples/ -o out/examples.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench training
	$(BIN)/ruff format --check src tests bench training
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out build src/*.egg-info
