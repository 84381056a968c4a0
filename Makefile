# sohoa — two commands do everything on a fresh Debian machine:
#   make demo   the main job end to end on the embedded default (SQLite, local folder, Celery worker)
#   make test   the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils fonts-liberation2 fonts-dejavu-core \
                libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# only for the tests: validating docker/compose.yaml needs no Docker engine, just this client;
# the web tests drive Debian's Chromium (never a downloaded browser)
TEST_APT_PACKAGES := docker-compose chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test system-deps test-deps venv warm lint bench-ocr clean

demo: system-deps venv warm
	$(BIN)/sohoa demo

test: system-deps test-deps venv warm
	bash scripts/ensure-services.sh
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

# apt packages, installed only when something is missing
system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

test-deps:
	@{ command -v docker-compose && command -v chromium; } >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(TEST_APT_PACKAGES); }

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@# put `sohoa` on PATH for the benchmark commands, unless another one is there already
	@if [ -w /usr/local/bin ] && ! command -v sohoa >/dev/null 2>&1; then \
	  ln -sf "$(CURDIR)/$(BIN)/sohoa" /usr/local/bin/sohoa && echo "linked /usr/local/bin/sohoa"; fi
	$(BIN)/python -m compileall -q ingest schemas workers >/dev/null
	touch $@

# done once ahead, not on every `sohoa` call: the project's modules compiled (where
# PYTHONDONTWRITEBYTECODE is set Python would compile them each time, ~0.02 s of each `sohoa ocr
# PAGE`), and the Vietnamese model unpacked into the user's cache folder (~1.5 s, then ~0.1 s a load)
warm: venv
	@$(BIN)/python -m compileall -q ingest schemas workers >/dev/null
	@$(BIN)/python -c "from ingest.vietnamese.lm.cache import load; load()"

lint: venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports

clean:
	rm -rf .sohoa test-output .pytest_cache
