// A ccscan sub-command: a name, one line of help, and a setup function that declares its options
// on a CLI11 sub-app and its callback. Commands are listed in one table in cli/registry.cpp.
// A command's callback stores its exit code in `Run::exit_code` (0 ok, 1 findings/drift,
// 2 usage/config/pack error, 3 internal error) and prints only through `Run::out` / `Run::err`.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace ccscan::cli {

// `err` shows every unsafe character escaped (cli/terminal_stream.h); `raw_err` is the stream
// under it, for the progress bar's own cursor controls only (never for text from a file).
struct Run {
    std::ostream& out;
    std::ostream& err;
    int exit_code = 0;
    std::ostream* raw_err = nullptr;  // nullptr: use err
};

struct Command {
    std::string_view name;
    std::string_view help;
    std::string_view examples;  // shown under "Examples:" in the command's --help
    void (*setup)(CLI::App& sub, Run& run);
};

const std::vector<Command>& commands();

// Prints what `ccscan version` and `ccscan --version` print.
void print_version(std::ostream& out);

// Exit codes, documented in README and --help.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_internal = 3;

}  // namespace ccscan::cli
