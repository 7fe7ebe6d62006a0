// Runs the real ccscan binary for end-to-end tests.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

namespace ccscan::test {

struct Output {
    int code = -1;
    std::string text;  // stdout (and stderr when merged)
};

// `args` is appended to the binary's path as shell words; stderr is merged unless `merge` is false.
inline Output run_ccscan_with_prefix(const std::string& prefix, const std::string& args, bool merge = true) {
    std::string cmd = prefix + std::string(CCSCAN_BINARY) + " " + args + (merge ? " 2>&1" : " 2>/dev/null");
    Output r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.text.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

inline Output run_ccscan(const std::string& args, bool merge = true) { return run_ccscan_with_prefix("", args, merge); }

// As run_ccscan, with `env` (NAME=value shell words) set for the binary only.
inline Output run_ccscan_env(const std::string& env, const std::string& args) {
    return run_ccscan_with_prefix(env + " ", args);
}

inline std::string source_dir() { return CCSCAN_SOURCE_DIR; }

}  // namespace ccscan::test
