# Two commands for a newcomer: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DATA_DIR ?= $(or $(CLINIC_DATA_DIR),data)
export CLINIC_DATA_DIR := $(abspath $(DATA_DIR))
MESSAGES_ARGS := -l fr_CA --add-location=file \
	--ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles --ignore=data

.PHONY: run dev demo-users purge-requests test lint check bench messages install install-dev data-dir migrate-and-seed \
	test-postgres browser-deps test-browser clean audit backup restore test-deploy deploy-files

$(VENV)/.run-installed: requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.run-installed
install-dev: $(VENV)/.dev-installed

# A missing or unwritable data directory stops here with one line, not a traceback.
data-dir:
	@mkdir -p "$(CLINIC_DATA_DIR)" 2>/dev/null && test -w "$(CLINIC_DATA_DIR)" \
		|| { echo "Cannot write to the data directory $(CLINIC_DATA_DIR): create it or set DATA_DIR=/a/writable/folder."; exit 1; }
	@test -s "$(CLINIC_DATA_DIR)/secret_key" || { \
		umask 077; $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > "$(CLINIC_DATA_DIR)/secret_key"; \
		echo "Generated a secret key in $(CLINIC_DATA_DIR)/secret_key (git-ignored)."; }

PROD_ENV = DJANGO_SETTINGS_MODULE=clinic.settings.production \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat "$(CLINIC_DATA_DIR)/secret_key")}"

migrate-and-seed: install data-dir
	@$(PROD_ENV) $(PY) manage.py check_database
	@$(PROD_ENV) $(PY) manage.py migrate --noinput -v 0
	@$(PROD_ENV) $(PY) manage.py collectstatic --noinput -v 0
	@# Seeding runs its index updates in-process: queued for the worker, those of the inline rows
	@# a later seeding save replaces would fail there (the row is gone) and print tracebacks.
	@$(PROD_ENV) TASKS_BACKEND=immediate PUBLIC_URL=http://$(HOST):$(PORT) $(PY) manage.py setup_site

# Serve the site as production does: gunicorn + WhiteNoise, DEBUG off. Threaded workers, so an
# idle browser connection (Chromium preconnects) cannot hold a whole worker.
run: migrate-and-seed
	@echo "Appointment requests are kept $${REQUEST_RETENTION_DAYS:-90} days (the scheduler purges older ones daily)."
	@echo "Serving on http://$(HOST):$(PORT)/ with the task worker and the scheduled jobs (Ctrl+C to stop)"
	@$(PROD_ENV) ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost,$(HOST)}" HOST=$(HOST) \
		PATH="$(abspath $(VENV))/bin:$$PATH" PYTHONUNBUFFERED=1 \
		$(VENV)/bin/honcho start --no-colour --port $(PORT) --procfile Procfile

# Delete appointment requests older than REQUEST_RETENTION_DAYS (idempotent; schedule it daily).
purge-requests: install data-dir
	@$(PROD_ENV) $(PY) manage.py purge_requests

# Demo logins for an editor, a clinical reviewer and a translator (only when asked).
demo-users: migrate-and-seed
	@$(PROD_ENV) $(PY) manage.py demo_users

# The database and media in one archive (DATA_DIR/backups/site-<date>-<time>.tar.gz), and back.
backup: install data-dir
	@$(PROD_ENV) $(PY) manage.py backup_site

restore: install data-dir
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=path/to/site-....tar.gz [REPLACE=1]"; exit 1; }
	@$(PROD_ENV) $(PY) manage.py restore_site "$(FILE)" $(if $(REPLACE),--replace)

# Django's dev server with DEBUG on.
dev: install data-dir
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py setup_site
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Migrations and translation catalogues up to date; no empty or fuzzy French.
check: install-dev
	DJANGO_SETTINGS_MODULE=clinic.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=clinic.settings.test $(PY) manage.py check_messages
	DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" HTTPS=1 \
		DJANGO_SETTINGS_MODULE=clinic.settings.production $(PY) manage.py check --deploy --fail-level WARNING

# Known vulnerabilities in the pinned dependencies (pip-audit; exceptions with a reason in
# audit-ignore.txt; says NOT AUDITED when the service is unreachable) and in our code (bandit).
audit: install-dev
	$(PY) -m operations.audit
	$(VENV)/bin/bandit -c pyproject.toml -r . -q

# The HTML checker for the browser suite; without npm the suite says what is missing.
browser-deps:
	@test -d node_modules/vnu-jar || ! command -v npm >/dev/null || npm install --no-audit --no-fund --silent

test: lint check audit browser-deps
	$(VENV)/bin/pytest tests --ignore=tests/browser
	$(VENV)/bin/pytest tests/browser

# The browser suite alone; screenshots of every page land in tests/browser/screenshots/.
test-browser: install-dev browser-deps
	$(VENV)/bin/pytest tests/browser

# Regenerate the French catalogues after changing UI strings, then fill in the French.
messages: install-dev
	DJANGO_SETTINGS_MODULE=clinic.settings.test $(PY) manage.py makemessages $(MESSAGES_ARGS)
	DJANGO_SETTINGS_MODULE=clinic.settings.test $(PY) manage.py compilemessages --ignore=.venv

# Server time and SQL queries per page, then a mixed load of readers, logins and publishes
# (a benchmark, not a test). BENCH_ARGS="--seconds 60 --readers 64" for the mixed load.
bench: migrate-and-seed
	@$(PROD_ENV) $(PY) manage.py bench
	@$(PROD_ENV) $(PY) manage.py bench_throughput $(if $(BENCH_LOAD_TEST),--load-test)
	@$(PROD_ENV) $(PY) manage.py bench_search
	@$(PROD_ENV) $(PY) manage.py bench_load $(BENCH_ARGS)

# Lighthouse scores (phone profile) of each page type in both languages: a measurement, not a gate.
.PHONY: lighthouse
lighthouse: migrate-and-seed
	@test -x node_modules/.bin/lighthouse || npm install --no-audit --no-fund --silent
	@$(PROD_ENV) $(PY) manage.py lighthouse_scores

# The test suite on PostgreSQL (Debian's postgresql package; see README).
test-postgres: install-dev
	DATABASE_URL=$${DATABASE_URL:-postgres://clinic:clinic@127.0.0.1:5432/clinic} \
		$(VENV)/bin/pytest tests --ignore=tests/browser -q

clean:
	rm -rf $(VENV) staticfiles node_modules

# deploy/crontab and deploy/systemd/clinic-job-*.timer from operations/schedule.py.
deploy-files: install
	DJANGO_SETTINGS_MODULE=clinic.settings.test $(PY) manage.py deploy_files

# nginx with a self-signed certificate in front of gunicorn, HTTPS=1: HSTS, secure cookies,
# redirects, login and a form through the proxy, static files, the upload limit (docs/deploy.md).
test-deploy: install-dev
	@if command -v nginx >/dev/null || test -x /usr/sbin/nginx; then \
		DEPLOY_SMOKE=1 $(VENV)/bin/pytest tests/operations/test_deploy_tls.py -p no:cacheprovider; \
	else echo "Deploy smoke test SKIPPED: nginx is not installed (apt-get install nginx)."; fi
