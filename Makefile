# The two commands a new user needs: `make run` and `make test`.
PORT ?= 8000
HOST ?= 127.0.0.1
VENV := .venv/bin

.PHONY: setup run stop test lint pytest fuzz status clean bench

setup:
	@bash scripts/setup.sh

run: setup
	$(VENV)/mgraph run --host $(HOST) --port $(PORT)

stop:
	@if [ -x $(VENV)/mgraph ]; then $(VENV)/mgraph stop; else echo "nothing to stop"; fi

status: setup
	$(VENV)/mgraph neo4j status

lint: setup
	$(VENV)/ruff check app tests bench
	$(VENV)/mypy

pytest: setup
	$(VENV)/pytest

test: lint pytest

# The contract fuzz at length (make test runs it with 55 cases per operation and key).
fuzz: setup
	FUZZ_EXAMPLES=350 $(VENV)/pytest -q -s tests/test_fuzz.py

clean: stop
	rm -rf .data .stamps graph/server/target

# Benchmarks (see bench/README.md): SIZES="10000 100000" make bench
SIZES ?= 10000 50000 100000 1000000
bench: setup
	for size in $(SIZES); do $(VENV)/python -m bench.run --size $$size || exit 1; done
