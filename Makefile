# Two commands from a fresh clone: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test install lint check messages clean services opensearch-start \
	opensearch-stop opensearch-status opensearch-reset bench-tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# `make serve PORT=8001` serves on another port; links in e-mails and calendar files then
# point to that port too (PORTAL_BASE_URL, when set, wins).
PORT ?= 8000
serve: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
# The scheduler (digests, evaluation invitations, ...) runs beside the server and
# stops with it; --run-now runs every job once at start, so its work shows at once.
	PORT=$(PORT) $(BIN)/python manage.py run_scheduler --run-now & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# PostgreSQL and Redis on 127.0.0.1 (Debian packages, installed when missing; needs root).
services:
	bash .ci/services.sh

# Two workers: the machines have two cores. PYTEST_ARGS adds options (e.g. --create-db).
PYTEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/bandit -q -r ledenportaal portal search memberhub knowledge learninglines mailings servicedesk assessments community yearplan -x "*/migrations/*"
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Regenerate the message catalogues after changing translatable strings (needs GNU gettext).
# The project catalogue covers portal/ and templates/; each app keeps its own in <app>/locale.
APPS := knowledge learninglines memberhub search mailings servicedesk
messages: install
	$(BIN)/python manage.py makemessages -l nl --no-obsolete --no-location --ignore=.venv --ignore=tests \
		--ignore=bench --ignore=static_collected $(addprefix --ignore=,$(APPS))
	for app in $(APPS); do (cd $$app && ../$(BIN)/django-admin makemessages -l nl --no-obsolete --no-location); done
	$(BIN)/python manage.py compilemessages --ignore=.venv

# A single-node OpenSearch for development and CI only (built once from Maven Central; see
# docs/search.md). OPENSEARCH_HTTP_PORT (default 9200) and OPENSEARCH_HOME choose where.
OPENSEARCH := devservices/opensearch/opensearch.sh
opensearch-start:
	$(OPENSEARCH) start
opensearch-stop:
	$(OPENSEARCH) stop
opensearch-status:
	$(OPENSEARCH) status
opensearch-reset:
	$(OPENSEARCH) reset

# bench/run.py measures with wrk (Debian's package; needs root when missing).
bench-tools:
	command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
