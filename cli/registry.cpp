#include "cli/command.h"

#include "cli/scan_command.h"

namespace ccscan::cli {

void setup_rules_command(CLI::App& sub, Run& run);
void setup_version_command(CLI::App& sub, Run& run);
void setup_init_command(CLI::App& sub, Run& run);
void setup_report_command(CLI::App& sub, Run& run);
void setup_graph_command(CLI::App& sub, Run& run);
void setup_verify_command(CLI::App& sub, Run& run);

// Every sub-command, in the order `ccscan --help` lists them.
const std::vector<Command>& commands() {
    static const std::vector<Command> k_commands = {
        {"scan", "Scan folders, files or git repositories and report findings", &setup_scan_command},
        {"rules", "List, show, test and lint rule packs", &setup_rules_command},
        {"graph", "Print the normalized flow graph of IVR flows (dot, mermaid, json)", &setup_graph_command},
        {"report", "Re-render a JSON report in other formats", &setup_report_command},
        {"verify", "Re-hash the files of a JSON report and report drift", &setup_verify_command},
        {"baseline", "Create a baseline of accepted findings", &setup_baseline_command},
        {"init", "Write a commented starter .ccscan.yaml", &setup_init_command},
        {"version", "Print the version and data folder", &setup_version_command},
    };
    return k_commands;
}

}  // namespace ccscan::cli
