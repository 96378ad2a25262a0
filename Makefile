# leakmine: `make run` mines the sample corpus, `make test` runs the tests. `make help` lists all.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
RAW := data/raw
OUT := data/processed
MODEL := models/leakmine-extract
STAMP := $(VENV)/.installed

PAPERS := $(shell find $(RAW) -type f ! -name '.*' 2>/dev/null | sort)
CORRECTIONS := $(wildcard data/corrections.csv)
CODE := $(shell find src pipelines -type f ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null | sort)

.PHONY: help install model run report test bench golden sample-pdfs clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP) ## Create .venv and install leakmine with its dependencies

$(MODEL)/meta.json: $(STAMP) $(CODE)
	$(BIN)/python -m leakmine.build_model $(MODEL)

model: $(MODEL)/meta.json ## Build the extraction pipeline into models/

# A run with error rows keeps its tables (PRECIOUS) but dates _meta.json back, so `make run` retries.
.PRECIOUS: $(OUT)/_meta.json
$(OUT)/_meta.json: $(MODEL)/meta.json $(RAW) $(PAPERS) $(CORRECTIONS)
	$(BIN)/leakmine run $(RAW) $(OUT) --workers 2 || { touch -d @0 $@ 2>/dev/null; exit 1; }

run: $(OUT)/_meta.json ## Mine data/raw into tables in data/processed (applying data/corrections.csv)

report: $(OUT)/_meta.json ## Write data/processed/report.html from the tables
	$(BIN)/leakmine report $(OUT)

test: $(STAMP) ## Run the linter and the test suite
	$(BIN)/ruff check src tests pipelines
	$(BIN)/pytest

bench: $(MODEL)/meta.json ## Measure ingest and extraction speed on the sample corpus
	$(BIN)/python pipelines/bench.py $(RAW)

golden: $(MODEL)/meta.json ## Regenerate tests/golden from data/raw (on purpose; review the diff)
	$(BIN)/python pipelines/regen_golden.py

sample-pdfs: $(STAMP) ## Re-render the two-column sample PDFs from pipelines/pdf_sources
	for src in pipelines/pdf_sources/*.txt; do \
	  $(BIN)/python pipelines/render_pdf.py "$$src" "$(RAW)/$$(basename "$${src%.txt}").pdf"; done

clean: ## Remove the venv, built model and outputs
	rm -rf $(VENV) $(MODEL) $(OUT)/* $(OUT)/.cache $(OUT)/.staging .pytest_cache .ruff_cache
