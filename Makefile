# The two commands for a fresh machine: `make run` and `make test` (Python 3.11+ and make).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test audit bench soak install install-dev messages makemessages lint format lock browser-tools server-tools

run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py ensure_accounts --demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# The production settings on gunicorn, with the embedded defaults (SQLite, a file cache its workers
# share, media in media/) over plain http on this machine: no HTTPS redirect, cookies without Secure. The key is
# for this only. Django serves the uploaded media here; nginx does that in production (deploy/).
SERVE_ENV := DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=serve-only-insecure-key-for-localhost \
	ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SERVE_MEDIA=true \
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT)

serve: install messages
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py load_demo_content --if-empty
	$(SERVE_ENV) $(PY) manage.py ensure_accounts --demo
	$(SERVE_ENV) HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py portal.wsgi

# A whole production environment with dummy values, for the deploy checks: any warning fails `make test`.
CHECK_ENV := DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=check-only-not-a-secret-5f0c7a9e2b4d8f1a3c6e9b0d2f4a7c1e5b8d0f3a \
	ALLOWED_HOSTS=perpustakaan.example.id CSRF_TRUSTED_ORIGINS=https://perpustakaan.example.id \
	DATABASE_URL=postgres://portal:check@127.0.0.1:5432/portal REDIS_URL=redis://127.0.0.1:6379/0 \
	MEDIA_ROOT=/srv/portal/media EMAIL_HOST=smtp.example.id DEFAULT_FROM_EMAIL=perpustakaan@example.id \
	SERVER_EMAIL=server@example.id ADMINS="Admin Portal <admin@example.id>" SECURE_HSTS_PRELOAD=true

test: install-dev messages browser-tools server-tools
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(CHECK_ENV) $(PY) manage.py check --deploy --fail-level WARNING
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	# One worker per core; tests go out one by one in pytest-django's order, so the transactional
	# ones (which empty the database when they end) come last on each worker.
	$(PY) -m pytest -m "not browser" -n auto --dist load
	# Apart: the browser tests share one demo site, built once per worker and never rolled back;
	# two workers, a test file each, keep both cores busy while each waits on its Chromium.
	$(PY) -m pytest -m browser -n 2 --dist loadfile

# Lighthouse on every public page type and the search, against the demo under gunicorn (bench/audit.py).
audit: install messages browser-tools
	$(PY) bench/audit.py

# Requests/s and latency under wrk, SQL queries, HTML bytes, growth to 10,000 items: docs/performance.md.
bench: install-dev messages
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(PY) bench/run.py

# The production shape under mixed traffic for 3 minutes, behind Debian's nginx with deploy/nginx.conf,
# on PostgreSQL and Redis, a moderator publishing in Chromium meanwhile: errors, stale pages, worker
# memory (bench/soak.py).
soak: install-dev messages browser-tools server-tools
	$(PY) bench/soak.py

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet pip==26.3
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

# The locks, every package pinned with its hashes, from the top-level pins in requirements.in and
# requirements-dev.in: run after changing those (uv, pinned in requirements-dev.in).
LOCK := $(VENV)/bin/uv pip compile --quiet --generate-hashes --universal --python-version 3.11
lock: install-dev
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -o requirements-dev.txt

# gettext's msgfmt compiles the Indonesian messages; installed from Debian's packages when missing.
messages: install
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

# Update the Indonesian catalogue after changing visible strings, then translate the new entries.
makemessages: install
	$(PY) manage.py makemessages -l id --ignore=.venv --ignore=node_modules --ignore=tests --ignore=docs --no-obsolete

# Debian's Chromium and a Java runtime for the browser tests; axe-core, the Nu Html Checker (vnu-jar)
# and Lighthouse from the npm registry (vnu-jar's install script, a Java download, is not needed).
browser-tools: node_modules/.installed
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Debian's nginx and openssl, for the tests and the soak that go through deploy/nginx.conf.
server-tools:
	@command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx openssl; }

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
