// `ccscan version` and `ccscan init`.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/config.h"
#include "cli/data_root.h"

namespace ccscan::cli {

void print_version(std::ostream& out) {
    out << "ccscan " << CCSCAN_VERSION << "\n"
        << "data: " << data_root() << "\n";
}

void setup_version_command(CLI::App& sub, Run& run) {
    sub.callback([&run] { print_version(run.out); });
}

void setup_init_command(CLI::App& sub, Run& run) {
    auto path = std::make_shared<std::string>(".ccscan.yaml");
    auto force = std::make_shared<bool>(false);
    sub.add_option("--output,-o", *path, "Where to write the starter configuration (default: .ccscan.yaml)");
    sub.add_flag("--force", *force, "Overwrite an existing file");
    sub.callback([path, force, &run] {
        std::error_code ec;
        if (std::filesystem::exists(*path, ec) && !*force) {
            run.err << "ccscan: " << *path << " exists; use --force to overwrite\n";
            run.exit_code = k_exit_usage;
            return;
        }
        std::ofstream out(*path, std::ios::binary);
        out << starter_config();
        if (!out) {
            run.err << "ccscan: cannot write " << *path << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        run.out << "wrote " << *path << "\n";
    });
}

}  // namespace ccscan::cli
