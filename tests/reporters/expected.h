// Compares reporter output with a saved file under tests/expected/reporters/. With
// CCSCAN_UPDATE_EXPECTED=1 in the environment the saved file is (re)written instead, and the
// test then checks the freshly written bytes.
#pragma once

#include <string>

namespace ccscan::test {

// Returns the expected bytes ("" and a failed CHECK when the file is missing).
std::string expected_output(const std::string& name, const std::string& actual);

}  // namespace ccscan::test
