# Every target creates .venv itself; nothing needs to be installed by hand first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Tests and benchmarks draw offscreen with the software renderer; `make run` does not.
OFFSCREEN := QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software

.PHONY: run preview demo-requests test lint bench soak fleet package translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The demo: a data folder in the checkout with a clinic key made on first run, so
# the contact form works. Its passphrase and PIN are for the demo only; nothing
# of it is in the packaged build, and install.sh makes no key.
DEMO ?= .demo
DEMO_PASSPHRASE := demo only, never for a clinic
DEMO_PIN := 246810

$(DEMO)/kiosk.toml: | $(STAMP)
	mkdir -p $(DEMO)/data $(DEMO)/log
	KIOSK_KEY_PASSPHRASE='$(DEMO_PASSPHRASE)' $(BIN)/kiosk-admin keys new --out $(DEMO)/keys
	cp $(DEMO)/keys/clinic.pub $(DEMO)/data/clinic.pub
	printf '[kiosk]\nid = "demo"\n[display]\nfullscreen = false\n[paths]\ndata_dir = "%s"\nlog_dir = "%s"\n' \
		"$(abspath $(DEMO))/data" "$(abspath $(DEMO))/log" > $(DEMO)/kiosk.toml.new
	KIOSK_NEW_PIN=$(DEMO_PIN) $(BIN)/kiosk-admin pin set --config $(DEMO)/kiosk.toml.new
	mv $(DEMO)/kiosk.toml.new $(DEMO)/kiosk.toml
	@echo "demo set up in $(DEMO)/: clinic key passphrase '$(DEMO_PASSPHRASE)', staff PIN $(DEMO_PIN) (demo only)"

run: $(STAMP) $(DEMO)/kiosk.toml
	$(BIN)/kiosk --config $(DEMO)/kiosk.toml --content content --windowed --size 1080x1920

# An author's preview of the sample content: edit content/ and save, and it shows.
preview: $(STAMP)
	$(BIN)/kiosk-admin preview content

# What patients sent in the demo, opened with the demo's clinic key.
demo-requests: $(DEMO)/kiosk.toml
	$(BIN)/kiosk-admin requests export --data-dir $(DEMO)/data --out $(DEMO)/export
	KIOSK_KEY_PASSPHRASE='$(DEMO_PASSPHRASE)' $(BIN)/kiosk-admin requests open $(DEMO)/export \
		--key $(DEMO)/keys/clinic.key

lint: $(STAMP)
	$(BIN)/ruff check kiosk tests bench tools build_installer.py installer
	$(BIN)/ruff format --check kiosk tests bench tools build_installer.py installer
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python tools/qmltypes.py build/qmltypes >/dev/null
	$(BIN)/pyside6-qmllint --max-warnings 0 -I build/qmltypes kiosk/views/*.qml

# The kiosk's own words: new strings from the screens and the Python that words them
# go into every catalogue in kiosk/resources/i18n/, to be translated there.
translations: $(STAMP)
	$(BIN)/python tools/translations.py update
	$(BIN)/python tools/translations.py check

test: lint
	$(OFFSCREEN) $(BIN)/python -m pytest

soak: $(STAMP)
	$(OFFSCREEN) $(BIN)/python -m pytest -m soak -s -o faulthandler_timeout=900

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
	rm -rf $(VENV) $(DEMO) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
