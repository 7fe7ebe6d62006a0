#include "rules/engine.h"

#include "rules/cross_artifact.h"
#include "rules/file_outcome.h"
#include "rules/result_cache.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <exception>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

#include "analyzers/format_registry.h"
#include "analyzers/hash.h"
#include "analyzers/text_mask.h"
#include "rules/content/text_redactor.h"
#include "rules/embedded_scan.h"
#include "rules/overlap.h"

namespace ccscan::rules {

using analyzers::Diagnostic;

namespace {

void finish_finding(Finding& f, const Rule& rule, const std::string& format,
                    const std::optional<analyzers::GitOrigin>& git) {
    f.rule_id = rule.id;
    f.severity = static_cast<Severity>(std::clamp(static_cast<int>(rule.severity) + f.severity_delta,
                                                  static_cast<int>(Severity::info), static_cast<int>(Severity::critical)));
    f.controls = controls_for(rule.controls, rule.unconditional_controls, rule.controls_by_sensitivity, f.sensitivity);
    f.remediation = rule.remediation;
    if (f.format.empty()) f.format = format;
    if (f.message.empty()) f.message = rule.title;
    // Messages quote what files say (prompt texts, URLs, attribute values): no value a content
    // detector knows (card number, SSN, key, password) and no long digit run leaves the engine
    // unmasked.
    f.message = content::redact_text(f.message);
    for (PathStep& step : f.path) step.message = content::redact_text(step.message);
    if (!f.origin && git) f.origin = git;
}

std::string exception_text(std::exception_ptr e) {
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        return ex.what();
    } catch (...) {
        return "unknown exception";
    }
}

// One file can never end the scan: an exception from a reader, parser, adapter or matcher
// fails that file with an `internal` diagnostic (its message is masked like every other).
void fail_internal(FileOutcome& out, const std::string& path, const std::string& during, std::exception_ptr e) {
    out.entry.status = FileStatus::failed;
    out.entry.reason = "internal error in " + during + ": " + exception_text(e);
    out.diagnostics.push_back(analyzers::make_diagnostic("internal", path, {}, out.entry.reason + " (please report this)"));
}

// `owned` false (another shard's file): only what links files together is built (flows, the
// documents of whole-scan rules, handler definitions, the format); no per-file rule runs and
// nothing of the file is reported (nor looked up in or stored to the result cache).
void scan_bytes(const std::vector<const Rule*>& rules, analyzers::InputFile& file, const FileSource& src, const ScanOptions& options,
                bool any_flow_rules, bool owned, const LiteralIndex* literals, std::chrono::steady_clock::time_point t0, FileOutcome& out);

void process_file(const std::vector<const Rule*>& rules, FileSource& src, const ScanOptions& options, bool any_flow_rules, bool owned,
                  const LiteralIndex* literals, FileOutcome& out) {
    out.entry.path = src.inventory_path.empty() ? src.path : src.inventory_path;
    out.entry.size = src.size;
    if (!src.skip_reason.empty()) {
        out.entry.status = FileStatus::skipped;
        out.entry.reason = src.skip_reason;
        return;
    }
    using clock = std::chrono::steady_clock;
    auto seconds_since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
    auto t0 = clock::now();
    auto bytes = src.load ? src.load() : Result<std::string>(std::string());
    out.read_s = seconds_since(t0);
    if (!bytes.ok()) {
        out.entry.status = FileStatus::failed;
        out.entry.reason = bytes.error().message;
        Diagnostic d = bytes.error();
        d.path = src.path;
        out.diagnostics.push_back(std::move(d));
        return;
    }
    analyzers::InputFile file{src.path, src.abs_path, std::move(bytes.value()), src.origin, src.git};
    out.entry.size = file.bytes.size();
    if (owned) out.entry.sha256 = analyzers::sha256_hex(file.bytes);
    std::string cache_key;
    if (owned && options.cache) {
        cache_key = options.cache->key_for(src, out.entry.sha256);
        if (auto hit = options.cache->load(cache_key)) {
            hit->read_s = out.read_s;
            out = std::move(*hit);
            return;
        }
    }
    scan_bytes(rules, file, src, options, any_flow_rules, owned, literals, t0, out);
    if (owned && options.cache) options.cache->store(cache_key, out);
}

// The per-file pass over bytes read and hashed: detect, analyze, run the per-file rules.
void scan_bytes(const std::vector<const Rule*>& rules, analyzers::InputFile& file, const FileSource& src, const ScanOptions& options,
                bool any_flow_rules, bool owned, const LiteralIndex* literals, std::chrono::steady_clock::time_point t0, FileOutcome& out) {
    using clock = std::chrono::steady_clock;
    auto seconds_since = [](clock::time_point t) { return std::chrono::duration<double>(clock::now() - t).count(); };
    if (looks_binary(file.bytes)) {
        out.entry.status = FileStatus::skipped;
        out.entry.reason = "binary file";
        return;
    }
    analyzers::Detection det = src.forced_format.empty() ? analyzers::detect_format(file.path, file.bytes)
                                                         : analyzers::Detection{src.forced_format, false, {}};
    out.entry.format = det.format;
    if (det.unsupported) {
        out.entry.status = FileStatus::skipped;
        out.entry.reason = "unsupported format: " + det.reason;
        return;
    }
    const analyzers::FormatInfo* info = analyzers::find_format(det.format);
    // Source code links to nothing by itself (a handler is found by its path and format).
    if (!owned && info && info->syntax == "code" && !info->has_flows()) return;
    std::vector<const Rule*> per_file;
    bool want_syntax = false;
    bool want_document = any_flow_rules;
    bool keep_document = false;
    const IndexedFinder finder(file.bytes, literals);
    for (const Rule* r : rules) {
        if (!r->matcher->per_file() && r->matcher->needs_document() && r->applies_to.applies(det.format, file.path)) keep_document = true;
        if (!r->matcher->per_file() || !r->applies_to.applies(det.format, file.path)) continue;
        // A rule that needs only the text makes its own single pass in match_file; the pre-check
        // would be a second pass over the same bytes.
        const bool text_only = !r->matcher->needs_document() && !r->matcher->needs_syntax() && !r->matcher->needs_flows();
        if (!text_only && options.fast_paths && !r->matcher->may_match_in(det.format, finder)) {
            out.applicable_rules.push_back(r->id);  // examined (cheaply): counts as applicable
            continue;
        }
        if (auto error = r->matcher->prepare(det.format)) {
            error->message += " in rule " + r->id;
            if (owned) out.rule_errors.push_back(std::move(*error));
            continue;
        }
        per_file.push_back(r);
        want_syntax = want_syntax || r->matcher->needs_syntax();
        want_document = want_document || r->matcher->needs_document();
    }
    want_document = want_document || keep_document;

    analyzers::AnalyzeOptions ao;
    ao.limits = options.limits;
    ao.want_flows = any_flow_rules;
    ao.want_syntax = want_syntax && owned;
    ao.want_document = want_document;
    ao.extra_sensitive_words = options.policy.list("sensitive_words");
    std::optional<clock::time_point> deadline;
    if (options.file_timeout.count() > 0) deadline = t0 + options.file_timeout;
    ao.deadline = deadline;
    auto t1 = clock::now();
    analyzers::ParsedFile parsed = analyzers::analyze(file, det.format, ao);
    out.parse_s = seconds_since(t1);
    if (!owned) {
        out.applicable_rules.clear();
        out.flows = std::move(parsed.flows);
        if (parsed.document && !parsed.failure) out.handlers = handler_defs(*parsed.document, det.format);
        if (keep_document && !parsed.failure) out.document = std::move(parsed.document);
        return;
    }
    // No rule needed the file's model (only content rules apply, as in history scans, or no code
    // rule's prefilter matched): it was not parsed, and the inventory says so.
    if (!parsed.document && !parsed.syntax && !parsed.failure && info && info->syntax != "text")
        out.entry.reason = std::string(k_text_only_reason);
    auto t2 = clock::now();
    for (Diagnostic& d : parsed.notes) {
        d.level = analyzers::DiagnosticLevel::note;
        out.diagnostics.push_back(std::move(d));
    }
    if (parsed.failure) {
        out.entry.status = FileStatus::failed;
        const analyzers::Position at = parsed.failure->span.start;
        out.entry.reason = at.line ? "parse error at " + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + parsed.failure->message
                                   : parsed.failure->message;
        out.diagnostics.push_back(*parsed.failure);
    }
    FileContext ctx{file, parsed, options.policy, options.hash_key, options.fast_paths ? &per_file : nullptr};
    auto out_of_time = [&](const std::string& during) {
        if (!deadline || clock::now() < *deadline) return false;
        out.entry.status = FileStatus::failed;
        out.entry.reason = "time budget of " + std::to_string(options.file_timeout.count()) + " ms exceeded " + during;
        out.diagnostics.push_back(analyzers::make_diagnostic("limit-time", file.path, {}, out.entry.reason));
        out.timed_out = true;
        return true;
    };
    bool timed_out = out_of_time("while parsing");
    for (std::size_t i = 0; i < per_file.size() && !timed_out; ++i) {
        const Rule* r = per_file[i];
        // A file that failed to parse still gets rules that need only its text (content rules).
        if (parsed.failure && (r->matcher->needs_document() || r->matcher->needs_syntax() || r->matcher->needs_flows())) continue;
        out.applicable_rules.push_back(r->id);
        std::size_t before = out.findings.size();
        try {
            r->matcher->match_file(*r, ctx, out.findings);
        } catch (...) {
            // What the rule had found before it threw is unfinished (unmasked): dropped.
            out.findings.resize(before);
            fail_internal(out, file.path, "rule " + r->id, std::current_exception());
            break;
        }
        for (std::size_t k = before; k < out.findings.size(); ++k) finish_finding(out.findings[k], *r, det.format, file.git);
        if (i + 1 < per_file.size()) timed_out = out_of_time("after rule " + r->id + "; " + std::to_string(per_file.size() - i - 1) + " rule(s) not run");
    }
    if (!timed_out && !parsed.embedded_code.empty()) {
        std::vector<const Rule*> rule_of;
        std::size_t before = out.findings.size();
        scan_embedded_code(rules, file, parsed, ao, options.policy, options.hash_key, out.findings, rule_of);
        for (std::size_t k = before; k < out.findings.size(); ++k) {
            const Rule& r = *rule_of[k - before];
            finish_finding(out.findings[k], r, out.findings[k].format, file.git);
            if (std::find(out.applicable_rules.begin(), out.applicable_rules.end(), r.id) == out.applicable_rules.end())
                out.applicable_rules.push_back(r.id);
        }
    }
    out.analysis_s = seconds_since(t2);
    out.entry.flows = static_cast<int>(parsed.flows.size());
    out.flows = std::move(parsed.flows);
    if (parsed.document && !parsed.failure) out.handlers = handler_defs(*parsed.document, det.format);
    if (keep_document && !parsed.failure) out.document = std::move(parsed.document);
    if (file.bytes.find("ccscan:ignore") != std::string::npos) out.suppressions = find_inline_suppressions(file.path, file.bytes);
}

}  // namespace

bool looks_binary(std::string_view bytes) {
    return std::memchr(bytes.data(), '\0', std::min<std::size_t>(bytes.size(), 8192)) != nullptr;
}

namespace {

// finding_less, then everything else a finding holds: the order (so which of two findings at the
// same place with the same message the deduplication keeps, and the occurrence numbers of
// fingerprints) depends on the findings alone, not on the order they came in (a sharded scan
// holds a subset of them).
bool finding_total_less(const Finding& a, const Finding& b) {
    if (finding_less(a, b)) return true;
    if (finding_less(b, a)) return false;
    auto steps = [](const Finding& f) {
        std::vector<std::tuple<const Location&, const std::string&>> out;
        for (const PathStep& s : f.path) out.emplace_back(s.location, s.message);
        return out;
    };
    return std::tie(a.fingerprint_key, a.evidence, a.sensitivity, a.severity, a.related, a.format, a.controls) <
               std::tie(b.fingerprint_key, b.evidence, b.sensitivity, b.severity, b.related, b.format, b.controls) ||
           (std::tie(a.fingerprint_key, a.evidence, a.sensitivity, a.severity, a.related, a.format, a.controls) ==
                std::tie(b.fingerprint_key, b.evidence, b.sensitivity, b.severity, b.related, b.format, b.controls) &&
            steps(a) < steps(b));
}

}  // namespace

void assign_fingerprints(std::vector<Finding>& findings) {
    std::sort(findings.begin(), findings.end(), finding_total_less);
    std::map<std::string, int> seen;
    for (Finding& f : findings) {
        // The path as reports show it (a card number in a file name is masked there too).
        std::string key = f.rule_id + '\n' + analyzers::mask_digit_runs(f.location.path) + '\n' +
                          (f.fingerprint_key.empty() ? f.message : f.fingerprint_key);
        int n = seen[key]++;
        if (n > 0) key += '\n' + std::to_string(n);
        f.fingerprint = analyzers::sha256_hex(key).substr(0, 32);
    }
}

ScanResult run_scan(const std::vector<const Rule*>& rules, std::vector<FileSource> files, const ScanOptions& options) {
    std::sort(files.begin(), files.end(), [](const FileSource& a, const FileSource& b) { return a.path < b.path; });
    bool any_flow_rules = std::any_of(rules.begin(), rules.end(), [](const Rule* r) { return !r->matcher->per_file() && r->matcher->needs_flows(); });
    std::vector<Literal> wanted;
    for (const Rule* r : rules) r->matcher->literals(wanted);
    // Every prefilter literal of the scan, answered for a file by one pass (rules/literals.h).
    const auto literals = options.fast_paths ? LiteralIndex::build(std::move(wanted)) : nullptr;
    std::vector<FileOutcome> outcomes(files.size());
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = std::min<unsigned>(jobs, std::max<std::size_t>(1, files.size()));
    std::vector<char> owned(files.size(), 1);
    if (options.owns)
        for (std::size_t i = 0; i < files.size(); ++i) owned[i] = options.owns(files[i].path) ? 1 : 0;
    std::atomic<std::size_t> next{0}, done{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                process_file(rules, files[i], options, any_flow_rules, owned[i] != 0, literals.get(), outcomes[i]);
            } catch (...) {
                FileOutcome& o = outcomes[i];
                o.flows.clear();  // may be half-built
                o.entry.path = files[i].inventory_path.empty() ? files[i].path : files[i].inventory_path;
                fail_internal(o, files[i].path, "reading or parsing", std::current_exception());
            }
            std::size_t d = ++done;
            if (options.progress) options.progress(d, files.size());
        }
    };
    std::vector<std::thread> pool;
    for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();

    ScanResult result;
    std::vector<analyzers::FlowGraph> flows;
    std::map<std::string, std::string> format_of;
    std::vector<ScanDocument> documents;
    std::vector<HandlerDef> handlers;
    std::vector<InventoryEntry> linkable;  // every file of the tree, for the cross-artifact pass
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        FileOutcome& o = outcomes[i];
        std::move(o.handlers.begin(), o.handlers.end(), std::back_inserter(handlers));
        if (o.document) documents.push_back({o.entry.path, &*o.document});
        format_of[o.entry.path] = o.entry.format;
        if (options.owns) linkable.push_back({o.entry.path, o.entry.format, o.entry.status, {}, {}, 0, 0});
        if (!owned[i]) {
            std::move(o.flows.begin(), o.flows.end(), std::back_inserter(flows));
            continue;
        }
        result.phase_seconds["read"] += o.read_s;
        result.phase_seconds["parse"] += o.parse_s;
        result.phase_seconds["analysis"] += o.analysis_s;
        if (!o.entry.sha256.empty()) result.bytes_read += o.entry.size;
        for (const std::string& id : o.applicable_rules) result.applicable[id]++;
        std::move(o.findings.begin(), o.findings.end(), std::back_inserter(result.findings));
        std::move(o.diagnostics.begin(), o.diagnostics.end(), std::back_inserter(result.diagnostics));
        std::move(o.flows.begin(), o.flows.end(), std::back_inserter(flows));
        std::move(o.suppressions.begin(), o.suppressions.end(), std::back_inserter(result.suppressions));
        std::move(o.rule_errors.begin(), o.rule_errors.end(), std::back_inserter(result.rule_errors));
        result.inventory.push_back(std::move(o.entry));
    }
    // Whole-scan matchers: every flow of the scan is visible (transfers across files).
    auto flow_start = std::chrono::steady_clock::now();
    ScanContext sctx{{}, options.policy, std::move(documents)};
    for (const analyzers::FlowGraph& g : flows) sctx.flows.push_back(&g);
    for (const Rule* r : rules) {
        if (r->matcher->per_file()) continue;
        std::set<std::string> files_applicable;
        for (const analyzers::FlowGraph& g : flows) {
            if (options.owns && !options.owns(g.path)) continue;
            if (r->applies_to.applies(format_of[g.path], g.path) || r->applies_to.applies(g.platform, g.path)) files_applicable.insert(g.path);
        }
        if (r->matcher->needs_document())
            for (const ScanDocument& d : sctx.documents)
                if ((!options.owns || options.owns(d.path)) && r->applies_to.applies(format_of[d.path], d.path)) files_applicable.insert(d.path);
        if (!files_applicable.empty()) result.applicable[r->id] += static_cast<int>(files_applicable.size());
        std::vector<Finding> found;
        try {
            r->matcher->match_scan(*r, sctx, found);
        } catch (...) {
            found.clear();
            result.diagnostics.push_back(analyzers::make_diagnostic(
                "internal", "", {}, "internal error in rule " + r->id + " (whole-scan pass): " +
                                        exception_text(std::current_exception()) + "; its findings are not reported (please report this)"));
        }
        for (Finding& f : found) {
            if (options.owns && !options.owns(f.location.path)) continue;
            finish_finding(f, *r, format_of[f.location.path], std::nullopt);
            result.findings.push_back(std::move(f));
        }
    }
    // Cross-artifact: flows that pass collected values to a handler in the scan join its findings.
    std::map<std::string, const Rule*> rule_by_id;
    for (const Rule* r : rules) rule_by_id[r->id] = r;
    link_handler_findings(sctx.flows, handlers, options.owns ? linkable : result.inventory, rule_by_id, result.findings);
    drop_generic_duplicates(rules, result.findings);
    result.phase_seconds["flow"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - flow_start).count();
    assign_fingerprints(result.findings);
    // Two matchers (or two paths) reporting the same thing at the same place: keep one. Not
    // across commits of a history scan: which commit introduced it is decided after the scan.
    result.findings.erase(std::unique(result.findings.begin(), result.findings.end(),
                                      [](const Finding& a, const Finding& b) {
                                          return a.rule_id == b.rule_id && a.location == b.location && a.message == b.message &&
                                                 a.origin == b.origin;
                                      }),
                          result.findings.end());
    auto diagnostic_less = [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.span, a.code, a.message) < std::tie(b.path, b.span, b.code, b.message);
    };
    std::sort(result.rule_errors.begin(), result.rule_errors.end(), diagnostic_less);
    result.rule_errors.erase(std::unique(result.rule_errors.begin(), result.rule_errors.end(),
                                         [](const Diagnostic& a, const Diagnostic& b) { return a.to_string() == b.to_string(); }),
                             result.rule_errors.end());
    for (Diagnostic& d : result.diagnostics) d.message = content::redact_text(d.message);
    std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
    return result;
}

}  // namespace ccscan::rules
