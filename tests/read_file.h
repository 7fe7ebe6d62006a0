// Reading the files a test depends on (fixtures, saved outputs, the reports a run wrote). A
// missing or renamed file must stop the test, not turn into "" that two comparisons agree on or
// in which a "no finding" / "no leak" check finds nothing: read_file REQUIREs that the file opens
// and reads; read_source_file also that a file of the source tree is not empty.
// tests/self_test.cpp proves the helpers fail on a missing file ([!shouldfail]).
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ccscan::test {

inline std::string read_file(const std::filesystem::path& path) {
    INFO("reading " << path.string());
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.is_open());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    REQUIRE_FALSE(in.bad());
    return bytes.str();
}

// `relative` under the source tree (CCSCAN_SOURCE_DIR): a fixture, a pack, a document.
inline std::string read_source_file(const std::string& relative) {
    const std::string text = read_file(std::filesystem::path(CCSCAN_SOURCE_DIR) / relative);
    INFO("source file " << relative);
    REQUIRE_FALSE(text.empty());
    return text;
}

}  // namespace ccscan::test
