# The two commands for a fresh machine: `make run` and `make test` (Python 3.11+ and make).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev messages makemessages lint format browser-tools

run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py ensure_accounts --demo
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev messages browser-tools
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=check-only $(PY) manage.py check
	$(PY) -m ruff check .
	$(PY) -m pytest -m "not browser"
	# Apart: the browser tests share one demo site, built once and never rolled back.
	$(PY) -m pytest -m browser

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# gettext's msgfmt compiles the Indonesian messages; installed from Debian's packages when missing.
messages: install
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

# Update the Indonesian catalogue after changing visible strings, then translate the new entries.
makemessages: install
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=node_modules --ignore=tests --ignore=docs --no-obsolete

# Debian's Chromium for the browser tests and axe-core from the npm registry.
browser-tools: node_modules/axe-core/axe.min.js
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

node_modules/axe-core/axe.min.js: package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
