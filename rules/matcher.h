// Matcher: the interface every matcher kind (config, flow, code, content) implements, and the
// context it runs in. A matcher is built once from a rule's `match:` block by its factory in
// rules/registry.cpp and is then immutable and shared by all worker threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "analyzers/input_file.h"
#include "analyzers/parsed_file.h"
#include "rules/finding.h"
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
    // Cheap pre-check on raw bytes: false means this file cannot match (never parse it for us).
    virtual bool may_match(std::string_view /*bytes*/) const { return true; }
    // What kind of artifact the matcher needs (lets the engine skip building the others).
    virtual bool needs_document() const { return false; }
    virtual bool needs_flows() const { return false; }
    virtual bool needs_syntax() const { return false; }
};

// Errors found while building a matcher from YAML, with file/line/column.
struct PackContext {
    std::string pack_path;  // for diagnostics
};

using MatcherFactory = Result<std::shared_ptr<const Matcher>> (*)(const analyzers::Node& spec,
                                                                 const PackContext& ctx);

}  // namespace ccscan::rules
