# The two commands of the README: `make demo` and `make test`. Everything else is set-up they share.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test lint

setup: $(VENV)/.installed node_modules/.installed

# Front-end packages (Leaflet, world-atlas, axe-core for the browser tests) from npm, served by the app from
# node_modules; never committed. Without npm the map page says how to install them; all else works.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the map needs 'apt-get install npm' then 'make setup'"; fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

# Loads the bundled example reports into SQLite under ./civharm-data and serves http://127.0.0.1:8000
demo: setup
	$(VENV)/bin/civharm --home civharm-data demo

# Unit, integration and API tests on SQLite, and on PostgreSQL too when its server binaries are installed.
test: setup
	bash scripts/test.sh

lint: setup
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy
