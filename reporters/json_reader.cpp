// Reads the native JSON report back into a rules::Report (the inverse of json_reporter.cpp).
// nlohmann's exceptions stay inside this file: every failure becomes a Diagnostic that names the
// offending field ("findings[3].location.start_line: expected a number").
#include <cstdint>
#include <limits>
#include <optional>

#include <nlohmann/json.hpp>

#include "reporters/json_reporter.h"
#include "reporters/names.h"

namespace ccscan::reporters {

namespace {

using Json = nlohmann::json;

struct ReadError {
    std::string where;
    std::string what;
};

const Json& field(const Json& obj, const std::string& where, const char* key) {
    static const Json k_null;
    if (!obj.is_object()) throw ReadError{where, "expected an object"};
    auto it = obj.find(key);
    return it == obj.end() ? k_null : *it;
}

std::string str(const Json& obj, const std::string& where, const char* key) {
    const Json& v = field(obj, where, key);
    if (v.is_null()) return {};
    if (!v.is_string()) throw ReadError{where + "." + key, "expected a string"};
    return v.get<std::string>();
}

template <class N>
N num(const Json& obj, const std::string& where, const char* key) {
    const Json& v = field(obj, where, key);
    if (v.is_null()) return N{};
    if (!v.is_number_integer() && !v.is_number_unsigned()) throw ReadError{where + "." + key, "expected an integer"};
    // Every number in the report is a count or a position: non-negative and within N.
    const auto max = static_cast<std::uint64_t>(std::numeric_limits<N>::max());
    const bool in_range = v.is_number_unsigned() ? v.get<std::uint64_t>() <= max
                                                 : v.get<std::int64_t>() >= 0 && static_cast<std::uint64_t>(v.get<std::int64_t>()) <= max;
    if (!in_range) throw ReadError{where + "." + key, "out of range"};
    return v.get<N>();
}

std::vector<std::string> strings(const Json& obj, const std::string& where, const char* key) {
    const Json& v = field(obj, where, key);
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (!v.is_array()) throw ReadError{where + "." + key, "expected an array of strings"};
    for (const Json& item : v) {
        if (!item.is_string()) throw ReadError{where + "." + key, "expected an array of strings"};
        out.push_back(item.get<std::string>());
    }
    return out;
}

// Calls read(item, "key[i]") for every element of the array at obj[key].
template <class T, class F>
std::vector<T> list(const Json& obj, const std::string& where, const char* key, F read) {
    const Json& v = field(obj, where, key);
    std::vector<T> out;
    if (v.is_null()) return out;
    const std::string base = (where.empty() ? std::string() : where + ".") + key;
    if (!v.is_array()) throw ReadError{base, "expected an array"};
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(read(v[i], base + "[" + std::to_string(i) + "]"));
    return out;
}

template <class E, class Parse>
E enum_field(const Json& obj, const std::string& where, const char* key, Parse parse) {
    const std::string text = str(obj, where, key);
    auto value = parse(text);
    if (!value) throw ReadError{where + "." + key, "unknown value '" + text + "'"};
    return *value;
}

rules::Location read_location(const Json& j, const std::string& where) {
    rules::Location l;
    l.path = str(j, where, "path");
    l.span.start = {num<std::uint32_t>(j, where, "start_line"), num<std::uint32_t>(j, where, "start_column")};
    l.span.end = {num<std::uint32_t>(j, where, "end_line"), num<std::uint32_t>(j, where, "end_column")};
    return l;
}

rules::Location location_field(const Json& j, const std::string& where, const char* key) {
    const Json& v = field(j, where, key);
    return v.is_null() ? rules::Location{} : read_location(v, where + "." + key);
}

rules::ScanInfo read_scan(const Json& j, const std::string& w) {
    rules::ScanInfo s;
    if (j.is_null()) return s;
    s.targets = strings(j, w, "targets");
    s.root = str(j, w, "root");
    s.git_commit = str(j, w, "git_commit");
    s.git_ref = str(j, w, "git_ref");
    s.started_at = str(j, w, "started_at");
    s.organisation = str(j, w, "organisation");
    s.assessment = str(j, w, "assessment");
    const Json& options = field(j, w, "options");
    if (!options.is_null() && !options.is_object()) throw ReadError{w + ".options", "expected an object"};
    if (options.is_object()) {
        for (auto it = options.begin(); it != options.end(); ++it) s.options[it.key()] = str(options, w + ".options", it.key().c_str());
    }
    return s;
}

rules::RuleSummary read_rule(const Json& j, const std::string& w) {
    rules::RuleSummary r;
    r.id = str(j, w, "id");
    r.pack = str(j, w, "pack");
    r.title = str(j, w, "title");
    r.severity = enum_field<rules::Severity>(j, w, "severity", rules::parse_severity);
    r.precision = str(j, w, "precision");
    r.matcher_kind = str(j, w, "matcher_kind");
    r.controls = strings(j, w, "controls");
    r.formats = strings(j, w, "formats");
    r.tags = strings(j, w, "tags");
    r.description = str(j, w, "description");
    r.remediation = str(j, w, "remediation");
    r.help_uri = str(j, w, "help_uri");
    return r;
}

rules::Suppression read_suppression(const Json& j, const std::string& w) {
    rules::Suppression s;
    s.kind = enum_field<rules::SuppressionKind>(j, w, "kind", parse_suppression_kind);
    s.reason = str(j, w, "reason");
    s.expires = str(j, w, "expires");
    s.approver = str(j, w, "approver");
    s.where = location_field(j, w, "where");
    return s;
}

rules::Finding read_finding(const Json& j, const std::string& w) {
    rules::Finding f;
    f.rule_id = str(j, w, "rule_id");
    f.severity = enum_field<rules::Severity>(j, w, "severity", rules::parse_severity);
    f.message = str(j, w, "message");
    f.controls = strings(j, w, "controls");
    f.location = location_field(j, w, "location");
    f.related = list<rules::Location>(j, w, "related", read_location);
    f.path = list<rules::PathStep>(j, w, "path", [](const Json& s, const std::string& sw) {
        return rules::PathStep{location_field(s, sw, "location"), str(s, sw, "message")};
    });
    f.evidence = str(j, w, "evidence");
    f.fingerprint = str(j, w, "fingerprint");
    f.remediation = str(j, w, "remediation");
    f.format = str(j, w, "format");
    const Json& origin = field(j, w, "origin");
    if (!origin.is_null()) {
        const std::string ow = w + ".origin";
        f.origin = analyzers::GitOrigin{str(origin, ow, "commit"), str(origin, ow, "author"), str(origin, ow, "date")};
    }
    const Json& suppression = field(j, w, "suppression");
    if (!suppression.is_null()) f.suppression = read_suppression(suppression, w + ".suppression");
    return f;
}

rules::InventoryEntry read_inventory(const Json& j, const std::string& w) {
    rules::InventoryEntry e;
    e.path = str(j, w, "path");
    e.format = str(j, w, "format");
    e.status = enum_field<rules::FileStatus>(j, w, "status", parse_file_status);
    e.reason = str(j, w, "reason");
    e.sha256 = str(j, w, "sha256");
    e.size = num<std::uint64_t>(j, w, "size");
    e.flows = num<int>(j, w, "flows");
    return e;
}

analyzers::Diagnostic read_diagnostic(const Json& j, const std::string& w) {
    analyzers::Diagnostic d;
    d.path = str(j, w, "path");
    d.span.start = {num<std::uint32_t>(j, w, "line"), num<std::uint32_t>(j, w, "column")};
    d.span.end = {num<std::uint32_t>(j, w, "end_line"), num<std::uint32_t>(j, w, "end_column")};
    d.code = str(j, w, "code");
    d.level = enum_field<analyzers::DiagnosticLevel>(j, w, "level", parse_diagnostic_level);
    d.message = str(j, w, "message");
    return d;
}

rules::ControlResult read_control(const Json& j, const std::string& w) {
    rules::ControlResult c;
    c.framework = str(j, w, "framework");
    c.id = str(j, w, "id");
    c.title = str(j, w, "title");
    c.automation = str(j, w, "automation");
    c.status = enum_field<rules::ControlStatus>(j, w, "status", parse_control_status);
    c.rules = strings(j, w, "rules");
    c.findings = num<int>(j, w, "findings");
    c.artifacts = num<int>(j, w, "artifacts");
    return c;
}

std::optional<rules::ShardInfo> read_shard(const Json& doc) {
    const Json& j = field(doc, "", "shard");
    if (j.is_null()) return std::nullopt;
    rules::ShardInfo s;
    s.index = num<int>(j, "shard", "index");
    s.count = num<int>(j, "shard", "count");
    if (s.count < 1 || s.index < 1 || s.index > s.count) throw ReadError{"shard", "expected 1 <= index <= count"};
    s.config_digest = str(j, "shard", "config_digest");
    const Json& applicable = field(j, "shard", "applicable");
    if (!applicable.is_null() && !applicable.is_object()) throw ReadError{"shard.applicable", "expected an object"};
    if (applicable.is_object())
        for (const auto& [rule, n] : applicable.items()) s.applicable[rule] = num<int>(applicable, "shard.applicable", rule.c_str());
    return s;
}

rules::Report read_report(const Json& doc) {
    if (!doc.is_object() || !doc.contains("findings") || !doc.contains("tool")) {
        throw ReadError{"", "not a ccscan JSON report (expected an object with \"tool\" and \"findings\"); write one with --format json"};
    }
    const int version = num<int>(doc, "", "format_version");
    if (version > k_json_format_version) {
        throw ReadError{"format_version", "version " + std::to_string(version) + " is newer than this ccscan reads (" +
                                              std::to_string(k_json_format_version) + "); upgrade ccscan"};
    }
    rules::Report r;
    const Json& tool = field(doc, "", "tool");
    r.tool.name = str(tool, "tool", "name");
    r.tool.version = str(tool, "tool", "version");
    r.tool.information_uri = str(tool, "tool", "information_uri");
    r.scan = read_scan(field(doc, "", "scan"), "scan");
    r.packs = list<rules::PackSummary>(doc, "", "packs", [](const Json& j, const std::string& w) {
        return rules::PackSummary{str(j, w, "id"),   str(j, w, "name"),   str(j, w, "version"),
                                  str(j, w, "path"), str(j, w, "sha256"), num<int>(j, w, "rule_count")};
    });
    r.rules = list<rules::RuleSummary>(doc, "", "rules", read_rule);
    r.findings = list<rules::Finding>(doc, "", "findings", read_finding);
    r.inventory = list<rules::InventoryEntry>(doc, "", "inventory", read_inventory);
    r.diagnostics = list<analyzers::Diagnostic>(doc, "", "diagnostics", read_diagnostic);
    r.frameworks = list<rules::FrameworkSummary>(doc, "", "frameworks", [](const Json& j, const std::string& w) {
        return rules::FrameworkSummary{str(j, w, "id"), str(j, w, "name"), str(j, w, "version")};
    });
    r.controls = list<rules::ControlResult>(doc, "", "controls", read_control);
    r.stale = list<rules::StaleEntry>(doc, "", "stale", [](const Json& j, const std::string& w) {
        return rules::StaleEntry{str(j, w, "kind"), str(j, w, "rule_id"), str(j, w, "fingerprint"),
                                 location_field(j, w, "where"), str(j, w, "message")};
    });
    r.shard = read_shard(doc);
    return r;
}

}  // namespace

analyzers::Result<rules::Report> read_json_report(std::string_view text, const std::string& path) {
    Json doc;
    try {
        doc = Json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t offset = e.byte == 0 ? 0 : std::min<std::size_t>(e.byte - 1, text.size());
        const analyzers::Position at = analyzers::LineIndex(text).position(offset);
        return analyzers::make_diagnostic("report-invalid-json", path, at, "not valid JSON: " + std::string(e.what()));
    }
    try {
        return read_report(doc);
    } catch (const ReadError& e) {
        const std::string prefix = e.where.empty() ? std::string() : e.where + ": ";
        return analyzers::make_diagnostic("report-invalid", path, {}, prefix + e.what);
    } catch (const nlohmann::json::exception& e) {
        return analyzers::make_diagnostic("report-invalid", path, {}, std::string("unreadable report: ") + e.what());
    }
}

}  // namespace ccscan::reporters
