#include "rules/suppression.h"

#include <algorithm>

#include <re2/re2.h>

#include "analyzers/glob.h"

namespace ccscan::rules {

using analyzers::Diagnostic;

namespace {

Diagnostic warning(const Location& where, std::string code, std::string message) {
    Diagnostic d;
    d.code = std::move(code);
    d.path = where.path;
    d.span = where.span;
    d.level = analyzers::DiagnosticLevel::warning;
    d.message = std::move(message);
    return d;
}

bool valid_date(std::string_view d) {
    static const RE2 k_date("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
    return RE2::FullMatch(d, k_date);
}

bool covers(const InlineSuppression& s, const Finding& f) {
    if (s.where.path != f.location.path) return false;
    auto line = f.location.span.start.line;
    if (s.where.span.start.line != line && s.where.span.start.line + 1 != line) return false;
    return std::any_of(s.rule_ids.begin(), s.rule_ids.end(), [&](const std::string& id) { return id == "*" || id == f.rule_id; });
}

bool covers(const Waiver& w, const Finding& f) {
    if (w.rule_id != "*" && w.rule_id != f.rule_id) return false;
    if (!w.path_glob.empty() && !analyzers::glob_match(w.path_glob, f.location.path)) return false;
    return w.fingerprint.empty() || w.fingerprint == f.fingerprint;
}

}  // namespace

std::vector<InlineSuppression> find_inline_suppressions(const std::string& path, std::string_view bytes) {
    // ccscan:ignore IDS [-- reason] [until DATE]   (the comment marker before it is the format's own)
    static const RE2 k_marker("ccscan:ignore[ \\t]+([A-Za-z0-9*,\\- ]+?)[ \\t]*(?:--[ \\t]*(.*?))?[ \\t]*(?:\\[?until[ \\t]+([0-9-]+)\\]?)?[ \\t]*(?:-->|\\*/)?[ \\t]*$");
    std::vector<InlineSuppression> out;
    std::uint32_t line = 1;
    std::size_t start = 0;
    while (start <= bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        std::string_view text = bytes.substr(start, end - start);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        std::size_t at = text.find("ccscan:ignore");
        if (at != std::string_view::npos) {
            std::string ids, reason, until;
            InlineSuppression s;
            s.where = {path, {{line, static_cast<std::uint32_t>(at + 1)}, {line, static_cast<std::uint32_t>(text.size() + 1)}}};
            if (RE2::PartialMatch(text.substr(at), k_marker, &ids, &reason, &until)) {
                std::string id;
                for (char c : ids + ",") {
                    if (c == ',' || c == ' ') {
                        if (!id.empty()) s.rule_ids.push_back(id);
                        id.clear();
                    } else {
                        id += c;
                    }
                }
                s.reason = reason;
                s.until = until;
                s.malformed_date = !until.empty() && !valid_date(until);
            }
            out.push_back(std::move(s));
        }
        if (end == bytes.size()) break;
        start = end + 1;
        ++line;
    }
    return out;
}

void apply_suppressions(std::vector<Finding>& findings, const std::vector<InlineSuppression>& inline_suppressions,
                        const std::vector<Waiver>& waivers, const std::string& today,
                        std::vector<Diagnostic>& diagnostics, std::vector<StaleEntry>& stale) {
    for (const InlineSuppression& s : inline_suppressions) {
        std::string ids;
        for (const std::string& id : s.rule_ids) ids += (ids.empty() ? "" : ",") + id;
        if (s.rule_ids.empty()) {
            diagnostics.push_back(warning(s.where, "suppression-invalid", "ccscan:ignore needs a rule id: `ccscan:ignore RULE-ID -- reason`"));
            continue;
        }
        bool matched = false;
        for (Finding& f : findings) {
            if (!covers(s, f)) continue;
            matched = true;
            if (s.reason.empty()) continue;
            if (s.malformed_date || (!s.until.empty() && s.until < today)) continue;
            if (f.suppression.kind != SuppressionKind::none) continue;
            f.suppression = {SuppressionKind::inline_comment, s.reason, s.until, {}, s.where};
        }
        if (s.reason.empty()) {
            diagnostics.push_back(warning(s.where, "suppression-no-reason",
                                          "ccscan:ignore " + ids + " has no reason (`-- why`), so it does not suppress"));
        } else if (s.malformed_date) {
            diagnostics.push_back(warning(s.where, "suppression-bad-date", "ccscan:ignore " + ids + ": 'until' must be YYYY-MM-DD; it does not suppress"));
        } else if (!s.until.empty() && s.until < today) {
            diagnostics.push_back(warning(s.where, "suppression-expired",
                                          "ccscan:ignore " + ids + " expired on " + s.until + " and no longer suppresses"));
        }
        if (!matched) {
            stale.push_back({"inline", ids, {}, s.where, "ccscan:ignore " + ids + " matches no finding"});
        }
    }
    for (const Waiver& w : waivers) {
        bool expired = !w.expires.empty() && w.expires < today;
        bool matched = false;
        for (Finding& f : findings) {
            if (!covers(w, f)) continue;
            matched = true;
            if (expired || f.suppression.kind != SuppressionKind::none) continue;
            f.suppression = {SuppressionKind::waiver, w.reason, w.expires, w.approver, w.where};
        }
        if (expired) {
            diagnostics.push_back(warning(w.where, "waiver-expired", "waiver for " + w.rule_id + " expired on " + w.expires + " and no longer applies"));
        }
        if (!matched) stale.push_back({"waiver", w.rule_id, w.fingerprint, w.where, "waiver for " + w.rule_id + " matches no finding"});
    }
}

}  // namespace ccscan::rules
