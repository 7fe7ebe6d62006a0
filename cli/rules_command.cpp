// `ccscan rules list|show|test|lint|kinds`: look at, test and validate rule packs.
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/data_root.h"
#include "reporters/escape.h"
#include "rules/framework.h"
#include "rules/pack_loader.h"
#include "rules/pack_support.h"
#include "rules/registry.h"
#include "rules/rule_tests.h"

namespace ccscan::cli {

void setup_frameworks_command(CLI::App& sub, Run& run);

namespace {

std::optional<std::vector<rules::Pack>> load_or_report(const std::vector<std::string>& specs, Run& run) {
    auto packs = rules::load_packs(specs, data_root() + "/packs");
    if (!packs.ok()) {
        run.err << "ccscan: " << packs.error().to_string() << "\n";
        run.exit_code = k_exit_usage;
        return std::nullopt;
    }
    return std::move(packs.value());
}

nlohmann::ordered_json rule_json(const rules::Rule& r) {
    nlohmann::ordered_json j;
    j["id"] = r.id;
    j["pack"] = r.pack;
    j["title"] = r.title;
    j["severity"] = std::string(rules::to_string(r.severity));
    j["precision"] = r.precision;
    j["kind"] = r.matcher_kind;
    j["controls"] = r.controls;
    j["formats"] = r.applies_to.formats;
    int match = 0, no_match = 0;
    for (const auto& t : r.tests) (t.expect_match ? match : no_match)++;
    j["tests"] = {{"match", match}, {"no_match", no_match}};
    j["help_uri"] = r.help_uri;
    j["source"] = r.source_path + ":" + std::to_string(r.where.start.line);
    return j;
}

void list_rules(const std::vector<std::string>& specs, const std::string& format, Run& run) {
    auto packs = load_or_report(specs, run);
    if (!packs) return;
    std::vector<const rules::Rule*> all;
    for (const auto& p : *packs) {
        for (const auto& r : p.rules) all.push_back(&r);
    }
    std::sort(all.begin(), all.end(), [](auto* a, auto* b) { return a->id < b->id; });
    if (format == "json") {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto* r : all) out.push_back(rule_json(*r));
        run.out << reporters::json_document(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) << "\n";
        return;
    }
    for (const auto* r : all) {
        std::string controls;
        for (const auto& c : r->controls) controls += (controls.empty() ? "" : ",") + c;
        run.out << r->id << "  " << rules::to_string(r->severity) << "  [" << r->pack << "/" << r->matcher_kind << "]  "
                << r->title << "  (" << controls << ")\n";
    }
    run.out << all.size() << " rules in " << packs->size() << " packs\n";
}

void show_rule(const std::vector<std::string>& specs, const std::string& id, Run& run) {
    auto packs = load_or_report(specs, run);
    if (!packs) return;
    std::vector<std::string> ids;
    for (const auto& p : *packs) {
        for (const auto& r : p.rules) {
            ids.push_back(r.id);
            if (r.id != id) continue;
            run.out << r.id << ": " << r.title << "\n"
                    << "  pack:        " << r.pack << " (" << r.source_path << ":" << r.where.start.line << ")\n"
                    << "  severity:    " << rules::to_string(r.severity) << ", precision " << r.precision << "\n"
                    << "  matcher:     " << r.matcher_kind << "\n  controls:   ";
            for (const auto& c : r.controls) run.out << " " << c;
            run.out << "\n  formats:    ";
            for (const auto& f : r.applies_to.formats) run.out << " " << f;
            if (r.applies_to.formats.empty()) run.out << " any";
            run.out << "\n  help:        " << r.help_uri << "\n\n" << r.description << "\nRemediation:\n" << r.remediation << "\n";
            run.out << "Tests: " << r.tests.size() << "\n";
            return;
        }
    }
    run.err << "ccscan: no rule '" << id << "'";
    std::string hint = rules::did_you_mean(id, ids);
    if (!hint.empty()) run.err << " (did you mean '" << hint << "'?)";
    run.err << "\n";
    run.exit_code = k_exit_usage;
}

void test_rules(const std::vector<std::string>& specs, bool verbose, Run& run) {
    auto packs = load_or_report(specs, run);
    if (!packs) return;
    auto results = rules::run_rule_tests(*packs, rules::Policy{});
    int passed = 0, failed = 0;
    for (const auto& r : results) {
        if (r.passed) {
            ++passed;
            if (verbose) run.out << "PASS " << r.rule_id << " / " << r.test_name << "\n";
        } else {
            ++failed;
            run.out << "FAIL " << r.rule_id << " / " << r.test_name << " (" << r.where << "): " << r.detail << "\n";
        }
    }
    for (const std::string& id : rules::rules_missing_tests(*packs)) {
        run.out << "FAIL " << id << ": needs at least one 'expect: match' and one 'expect: no_match' test\n";
        ++failed;
    }
    if (auto frameworks = rules::load_frameworks(data_root() + "/frameworks"); frameworks.ok()) {
        for (const auto& d : rules::check_rule_controls(*frameworks, *packs)) {
            run.out << "FAIL " << d.to_string() << "\n";
            ++failed;
        }
    }
    run.out << passed << " passed, " << failed << " failed\n";
    run.exit_code = failed ? k_exit_findings : k_exit_ok;
}

void lint_packs(const std::vector<std::string>& files, Run& run) {
    int problems = 0;
    for (const std::string& f : files) {
        auto pack = rules::load_pack(f);
        if (!pack.ok()) {
            run.out << pack.error().to_string() << "\n";
            ++problems;
            continue;
        }
        for (const std::string& id : rules::rules_missing_tests({pack.value()})) {
            run.out << f << ": rule " << id << " needs at least one 'expect: match' and one 'expect: no_match' test\n";
            ++problems;
        }
        for (const auto& r : pack->rules) {
            if (r.help_uri.empty()) {
                run.out << r.source_path << ":" << r.where.start.line << ":" << r.where.start.column << ": rule " << r.id << " has no help_uri\n";
                ++problems;
            }
            if (r.controls.empty()) {
                run.out << r.source_path << ":" << r.where.start.line << ":" << r.where.start.column << ": rule " << r.id << " maps to no control\n";
                ++problems;
            }
        }
        if (auto frameworks = rules::load_frameworks(data_root() + "/frameworks"); frameworks.ok()) {
            for (const auto& d : rules::check_rule_controls(*frameworks, {pack.value()})) {
                run.out << d.to_string() << "\n";
                ++problems;
            }
        }
        if (problems == 0) run.out << f << ": ok (" << pack->rules.size() << " rules)\n";
    }
    run.exit_code = problems ? k_exit_usage : k_exit_ok;
}

}  // namespace

void setup_rules_command(CLI::App& sub, Run& run) {
    sub.require_subcommand(1);
    auto packs = std::make_shared<std::vector<std::string>>();
    auto format = std::make_shared<std::string>("text");
    auto id = std::make_shared<std::string>();
    auto verbose = std::make_shared<bool>(false);
    auto files = std::make_shared<std::vector<std::string>>();

    CLI::App* list = sub.add_subcommand("list", "List rules with severity, pack, matcher and controls");
    list->add_option("--pack", *packs, "Rule pack (repeatable; default: every built-in pack)")->allow_extra_args(false);
    list->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
    list->callback([=, &run] { list_rules(*packs, *format, run); });

    CLI::App* show = sub.add_subcommand("show", "Print one rule");
    show->add_option("id", *id, "Rule id")->required();
    show->add_option("--pack", *packs, "Rule pack (repeatable)")->allow_extra_args(false);
    show->callback([=, &run] { show_rule(*packs, *id, run); });

    CLI::App* test = sub.add_subcommand("test", "Run the tests embedded in rules; ends with 'N passed, M failed'");
    test->add_option("--pack", *packs, "Rule pack (repeatable; default: every built-in pack)")->allow_extra_args(false);
    test->add_flag("--verbose,-v", *verbose, "Print passing tests too");
    test->callback([=, &run] { test_rules(*packs, *verbose, run); });

    CLI::App* lint = sub.add_subcommand("lint", "Validate custom pack files (schema, controls, tests, help)");
    lint->add_option("files", *files, "Pack files or folders")->required();
    lint->callback([=, &run] { lint_packs(*files, run); });

    setup_frameworks_command(*sub.add_subcommand("frameworks", "List framework catalogues and their controls"), run);

    CLI::App* kinds = sub.add_subcommand("kinds", "List matcher kinds");
    kinds->callback([&run] {
        for (const auto& k : rules::matcher_kinds()) run.out << k.name << "  " << k.description << "\n";
    });
}

}  // namespace ccscan::cli
