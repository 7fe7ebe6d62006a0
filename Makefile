# ccscan: the two commands a new user needs.
#   make demo   build, then scan the bundled example contact center into out/
#   make test   build, then run the whole test suite (unit, end-to-end, rule tests, sanitizers,
#               a short libFuzzer run when clang is installed)
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

# clang-format / clang-tidy on the lines LINT_BASE..HEAD (default: the last commit) changes,
# never on whole files: scripts/lint-changed.sh. CI (.ci/run) runs it on the last commit.
# `make format` rewrites, and `make format-check` checks, the C++ lines changed since
# FORMAT_BASE (default HEAD: what is not committed yet) to .clang-format: scripts/format-changed.sh.
FORMAT_BASE ?= HEAD
.PHONY: lint format format-check
lint:
	@scripts/lint-changed.sh

format:
	@scripts/format-changed.sh $(FORMAT_BASE)

format-check:
	@scripts/format-changed.sh --check $(FORMAT_BASE)

.PHONY: deps-test

deps-test:
	@scripts/install-deps.sh --test

test-unit: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	@./$(BUILD)/ccscan rules test

# The unit and end-to-end suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# except tests whose cost is volume rather than code paths (they run in test-unit). With clang
# installed the sanitizer build is a clang one with the libFuzzer harnesses (CCSCAN_FUZZ), and
# every harness then runs for FUZZ_SECONDS, FUZZ_JOBS at a time (docs/fuzzing.md); without clang
# it is a GCC ASan/UBSan build and the fuzz step is skipped.
# Third-party leaks are suppressed by fuzz/lsan.supp (libgit2's PCRE2 frames on a refused clone).
ASAN_SKIP    ?= 100,000 small files
FUZZ_SECONDS ?= 10
FUZZ_JOBS    ?= 2
FUZZERS      := $(sort $(patsubst fuzz/%_fuzzer.cpp,%,$(wildcard fuzz/*_fuzzer.cpp)))
# Asked at run time, not when make reads this file: `make test` installs clang (deps-test) first.
HAVE_CLANG    = command -v clang++ >/dev/null 2>&1
ASAN_CLANG    = grep -q '^CMAKE_CXX_COMPILER:.*clang' $(BUILD)-asan/CMakeCache.txt

.PHONY: asan-configure fuzz fuzz-run

# A build dir keeps its compiler: switching between GCC and clang means starting it again.
asan-configure: deps
	@if $(HAVE_CLANG); then \
	  if [ -f $(BUILD)-asan/CMakeCache.txt ] && ! $(ASAN_CLANG); then \
	    echo "$(BUILD)-asan was configured with another compiler: configuring it again with clang"; rm -rf $(BUILD)-asan; fi; \
	  CC=clang CXX=clang++ cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCCSCAN_FUZZ=ON >/dev/null; \
	else \
	  if [ -f $(BUILD)-asan/CMakeCache.txt ] && $(ASAN_CLANG); then \
	    echo "no clang++: configuring $(BUILD)-asan again with the default compiler"; rm -rf $(BUILD)-asan; fi; \
	  cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCCSCAN_SANITIZE=ON >/dev/null; \
	fi

test-asan: asan-configure
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/fuzz/lsan.supp:print_suppressions=0 ctest --test-dir $(BUILD)-asan --output-on-failure -j $(JOBS) -E "$(ASAN_SKIP)"
	@if $(HAVE_CLANG); then $(MAKE) --no-print-directory fuzz-run; else echo "no clang++: fuzz harnesses skipped"; fi

# Longer fuzzing: make fuzz FUZZ_SECONDS=300
fuzz: asan-configure
	@$(HAVE_CLANG) || { echo "make fuzz needs clang++ (scripts/install-deps.sh --test installs it)" >&2; exit 1; }
	@cmake --build $(BUILD)-asan -j $(JOBS) --target fuzzers
	@$(MAKE) --no-print-directory fuzz-run

# Each harness's output goes to $(BUILD)-asan/fuzz-logs/NAME.log; a failing one is printed whole.
fuzz-run:
	@mkdir -p $(BUILD)-asan/fuzz-logs
	@echo "fuzzing $(words $(FUZZERS)) harnesses for $(FUZZ_SECONDS) s each, $(FUZZ_JOBS) at a time"
	@printf '%s\n' $(FUZZERS) | xargs -P $(FUZZ_JOBS) -I{} sh -c \
	  'log=$(BUILD)-asan/fuzz-logs/{}.log; FUZZ_BUILD=$(BUILD)-asan fuzz/run-fuzzer.sh {} $(FUZZ_SECONDS) >$$log 2>&1 \
	   || { cat $$log; echo "fuzzer {} failed" >&2; exit 255; }; tail -n 1 $$log'

bench: build
	@bench/run

clean:
	rm -rf $(BUILD) $(BUILD)-asan out
