#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <exception>
#include <ostream>

#include "cli/command.h"
#include "cli/terminal_stream.h"

namespace ccscan::cli {

namespace {

constexpr const char* k_footer =
    "Exit codes:\n"
    "  0  no finding at or above --fail-on (or: verify found no drift, rules test all passed)\n"
    "  1  findings at or above --fail-on (verify: drift; rules test: a test failed)\n"
    "  2  usage, configuration or pack error\n"
    "  3  internal error\n";

bool writes_report(std::string_view command) {
    return command == "scan" || command == "report" || command == "graph" || command == "baseline";
}

}  // namespace

int run_app(int argc, char** argv, std::ostream& out, std::ostream& raw_err) {
    // Everything cli/ prints on stderr quotes paths and file content: one filter for all of it.
    TerminalStream safe_err(raw_err);
    std::ostream& err = safe_err.stream();
    CLI::App app{"ccscan: compliance policy-as-code scanner for contact centers (PCI DSS v4.0.1, GDPR, CCPA/CPRA)", "ccscan"};
    app.footer(k_footer);
    app.require_subcommand(0, 1);
    app.fallthrough(false);
    bool version = false;
    app.add_flag("-V,--version", version, "Print the version and data folder (as `ccscan version`)");
    // Commands whose stdout is a report (each format escapes for itself) write to `out`; every
    // other command prints human text, which goes through a TerminalStream like stderr.
    TerminalStream safe_out(out);
    Run report_run{out, err, k_exit_ok, &raw_err};
    Run text_run{safe_out.stream(), err, k_exit_ok, &raw_err};
    for (const Command& c : commands()) {
        CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.help));
        sub->footer("Examples:\n" + std::string(c.examples) + "\n" + k_footer);
        c.setup(*sub, writes_report(c.name) ? report_run : text_run);
    }
    try {
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            if (version) {
                print_version(out);
                return k_exit_ok;
            }
            throw CLI::RequiredError("A subcommand");
        }
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        return k_exit_ok;
    } catch (const CLI::CallForAllHelp& e) {
        out << app.help("", CLI::AppFormatMode::All);
        return k_exit_ok;
    } catch (const CLI::ParseError& e) {
        // Any CLI11 parse or validation error is a usage error (CLI11 would exit 105 otherwise).
        if (e.get_exit_code() == 0) {
            app.exit(e, out, err);
            return k_exit_ok;
        }
        err << "ccscan: " << e.what() << "\n";
        if (std::string(e.what()).find("subcommand") != std::string::npos) {
            err << "Commands:";
            for (const Command& c : commands()) err << " " << c.name;
            err << "\nRun 'ccscan --help' for more.\n";
        }
        return k_exit_usage;
    } catch (const std::exception& e) {
        err << "ccscan: internal error: " << e.what() << "\n";
        return k_exit_internal;
    }
    return std::max(report_run.exit_code, text_run.exit_code);  // only one command ran
}

}  // namespace ccscan::cli
