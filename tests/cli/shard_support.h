// Helpers of the sharding tests: run ccscan, read whole files, compare report folders.
#pragma once

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "tests/cli/run_binary.h"
#include "tests/read_file.h"

namespace ccscan::test {

inline std::string slurp(const std::filesystem::path& p) { return read_file(p); }

// Every file of `expected` is in `actual` with the same bytes, and no other file is.
inline void require_same_folder(const std::filesystem::path& expected, const std::filesystem::path& actual) {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(expected)) {
        INFO(e.path().filename().string());
        REQUIRE(std::filesystem::exists(actual / e.path().filename()));
        CHECK(slurp(e.path()) == slurp(actual / e.path().filename()));
        ++n;
    }
    CHECK(n > 0);
    CHECK(static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(actual), {})) == n);
}

// The formats `ccscan report` renders.
inline const std::string k_all_formats = "json,sarif,html,text,markdown,csv,junit,github";

}  // namespace ccscan::test
