# Convene: `make run` to try it, `make test` to check it. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
VENDOR := app/static/vendor

.PHONY: run test test-postgres lint setup test-setup vendor db demo-data clean bench \
	guard-lexicon guard-report

# The outbox worker runs beside the server; without CONVENE_MAIL_SERVER it writes each
# email as a .eml file into instance/outbox-mail/ instead of sending it.
run: setup db demo-data
	$(FLASK) outbox & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host 127.0.0.1 --port 5000

test: test-setup
	$(BIN)/pytest $(PYTEST_ARGS)

# Not a test: the key pages' speed on a large dataset under gunicorn (bench/run.py).
# QUICK=1 runs a tenth of the dataset in under a minute.
bench: test-setup
	$(BIN)/python -m bench.run $(if $(QUICK),--quick)

# The same suite against a real PostgreSQL server started for the run.
test-postgres: test-setup
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS)

lint: test-setup
	$(BIN)/ruff check .
	$(BIN)/bandit -c pyproject.toml -q -r app wsgi.py

setup: $(VENV)/.installed vendor guard-lexicon

# The identifier guard's lexicon, built once from the name and word packages (about a
# minute); app/privacy/lexicon.py says what is in it.
guard-lexicon: $(VENV)/.installed
	$(BIN)/python -c 'import sys, app.privacy.lexicon as lexicon; lexicon.main(sys.argv[1:])'

# The guard's recall by kind, false positives and time per line on the labelled corpora.
guard-report: test-setup
	$(BIN)/python -m tests.privacy.report $(if $(VERBOSE),-v)

test-setup: setup $(VENV)/.test-installed /usr/bin/chromium /usr/bin/khal /usr/bin/redis-server

db: setup
	$(FLASK) db upgrade

demo-data: setup
	$(FLASK) demo-data

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian's Chromium drives the browser tests; Playwright's own download is not used.
/usr/bin/chromium:
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium

# khal, a command-line calendar, imports our invites in the tests as a real calendar would.
/usr/bin/khal:
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq khal

# The sign-in limits' Redis store is tested against a real server; each test starts its own.
/usr/bin/redis-server:
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq redis-server

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The built GOV.UK Frontend and htmx files, copied from node_modules (never committed).
vendor: $(VENDOR)/.built

$(VENDOR)/.built: node_modules/.installed
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/govuk $(VENDOR)/htmx
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css \
	   node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js $(VENDOR)/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets $(VENDOR)/govuk/assets
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	touch $@

clean:
	rm -rf $(VENV) node_modules $(VENDOR)
