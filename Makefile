# Ostoja: `make demo` serves the app with example data; `make test` runs every test.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
OSTOJA := $(VENV)/bin/ostoja
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install demo serve test test-fast lint typecheck messages bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)  ## Create .venv with the locked dependencies (tests' too).
	$(UV) sync --frozen --quiet

demo: install  ## Prepare the SQLite database with the demo data and serve on 127.0.0.1:8000.
	$(OSTOJA) migrate --no-input -v0
	$(OSTOJA) demo_setup
	$(OSTOJA) collectstatic --no-input -v0
	OSTOJA_DEBUG=$${OSTOJA_DEBUG:-0} $(OSTOJA) runserver --insecure 127.0.0.1:8000

serve: install
	$(OSTOJA) runserver --insecure 127.0.0.1:8000

test: install  ## Lint, type-check and run the whole suite (browser tests included).
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check ostoja
	$(VENV)/bin/mypy ostoja
	$(OSTOJA) makemigrations --check --dry-run -v0
	$(VENV)/bin/pytest -q $(PYTEST_ARGS)

test-fast: install  ## The suite without browser tests.
	$(VENV)/bin/pytest -q -m "not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check ostoja

typecheck: install
	$(VENV)/bin/mypy ostoja

messages: install  ## Refresh and compile the Polish catalogue (needs GNU gettext).
	cd ostoja && ../$(OSTOJA) makemessages -l pl --no-obsolete && ../$(OSTOJA) compilemessages -l pl

bench: install  ## Print report-generation figures (after `make demo` loaded the examples).
	$(VENV)/bin/python benchmarks/report_generation.py

clean:
	rm -rf $(VENV) $(TOOLS) var
