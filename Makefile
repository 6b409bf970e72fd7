# Ghia: the two commands are `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages: the app needs Noto (Georgian in PDFs) and Pango (WeasyPrint); the tests
# also need PostgreSQL, Redis and libpq (CKAN), Chromium, gettext and poppler.
APP_PACKAGES := python3-venv fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0
TEST_PACKAGES := $(APP_PACKAGES) gettext postgresql redis-server libpq-dev chromium poppler-utils

.PHONY: demo test test-sqlite test-postgres lint bench system-app system-test install messages serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Byte-compiled as a regular install would be: an editable install otherwise compiles the
# changed modules on every start where PYTHONDONTWRITEBYTECODE is set.
install: $(STAMP) messages
	$(BIN)/python -m compileall -q src >/dev/null

messages: $(STAMP)
	$(BIN)/python -m ghia.i18n compile

# Installs missing Debian packages when run as root; elsewhere it only reports.
system-app: PACKAGES = $(APP_PACKAGES)
system-test: PACKAGES = $(TEST_PACKAGES)
system-app system-test:
	@missing=$$(for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing: $$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "missing Debian packages (install them as root): $$missing"; exit 1; fi; \
	fi

demo: system-app install
	$(BIN)/ghia demo

serve: install
	$(BIN)/ghia serve

test: system-test install
	$(BIN)/python -m tests.harness.ckan install
	$(MAKE) test-sqlite test-postgres

test-sqlite:
	$(BIN)/pytest -p no:cacheprovider

# The model, workflow, permission and API tests again on a throw-away PostgreSQL cluster.
test-postgres:
	$(BIN)/python -m tests.run_on_postgres -p no:cacheprovider -m "not browser and not ckan" tests/catalog tests/web tests/api tests/assessment tests/publishing tests/preparation

lint: install
	$(BIN)/ruff check src tests benchmarks

bench: system-test install
	$(BIN)/python -m benchmarks

clean:
	rm -rf var tests/artifacts .pytest_cache
