#include "tests/reporters/expected.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ccscan::test {

std::string expected_output(const std::string& name, const std::string& actual) {
    const std::filesystem::path file = std::filesystem::path(CCSCAN_SOURCE_DIR) / "tests/expected/reporters" / name;
    const char* update = std::getenv("CCSCAN_UPDATE_EXPECTED");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << actual;
    }
    std::ifstream in(file, std::ios::binary);
    INFO("expected output " << file.string() << " (regenerate with CCSCAN_UPDATE_EXPECTED=1)");
    REQUIRE(in.good());
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace ccscan::test
