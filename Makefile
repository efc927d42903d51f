# make demo:  set up .venv and run the main job on the shipped demo data, writing into outputs/
# make test:  set up .venv with the test tools; lint (ruff), types (mypy), then every test
# make quick: the tests without the browser (for development)
# make bench: the benchmarks of growth, the weaver's and the other commands, and the parts of
#             the commands off target that stay (bench/README.md)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO := data/zwolle-demo
PYTEST := $(BIN)/python -m pytest -n 2 -p no:cacheprovider

.PHONY: demo test quick lint bench clean

demo: $(VENV)/.installed
	$(BIN)/contactladder check $(DEMO)
	$(BIN)/contactladder growth $(DEMO) --period quarter -o outputs/growth.csv
	$(BIN)/contactladder growth $(DEMO) --period quarter --by wijk -o outputs/growth-by-wijk.csv
	$(BIN)/contactladder yield $(DEMO) -o outputs/yield.csv
	$(BIN)/contactladder map $(DEMO) --png --svg -o outputs/map.html
	$(BIN)/contactladder timeline $(DEMO) -o outputs/timeline.html
	$(BIN)/contactladder report $(DEMO) -o outputs/report

test: lint
	$(PYTEST)

quick: $(VENV)/.installed-test
	$(PYTEST) -m "not browser"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check contactladder tests bench
	$(BIN)/ruff format --check contactladder tests bench
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	$(BIN)/python bench/bench_growth.py
	$(BIN)/python bench/bench_weaver.py
	$(BIN)/python bench/bench_commands.py
	$(BIN)/python bench/bench_parts.py

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) outputs/*.csv outputs/*.xlsx outputs/*.html outputs/*.png outputs/*.svg outputs/report
