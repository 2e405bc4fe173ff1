# Two commands on a fresh clone: `make run` (install + open the app) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test fuzz lint bench screenshots dist clean

run: $(VENV)/.installed
	@scripts/qt-system-libs.sh run
	$(PY) -m explorer

test: $(VENV)/.installed
	@scripts/qt-system-libs.sh test
	$(VENV)/bin/ruff check explorer tests benchmarks
	$(VENV)/bin/ruff format --check explorer tests benchmarks
	$(PY) -m mypy explorer
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# hostile inputs at length: fresh random seeds, 2,000 examples per input class (tests/fuzz)
fuzz: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen FUZZ_LONG=1 FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} $(PY) -m pytest -q -p no:randomly tests/fuzz

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check explorer tests benchmarks
	$(VENV)/bin/ruff format --check explorer tests benchmarks

bench: export PYTHONUNBUFFERED = 1
bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bench]'
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_ui.py
	$(PY) benchmarks/bench_robustness.py
	$(PY) benchmarks/bench_scale.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_sampling_ui.py

# The standalone one-folder app in dist/policy-explorer/ (PyInstaller), then its smoke test.
# `run` mode: the xcb plug-in's libraries must be present to be copied into the bundle.
dist: $(VENV)/.installed
	@scripts/qt-system-libs.sh run
	$(PY) -m pip install --quiet -e '.[test,dist]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/policy-explorer.spec
	POLICY_EXPLORER_BUNDLE=dist/policy-explorer QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q -p no:randomly tests/packaging/test_bundle.py
	@du -sh dist/policy-explorer

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %d.%d)" % sys.version_info[:2])'
	@[ -x $(PY) ] || $(PYTHON) -m venv $(VENV) || { echo "venv failed: on Debian run: sudo apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info
