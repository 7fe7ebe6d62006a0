# ccscan: the two commands a new user needs.
#   make demo   build, then scan the bundled example contact center into out/
#   make test   build, then run the whole test suite (unit, end-to-end, rule tests, sanitizers)
# Both install missing Debian packages and pinned npm sources first (scripts/install-deps.sh).

BUILD      ?= build
BUILD_TYPE ?= Release
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: all deps build demo test test-unit test-asan bench clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@mkdir -p out
	@./$(BUILD)/ccscan scan examples/acme-contact-center \
	    --format text,json,sarif,html,junit,markdown,csv --output out/ --no-progress; \
	  rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@./$(BUILD)/ccscan scan examples/acme-contact-center --quiet --fail-on none | tail -n 5
	@echo "reports written to out/: $$(ls out | tr '\n' ' ')"

test: deps-test test-unit test-asan

.PHONY: deps-test

deps-test:
	@scripts/install-deps.sh --test

test-unit: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	@./$(BUILD)/ccscan rules test

# The unit and end-to-end suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# except tests whose cost is volume rather than code paths (they run in test-unit).
ASAN_SKIP ?= 100,000 small files
test-asan: deps
	@cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCCSCAN_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 ctest --test-dir $(BUILD)-asan --output-on-failure -j $(JOBS) -E "$(ASAN_SKIP)"

bench: build
	@bench/run

clean:
	rm -rf $(BUILD) $(BUILD)-asan out
