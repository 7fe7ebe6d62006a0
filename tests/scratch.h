// Scratch folders for tests. ctest runs test cases in parallel processes, so every folder name
// carries the process id: two test cases never share (and never delete) each other's files.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace ccscan::test {

inline std::filesystem::path scratch_path(const std::string& name) {
    return std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
}

}  // namespace ccscan::test
