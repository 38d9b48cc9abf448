# Everything a developer or CI does, in one place. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python 3.12+ found; pyenv's shims honour .python-version.
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do command -v $$p >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install checkers bench loadtest run serve migrate demo messages makemessages test test-fast lint format check bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

$(VENV)/.installed: pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null || { \
	  echo "Python 3.12 or newer is needed; found: $$($(PYTHON) --version 2>&1)."; \
	  echo "Install Python 3.13 (or point PYTHON=/path/to/python3.13) and run make again."; exit 1; }
	@test -x $(BIN)/uv || { $(PYTHON) -m venv $(VENV) && $(BIN)/pip install --quiet "uv==$(UV_VERSION)"; }
	$(BIN)/uv sync --locked --python $(VENV)/bin/python
	@touch $@

checkers: ## Install the page checkers the tests use (axe-core, Nu Html Checker) from npm
	@if command -v npm >/dev/null 2>&1; then \
	  test node_modules/.installed -nt package-lock.json || { npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; }; \
	else echo "npm not found: the accessibility and HTML checks will be skipped"; fi

messages: install ## Compile the translation catalogues (locale/*/LC_MESSAGES/django.mo)
	@$(MANAGE) compilemessages --ignore=.venv --verbosity 0

makemessages: install ## Collect new strings into locale/da and locale/en
	$(MANAGE) makemessages --all --no-location --ignore=.venv --ignore=staticfiles --ignore=var

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate ## Load the demo content and set up the roles Redaktør and Skribent (safe to repeat)
	$(MANAGE) load_demo
	$(MANAGE) setup_roles

run: messages demo ## Install, migrate, load the demo content and serve on 127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: make superuser, then /$(or $(DJANGO_ADMIN_PATH),admin/))"
	$(MANAGE) runserver $(HOST):$(PORT)

superuser: install ## Create an admin user for /admin/
	$(MANAGE) createsuperuser

test: messages checkers ## Run the whole test suite (set DATABASE_URL for PostgreSQL)
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install ## Ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: lint test ## What CI runs: lint and the whole suite

# Benchmarks use their own database: PostgreSQL when DATABASE_URL says so, else SQLite.
BENCH_DATABASE_URL ?= $(or $(DATABASE_URL),sqlite:///$(CURDIR)/var/bench.sqlite3)
BENCH_REDIS_URL ?= $(or $(REDIS_URL),$(shell redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && echo redis://127.0.0.1:6379/1))

bench: messages ## Measure every page type (hit, miss, cold) against /healthz/ and a minimal Django app
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
	@mkdir -p var
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_demo -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_scale
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) $(BIN)/python -m tools.bench $(BENCH_ARGS)

loadtest: messages ## 60 s of mixed traffic (no errors, no 5xx, flat worker memory), then public pages with and without a login flood
	@command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
	@mkdir -p var
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_demo -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(MANAGE) load_scale
	DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(BENCH_REDIS_URL) $(BIN)/python -m tools.loadtest $(LOADTEST_ARGS)

clean: ## Remove the virtualenv, compiled files and local data
	rm -rf $(VENV) node_modules staticfiles var test-results .hypothesis
	find . -name '__pycache__' -prune -exec rm -rf {} +
