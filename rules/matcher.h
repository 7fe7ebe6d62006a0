// Matcher: the interface every matcher kind (config, flow, code, content) implements, and the
// context it runs in. A matcher is built once from a rule's `match:` block by its factory in
// rules/registry.cpp and is then immutable and shared by all worker threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "analyzers/input_file.h"
#include "analyzers/parsed_file.h"
#include "rules/finding.h"
#include "rules/literals.h"
#include "rules/policy.h"

namespace ccscan::rules {

using analyzers::Result;
struct Rule;

// Everything a per-file matcher may look at.
struct FileContext {
    const analyzers::InputFile& file;
    const analyzers::ParsedFile& parsed;
    const Policy& policy;
    std::string_view hash_key;  // ScanOptions::hash_key: for keyed hashes in masked previews
    // The per-file rules that run on this file, in order, so that a matcher kind can do the work
    // of all its rules in one pass (one walk of a syntax tree for every taint rule); null: each
    // rule on its own (embedded code, ScanOptions::fast_paths off).
    const std::vector<const Rule*>* rules = nullptr;
    // What a matcher kind computed for this file on behalf of its rules, by kind name. A file is
    // processed by one thread, so this needs no lock.
    mutable std::map<std::string, std::shared_ptr<void>, std::less<>> kind_state = {};
};

// A structured file kept for whole-scan matchers (config rules that resolve includes,
// templates and variables across the files of one configuration).
struct ScanDocument {
    std::string path;  // relative to the scan root
    const analyzers::Document* document = nullptr;
};

// Everything a whole-scan matcher may look at (flow rules follow transfers across files).
struct ScanContext {
    std::vector<const analyzers::FlowGraph*> flows;  // every flow of the scan, sorted by path
    const Policy& policy;
    // Documents of the files some whole-scan matcher needs (needs_document()), sorted by path.
    std::vector<ScanDocument> documents = {};
    // State a matcher kind builds once per scan and shares across its rules (the flow matchers'
    // graph index and prompt patterns), by kind name. Whole-scan matchers run one at a time.
    mutable std::map<std::string, std::shared_ptr<void>, std::less<>> kind_state = {};
};

class Matcher {
public:
    virtual ~Matcher() = default;
    // true: run once per applicable file with match_file; false: once per scan with match_scan.
    virtual bool per_file() const { return true; }
    // Per-file: append findings for `rule` on this file. Fill location, message, fingerprint_key,
    // evidence (masked), path; the engine fills rule_id, severity, controls, remediation, format.
    virtual void match_file(const Rule& rule, const FileContext& ctx, std::vector<Finding>& out) const;
    virtual void match_scan(const Rule& rule, const ScanContext& ctx, std::vector<Finding>& out) const;
    // Cheap pre-check on raw bytes of a file of `format`: false means this file cannot match
    // (never parse it for us). It must never be false for a file the rule would report on.
    virtual bool may_match(std::string_view /*bytes*/, std::string_view /*format*/) const { return true; }
    // The same pre-check with its literal tests answered by `file`, which one pass over the bytes
    // answers for every rule of the scan (rules/literals.h); the literals it asks about are those
    // literals() lists. By default: may_match on the bytes.
    virtual bool may_match_in(std::string_view format, const LiteralFinder& file) const { return may_match(file.bytes(), format); }
    virtual void literals(std::vector<Literal>& /*out*/) const {}
    // What kind of artifact the matcher needs (lets the engine skip building the others).
    virtual bool needs_document() const { return false; }
    virtual bool needs_flows() const { return false; }
    virtual bool needs_syntax() const { return false; }
    // True when the rule also runs on the lines each commit added (`scan --git-history`): rules
    // that look for values that were ever committed (content), not for the shape of a file.
    virtual bool runs_on_history() const { return false; }
    // Work deferred from pack load for files of `format` (a lazily compiled code query): an error
    // is a pack error (file, line, column of the rule) and the rule does not run.
    virtual std::optional<analyzers::Diagnostic> prepare(std::string_view /*format*/) const { return std::nullopt; }
};

// Errors found while building a matcher from YAML, with file/line/column.
struct PackContext {
    std::string pack_path;  // for diagnostics
    // false: code queries are compiled on first use (scans); true: at load (pack validation).
    bool compile_queries = true;
};

using MatcherFactory = Result<std::shared_ptr<const Matcher>> (*)(const analyzers::Node& spec,
                                                                 const PackContext& ctx);

}  // namespace ccscan::rules
