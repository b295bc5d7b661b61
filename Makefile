# Every target creates .venv itself; nothing needs to be installed by hand first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Tests and benchmarks draw offscreen with the software renderer; `make run` does not.
OFFSCREEN := QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software

.PHONY: run test lint bench soak fleet package clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kiosk --content content --windowed --size 1080x1920

lint: $(STAMP)
	$(BIN)/ruff check kiosk tests bench build_installer.py
	$(BIN)/ruff format --check kiosk tests bench build_installer.py
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pyside6-qmllint --max-warnings 0 kiosk/views/*.qml

test: lint
	$(OFFSCREEN) $(BIN)/python -m pytest

soak: $(STAMP)
	$(OFFSCREEN) $(BIN)/python -m pytest -m soak -s

# 50 kiosks' update agents against nginx through one content release; prints its figures.
fleet: $(STAMP)
	$(BIN)/python -m pytest -m fleet -s

# dist/: the onedir app, the Linux tarball and the Windows installer script,
# each checked from dist/ and, for the tarball, installed into a scratch root.
package: $(STAMP)
	$(BIN)/python build_installer.py
	$(OFFSCREEN) $(BIN)/python -m pytest -m package

bench: $(STAMP)
	$(OFFSCREEN) $(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
