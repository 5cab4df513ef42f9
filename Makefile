# The README's commands. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run serve migrate load test test-fast lint format bench bench-matcher bench-demand clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the service with its development tools.

run: install ## Serve on http://127.0.0.1:8000 with SQLite, migrating and loading the catalogue first.
	$(BIN)/navigator serve --host 127.0.0.1 --port 8000

migrate: install ## Apply the database migrations.
	$(BIN)/navigator migrate

load: install ## Load (upsert) the curated catalogue from data/.
	$(BIN)/navigator load data

test: install ## Run the whole test suite (PostgreSQL and browser tests skip, with a reason, when absent).
	$(BIN)/python -m pytest

lint: install ## Ruff and mypy --strict.
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-matcher: install ## In-process matcher latency and index build time at 50, 1k, 10k and 100k offers.
	$(BIN)/python bench/bench_matcher.py

bench-demand: install ## Match latency with anonymous demand recording on vs off (bench/results/demand.md).
	$(BIN)/python bench/bench_demand.py

bench: bench-matcher bench-demand ## Every benchmark; results under bench/results/.

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
