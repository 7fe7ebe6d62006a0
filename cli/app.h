// The ccscan command line: builds the CLI11 app from the command table (cli/registry.cpp),
// parses argv, runs the chosen command and returns the process exit code. Never throws.
#pragma once

#include <iosfwd>

namespace ccscan::cli {

int run_app(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace ccscan::cli
