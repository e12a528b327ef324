# archive-site: the two commands of the README, and the rest.
#
#   make site    set up a virtual environment and build the site into dist/
#   make test    set up everything the tests need (Chromium, Java, Node tools) and run them all:
#                the lint (with the layering contract), then the whole pytest suite; CI runs this
#   make test-fast  the edit-test loop: pytest without the browser and tool tests, on every
#                core (pytest-xdist), no lint
#   make audit   Lighthouse scores of the home page, the timeline and an article
#   make serve   build, serve on http://127.0.0.1:8000/BASE-PATH/ and rebuild on every change
#                (SERVE_ARGS="--port 8001" passes options to it)
#   make check   validate the content without building
#                (site, check and serve read content/; CONTENT=caspian reads an archive of your own)
#   make lint    ruff, mypy and the layering contract (lint-imports, [tool.importlinter])
#   make bench   time a cold build
#   make bench-scale  build a synthetic archive of N articles cold, warm and after an edit
PYTHON ?= python3
VENV ?= .venv
CONTENT ?= content
BIN := $(VENV)/bin

.PHONY: site test test-fast audit serve check lint bench bench-scale tools clean

site: $(VENV)/.runtime
	$(BIN)/python -m compileall -q src
	$(BIN)/python build.py --content $(CONTENT)

check: $(VENV)/.runtime
	$(BIN)/python build.py check --content $(CONTENT)

serve: $(VENV)/.runtime
	$(BIN)/python build.py serve --content $(CONTENT) $(SERVE_ARGS)

test: $(VENV)/.test tools lint
	$(BIN)/python -m pytest

# The loop's temporary archives go to memory where /dev/shm is a writable folder: a run
# writes and then removes about 40,000 small files, which on our machines' disks took a
# fifth of its time (TMPDIR, if set, wins). And a Pagefind run over pages an earlier run of
# the session indexed replays that run's output (tests/conftest.py, REPLAY_INDEX): two runs
# in three repeat one. `make test` runs Pagefind every time. Only the failed tests' folders
# are kept (pytest would keep its last three runs: about a gigabyte of memory there).
FAST_TMP := $(or $(TMPDIR),$(shell [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm))

test-fast: $(VENV)/.test
	$(if $(FAST_TMP),TMPDIR=$(FAST_TMP) )ARCHIVE_SITE_TEST_REPLAY_INDEX=1 $(BIN)/python -m pytest -q -n auto -m "not browser and not tools" -o tmp_path_retention_policy=failed

audit: $(VENV)/.test tools
	$(BIN)/python tests/audit.py

lint: $(VENV)/.test
	$(BIN)/ruff format --check src tests bench build.py
	$(BIN)/ruff check src tests bench build.py
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(VENV)/.runtime
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/build_bench.py $(BENCH_ARGS)

N ?= 1000
RUNS ?= 3
bench-scale: $(VENV)/.runtime
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/scale.py --articles $(N) --runs $(RUNS) $(SCALE_ARGS)

tools:
	sh tests/setup-tools.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.runtime

clean:
	rm -rf dist .dist.* test-output .pytest_cache .mypy_cache .ruff_cache
