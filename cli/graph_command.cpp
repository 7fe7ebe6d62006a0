// `ccscan graph FILE... [--format dot|mermaid|json]`: builds the IVR flow graphs of the given
// files (one file, or several to see transfers between them) and prints them with the states
// the flow analysis computes at each node. Policy (notice/consent prompts, extra sensitive
// words) comes from --config when given.
#include <CLI/CLI.hpp>

#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>

#include "analyzers/format_registry.h"
#include "cli/command.h"
#include "cli/config.h"
#include "reporters/graph_renderer.h"
#include "rules/content/text_redactor.h"

namespace ccscan::cli {

namespace {

struct GraphOptions {
    std::vector<std::string> files;
    std::string format = "dot";
    std::string input_format;
    std::string config;
};

bool read_bytes(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

void run_graph(const GraphOptions& opt, Run& run) {
    reporters::GraphFormat fmt;
    if (!reporters::parse_graph_format(opt.format, fmt)) {
        run.err << "ccscan graph: unknown --format '" << opt.format << "' (dot, mermaid or json)\n";
        run.exit_code = k_exit_usage;
        return;
    }
    rules::Policy policy;
    if (!opt.config.empty()) {
        auto cfg = load_config(opt.config);
        if (!cfg.ok()) {
            run.err << "ccscan: " << cfg.error().to_string() << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        policy = cfg->policy;
    }
    std::vector<analyzers::ParsedFile> parsed;
    for (const std::string& path : opt.files) {
        analyzers::InputFile file;
        file.path = path;
        file.abs_path = path;
        if (!read_bytes(path, file.bytes)) {
            run.err << "ccscan graph: cannot read " << path << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        std::string format = opt.input_format.empty() ? analyzers::detect_format(path, file.bytes).format : opt.input_format;
        analyzers::AnalyzeOptions ao;
        ao.want_syntax = false;
        ao.extra_sensitive_words = policy.list("sensitive_words");
        analyzers::ParsedFile p = analyzers::analyze(file, format, ao);
        if (p.failure) {
            run.err << "ccscan graph: " << rules::content::redact_text(p.failure->to_string()) << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        for (const auto& note : p.notes) run.err << "note: " << rules::content::redact_text(note.to_string()) << "\n";
        if (p.flows.empty()) {
            run.err << "ccscan graph: " << path << " (" << format << ") holds no IVR flow\n";
            run.exit_code = k_exit_usage;
            return;
        }
        parsed.push_back(std::move(p));
    }
    std::vector<const analyzers::FlowGraph*> graphs;
    for (const auto& p : parsed) {
        for (const auto& g : p.flows) graphs.push_back(&g);
    }
    run.out << reporters::render_graphs(graphs, fmt, policy);
}

}  // namespace

void setup_graph_command(CLI::App& sub, Run& run) {
    auto opt = std::make_shared<GraphOptions>();
    sub.add_option("files", opt->files, "Flow files (several: transfers between them are drawn)")->required();
    sub.add_option("--format,-f", opt->format, "Output: dot (Graphviz), mermaid or json (default: dot)");
    sub.add_option("--input-format", opt->input_format, "Force the input's format id (e.g. amazon-connect-flow)");
    sub.add_option("--config,-c", opt->config, "Configuration file with policy (notice_prompts, sensitive_words)");
    sub.callback([opt, &run] { run_graph(*opt, run); });
}

}  // namespace ccscan::cli
