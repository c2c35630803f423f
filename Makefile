# Opstap: `make demo` runs the service with demo data, `make test` runs the test suite.
# Both set everything up first: a virtual environment in .venv, and (when DATABASE_URL /
# REDIS_URL are not set) an embedded PostgreSQL and Redis under .opstap/.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OPSTAP := $(BIN)/opstap
STAMP := $(VENV)/.installed
# One pytest-xdist worker per CPU core, each with a database, Celery queue and processes of its
# own (tests/conftest.py); `make test PYTEST_ARGS=-n0` runs the suite in one process.
PYTEST_ARGS ?= -n auto
# The browser tests drive Debian's Chromium (never a browser download) and run axe-core from npm.
CHROMIUM ?= /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: help install browser demo test screenshots lint format bench migrate taxonomy clean

help:
	@echo "make demo    set up and run Opstap with demo data (Ctrl-C stops everything)"
	@echo "make test    set up and run the whole test suite (installs Chromium and axe-core if missing)"
	@echo "make screenshots  every web page at 1280 and 390 px, nl and en, into screenshots/"
	@echo "make browser install Chromium (apt-get) and axe-core (npm ci) for the browser tests"
	@echo "make lint    ruff and mypy"
	@echo "make bench   print performance figures from bench/"
	@echo "make clean   remove the virtual environment and the embedded servers' data"

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else \
	  "Opstap needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,demo]'
	touch $(STAMP)

install: $(STAMP)

$(CHROMIUM):
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get update -q
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium
	@test -x $(CHROMIUM) || { echo "make: chromium was installed but $(CHROMIUM) is missing"; exit 1; }

$(AXE): package.json $(wildcard package-lock.json)
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $(AXE)

browser: $(CHROMIUM) $(AXE)

demo: $(STAMP)
	$(OPSTAP) demo

# pytest exits 5 when it collects no tests: say so instead of failing obscurely.
test: $(STAMP) $(CHROMIUM) $(AXE)
	@set +e; $(OPSTAP) services run -- $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests"; fi; exit $$rc

screenshots: $(STAMP) $(CHROMIUM)
	$(OPSTAP) services run -- $(BIN)/python tools/screenshots.py

lint: $(STAMP)
	$(BIN)/ruff check services tests bench tools
	$(BIN)/ruff format --check services tests bench tools
	$(BIN)/mypy services bench

format: $(STAMP)
	$(BIN)/ruff check --fix services tests bench tools
	$(BIN)/ruff format services tests bench tools

bench: $(STAMP)
	$(OPSTAP) services run -- $(BIN)/python -m bench

migrate: $(STAMP)
	$(OPSTAP) db upgrade

taxonomy: $(STAMP)
	$(OPSTAP) taxonomy import

clean:
	rm -rf $(VENV) .opstap .pytest_cache .mypy_cache .ruff_cache
