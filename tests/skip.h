// Tests that need a tool the machine may lack (node, the npm test tools, Chromium) skip instead
// of passing or failing. Under ctest (tests/CMakeLists.txt sets CCSCAN_SKIP_EXIT and the same
// SKIP_RETURN_CODE) the test binary exits with that code and ctest lists the test as skipped;
// run directly (`ccscan_tests "[browser]"`), the test warns and returns.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/wait.h>  // WIFEXITED/WEXITSTATUS for callers reading std::system statuses

namespace ccscan::test {

inline bool tool_present(const std::string& command) {
    return std::system(("command -v '" + command + "' >/dev/null 2>&1").c_str()) == 0;
}

// Ends the running test as skipped (see above); the caller returns right after.
inline void skip_test(const std::string& reason) {
    if (const char* code = std::getenv("CCSCAN_SKIP_EXIT")) {
        std::fprintf(stderr, "skipped: %s\n", reason.c_str());
        std::fflush(stdout);
        std::fflush(stderr);
        std::_Exit(std::atoi(code));
    }
    WARN("skipped: " << reason);
}

}  // namespace ccscan::test
