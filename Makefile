# The README's commands. `make run` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run serve serve-prod migrate load test test-fast lint format bench bench-matcher bench-demand bench-http profile-http bench-head-limit bench-intake eval-intake eval examples client clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the service with its development tools.

HOST ?= 127.0.0.1
PORT ?= 8000
run: install ## Serve on http://$(HOST):$(PORT) (default 127.0.0.1:8000) with SQLite, migrating and loading first.
	$(BIN)/navigator serve --host $(HOST) --port $(PORT)

# Production: several stateless workers sharing PostgreSQL (and Redis for rate limits); see docs/deploying.md.
# Migrate first (`make migrate`, once per release), then start every host with this.
WORKERS ?= 4
serve-prod: install ## Serve on 0.0.0.0:$(PORT) with $(WORKERS) workers; needs NAVIGATOR_DATABASE_URL (PostgreSQL).
	@case "$$NAVIGATOR_DATABASE_URL" in postgresql*) ;; *) echo "serve-prod: set NAVIGATOR_DATABASE_URL to PostgreSQL (docs/deploying.md)"; exit 2;; esac
	$(BIN)/navigator serve --no-migrate --host 0.0.0.0 --port $(PORT) --workers $(WORKERS)

migrate: install ## Apply the database migrations.
	$(BIN)/navigator migrate

load: install ## Load (upsert) the curated catalogue from data/.
	$(BIN)/navigator load data

test: install ## Run the whole test suite (PostgreSQL and browser tests skip, with a reason, when absent).
	$(BIN)/python -m pytest

lint: install ## Ruff, mypy --strict and the layer rules (import-linter contracts in pyproject.toml).
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

examples: install ## Re-record the OpenAPI response examples from real answers (app/openapi_examples.json).
	$(BIN)/python scripts/record_openapi_examples.py

client: install ## Regenerate clients/python (openapi-python-client) and app/widget/api.d.ts (openapi-typescript).
	cd clients/typescript && npm ci --no-audit --no-fund --silent
	$(BIN)/python scripts/generate_clients.py

bench-matcher: install ## In-process matcher latency and index build time at 50, 1k, 10k and 100k offers.
	$(BIN)/python bench/bench_matcher.py

# Ranking quality on the graded golden profiles; one script per answer kind (the intake's joins this target).
EVAL_SCRIPTS := bench/eval_match.py bench/eval_intake.py
eval: install ## nDCG@5, precision@3, filler, front-door share, coverage per golden profile (bench/results/eval.md).
	@status=0; for script in $(EVAL_SCRIPTS); do $(BIN)/python $$script || status=1; done; exit $$status

bench-demand: install ## Match latency with anonymous demand recording on vs off (bench/results/demand.md).
	$(BIN)/python bench/bench_demand.py

bench-intake: install ## POST /v1/intake in-process on the real catalogue (bench/results/intake.md).
	$(BIN)/python bench/bench_intake.py

eval-intake: install ## The golden descriptions through POST /v1/intake, scored (bench/results/eval_intake.md).
	$(BIN)/python bench/eval_intake.py

$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

bench-http: $(VENV)/.bench-installed ## HTTP on one worker vs a hello baseline and Datasette, SQLite and PostgreSQL (wrk).
	@command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 || \
		{ apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; } || true
	$(BIN)/python bench/bench_http.py

# py-spy samples one worker under wrk: SCENARIO=match|healthz|offers|keywords|intake (docs/performance.md).
SCENARIO ?= match
profile-http: $(VENV)/.bench-installed ## Where a request's time goes, per part (bench/results/profile-$(SCENARIO).md).
	@test -x $(BIN)/py-spy || $(BIN)/pip install --quiet py-spy
	$(BIN)/python bench/profile_http.py $(SCENARIO)

bench-head-limit: install ## GET /healthz req/s and server CPU: the head-limited HTTP protocol vs stock httptools (wrk).
	bench/ab_head_limit.sh

bench: bench-matcher bench-demand bench-intake bench-http ## Every benchmark; results under bench/results/.

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
