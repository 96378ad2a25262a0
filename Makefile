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

CODE := $(shell find src pipelines -type f ! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null | sort)

.PHONY: help install model run report test bench scale fuzz golden sample-pdfs clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP) ## Create .venv and install leakmine with its dependencies

# leakmine's modules are compiled to bytecode here, as pip compiles an installed package: an editable
# install leaves it to the first import, which never writes it where PYTHONDONTWRITEBYTECODE is set.
$(MODEL)/meta.json: $(STAMP) $(CODE)
	$(BIN)/python -m compileall -q src
	$(BIN)/python -m leakmine.build_model $(MODEL)

model: $(MODEL)/meta.json ## Build the extraction pipeline into models/

# `leakmine run` itself finds what changed (inputs, code, data/corrections.csv; with nothing changed it
# reads only the manifest), so any file name works in data/raw. Exit 1 means some inputs are
# unreadable: they are listed on every run and in the errors table, and do not stop `make report`;
# exit 2 (leakmine failed) does.
run: $(MODEL)/meta.json ## Mine data/raw into tables in data/processed (applying data/corrections.csv)
	$(BIN)/leakmine run $(RAW) $(OUT) --workers 2 --csv || [ $$? -eq 1 ]

report: run ## Write data/processed/report.html from the tables
	$(BIN)/leakmine report $(OUT)

test: $(STAMP) ## Run the linter and the test suite
	$(BIN)/ruff check src tests pipelines
	$(BIN)/pytest

bench: $(MODEL)/meta.json ## Measure ingest and extraction speed on the sample corpus
	$(BIN)/python pipelines/bench.py $(RAW)

# A MEDLINE file of SCALE_N citations (the shared sample repeated, distinct PMIDs) built in SCALE_DIR and
# mined by both engines: time, CPU, peak memory per process, rows, and whether the tables are identical.
SCALE_N ?= 100000
SCALE_DIR ?= /tmp/leakmine-scale
SCALE_FLAGS ?= --screen
scale: $(MODEL)/meta.json ## Mine a 100k-citation MEDLINE file with both engines (long; SCALE_N, SCALE_FLAGS)
	test -f $(SCALE_DIR)/medline-$(SCALE_N).xml.gz || \
	  $(BIN)/python pipelines/medline_scale.py build $(SCALE_N) $(SCALE_DIR)/medline-$(SCALE_N).xml.gz
	$(BIN)/python pipelines/medline_scale.py run $(SCALE_DIR)/medline-$(SCALE_N).xml.gz \
	  $(SCALE_DIR)/run-$(SCALE_N) --workers 2 $(SCALE_FLAGS)

# Mutation fuzzing: N fresh inputs from the sample corpus (and ../shared/corpus/real when beside the
# clone), each mined in a forked child under a time and memory cap; any traceback, timeout or
# input over the memory budget is reported with the seed that regenerates it.
N ?= 1000
fuzz: $(MODEL)/meta.json ## Mutation-fuzz N fresh inputs (default 1000): no traceback, timeout or memory overrun
	$(BIN)/python pipelines/fuzz.py -n $(N)

golden: $(MODEL)/meta.json ## Regenerate tests/golden from data/raw (on purpose; review the diff)
	$(BIN)/python pipelines/regen_golden.py

sample-pdfs: $(STAMP) ## Re-render the two-column sample PDFs from pipelines/pdf_sources
	for src in pipelines/pdf_sources/*.txt; do \
	  $(BIN)/python pipelines/render_pdf.py "$$src" "$(RAW)/$$(basename "$${src%.txt}").pdf"; done

clean: ## Remove the venv, built model and outputs
	rm -rf $(VENV) $(MODEL) $(OUT)/* $(OUT)/.cache $(OUT)/.generations $(OUT)/.digests.json $(OUT)/.lock \
	  .pytest_cache .ruff_cache
