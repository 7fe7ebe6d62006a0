#include "cli/command.h"

#include "cli/scan_command.h"

namespace ccscan::cli {

void setup_rules_command(CLI::App& sub, Run& run);
void setup_version_command(CLI::App& sub, Run& run);
void setup_init_command(CLI::App& sub, Run& run);
void setup_report_command(CLI::App& sub, Run& run);
void setup_graph_command(CLI::App& sub, Run& run);
void setup_verify_command(CLI::App& sub, Run& run);
void setup_pull_command(CLI::App& sub, Run& run);
void setup_cache_command(CLI::App& sub, Run& run);

// Every sub-command, in the order `ccscan --help` lists them.
const std::vector<Command>& commands() {
    static const std::vector<Command> k_commands = {
        {"scan", "Scan folders, files or git repositories and report findings",
         "  ccscan scan examples/acme-contact-center\n"
         "  ccscan scan . --format sarif,html --output out/ --fail-on high\n"
         "  ccscan scan . --git-ref origin/main --changed-since HEAD~1 --baseline .ccscan-baseline.json\n",
        &setup_scan_command},
        {"pull", "Read a contact center's live configuration (Amazon Connect, Twilio, Genesys Cloud) into a folder, read-only",
         "  ccscan pull connect --instance-id 0c1d2e3f-aaaa-bbbb-cccc-444455556666 --region eu-west-2 --output acme-pull/\n"
         "  TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... ccscan pull twilio --output acme-twilio/\n"
         "  ccscan pull genesys --region mypurecloud.ie --output acme-genesys/ --quiet\n"
         "  ccscan scan --pull connect --instance-id 0c1d2e3f-aaaa-bbbb-cccc-444455556666 --format html --output out/\n",
        &setup_pull_command},
        {"rules", "List, show, test and lint rule packs",
         "  ccscan rules list --pack pci-dss\n"
         "  ccscan rules show CCS-FLOW-001\n"
         "  ccscan rules test --pack my-pack.yaml\n",
        &setup_rules_command},
        {"graph", "Print the normalized flow graph of IVR flows (dot, mermaid, json)",
         "  ccscan graph examples/acme-contact-center/connect/flows/payment.json --format mermaid\n",
        &setup_graph_command},
        {"report", "Re-render a JSON report in other formats",
         "  ccscan report --from out/ccscan.json --format html,sarif --output out/\n",
        &setup_report_command},
        {"verify", "Check a JSON report's digest (and signature), re-hash its files and packs, name what changed",
         "  ccscan verify out/ccscan.json\n  ccscan verify out/ccscan.json --sign-key ci.key\n",
        &setup_verify_command},
        {"baseline", "Create a baseline of accepted findings",
         "  ccscan baseline create . --output .ccscan-baseline.json\n",
        &setup_baseline_command},
        {"cache", "Show, clear or prune the result cache (scan --cache DIR)",
         "  ccscan cache stats --cache ~/.cache/ccscan\n"
         "  ccscan cache prune --max-age 30d --max-size 2G\n"
         "  ccscan cache clear\n",
        &setup_cache_command},
        {"init", "Write a commented starter .ccscan.yaml",
         "  ccscan init --output .ccscan.yaml\n",
        &setup_init_command},
        {"version", "Print the version and data folder",
         "  ccscan version\n"
         "  ccscan --version\n",
        &setup_version_command},
    };
    return k_commands;
}

}  // namespace ccscan::cli
