# Atelier — every set-up step from a fresh clone. `make run` and `make test` are all you need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432
PYTEST_ARGS ?= -n 2 --durations=10

.PHONY: help install messages migrate demo run test test-postgres lint format check ci serve-prod clean bench-library bench-search bench backup restore

help:
	@echo "make run            site with demo content at http://127.0.0.1:8000"
	@echo "make test           the whole test suite on SQLite"
	@echo "make test-postgres  the whole test suite on PostgreSQL (server at 127.0.0.1:5432)"
	@echo "make lint | check   ruff; missing migrations and check --deploy"
	@echo "make bench-library  library pages: time and queries at 10 and 2,000 activities"
	@echo "make bench-search   search: indexing time, p50/p95 of 200 queries, SQLite and PostgreSQL"
	@echo "make bench          production server under load (wrk): req/s, p50/p95/p99, registration burst"
	@echo "make serve-prod     gunicorn (2 workers) with production settings on 127.0.0.1:8001"
	@echo "make backup         database + media into backups/atelier-backup-….tar.gz"
	@echo "make restore FILE=… restore a backup into an empty database (FORCE=1 replaces content)"

# The Open Badges validator (tests only) is installed apart: its own pins do not import on 3.11.
$(STAMP): pyproject.toml requirements-validator.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip install --quiet -r requirements-validator.txt
	$(BIN)/pip install --quiet --no-deps openbadges==1.1.2 openbadges-bakery==2.0.0
	touch $(STAMP)

install: $(STAMP)

# Translations are compiled from the committed .po files (Babel needs no system gettext).
messages: install
	$(BIN)/pybabel compile --directory locale --domain django --statistics

migrate: messages
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

run: demo
	$(MANAGE) runserver 127.0.0.1:8000

test: messages
	$(BIN)/pytest $(PYTEST_ARGS)

# A fresh database per run: the test runner creates test_<name> and drops it at the end.
test-postgres: messages
	DATABASE_URL=$(PG_URL)/atelier_$$$$ $(BIN)/pytest --create-db $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: messages
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=atelier.settings.production \
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	ALLOWED_HOSTS=atelier.example \
	$(MANAGE) check --deploy --fail-level WARNING

# The production server on loopback, to try or measure it: production settings, hashed and
# compressed static files served by WhiteNoise, 2 gunicorn workers. Plain HTTP on loopback, so
# no HTTPS redirect; a throwaway secret key unless SECRET_KEY is set. DATABASE_URL as usual.
SERVE_PROD_ENV = DJANGO_SETTINGS_MODULE=atelier.settings.production \
	SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=False
serve-prod: migrate
	$(SERVE_PROD_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_PROD_ENV) $(BIN)/gunicorn atelier.wsgi --workers 2 --bind 127.0.0.1:8001 \
		--access-logfile - --forwarded-allow-ips 127.0.0.1

clean:
	rm -rf $(VENV) staticfiles test-artifacts db.sqlite3
	find locale -name '*.mo' -delete

# Library pages' time and queries at 10 and 2,000 activities (SQLite, in-process).
bench-library: messages
	$(BIN)/python bench/library.py

# Search at 20,000 activities and 2,000 workshops on SQLite and PostgreSQL (throwaway databases);
# e.g. `make bench-search BENCH_SEARCH_ARGS="--database sqlite --activities 2000 --workshops 200"`.
BENCH_SEARCH_ARGS ?=
bench-search: messages
	$(BIN)/python bench/search.py --postgres-server $(PG_URL) $(BENCH_SEARCH_ARGS)

# The production server under load, on a throwaway PostgreSQL database (README "Measured");
# needs wrk (apt-get install -y wrk). E.g. `make bench BENCH_ARGS="--activities 500
# --workshops 50 --sessions 250 --registrations 2000 --duration 5"` for a quick look.
BENCH_ARGS ?=
bench: messages
	$(BIN)/python bench/load.py --postgres-server $(PG_URL) $(BENCH_ARGS)

# Backups: see README "Backups".
backup: messages
	$(MANAGE) backup

restore: migrate
	@test -n "$(FILE)" || { echo "Usage : make restore FILE=backups/atelier-backup-….tar.gz [FORCE=1]"; exit 1; }
	$(MANAGE) restore "$(FILE)" $(if $(FORCE),--force)
