#include "rules/rule_tests.h"

#include <algorithm>

#include "rules/engine.h"

namespace ccscan::rules {

namespace {

FileSource memory_file(const std::string& name, const std::string& content, const std::string& format) {
    FileSource s;
    s.path = name;
    s.size = content.size();
    s.forced_format = format;
    s.load = [content]() -> Result<std::string> { return content; };
    return s;
}

RuleTestResult run_one(const Rule& rule, const RuleTest& test, const Policy& policy) {
    RuleTestResult res;
    res.rule_id = rule.id;
    res.test_name = test.name.empty() ? (test.expect_match ? "match" : "no_match") : test.name;
    res.where = rule.source_path + ":" + std::to_string(test.where.start.line);
    std::vector<FileSource> files;
    std::string name = test.filename.empty() ? "input" : test.filename;
    files.push_back(memory_file(name, test.content, test.format));
    for (const auto& [fname, content] : test.extra_files) files.push_back(memory_file(fname, content, ""));
    ScanOptions options;
    options.jobs = 1;
    options.policy = policy;
    ScanResult result = run_scan({&rule}, std::move(files), options);
    std::vector<int> lines, related;
    for (const Finding& f : result.findings) {
        if (f.rule_id != rule.id || f.location.path != name) continue;
        lines.push_back(static_cast<int>(f.location.span.start.line));
        for (const Location& l : f.related) {
            if (l.path == name) related.push_back(static_cast<int>(l.span.start.line));
        }
    }
    std::sort(lines.begin(), lines.end());
    int n = static_cast<int>(lines.size());
    std::string failed_note;
    for (const InventoryEntry& e : result.inventory) {
        if (e.path == name && e.status != FileStatus::scanned) failed_note = " (input " + std::string(to_string(e.status)) + ": " + e.reason + ")";
    }
    auto fmt_lines = [&] {
        std::string s;
        for (int l : lines) s += (s.empty() ? "" : ",") + std::to_string(l);
        return s.empty() ? std::string("none") : s;
    };
    if (!test.expect_match) {
        res.passed = n == 0;
        if (!res.passed) res.detail = "expected no finding, got " + std::to_string(n) + " on line(s) " + fmt_lines();
        return res;
    }
    if (n == 0) {
        res.detail = "expected a finding, got none" + failed_note;
        return res;
    }
    if (test.count >= 0 && n != test.count) {
        res.detail = "expected " + std::to_string(test.count) + " finding(s), got " + std::to_string(n) + " on line(s) " + fmt_lines();
        return res;
    }
    if (!test.lines.empty()) {
        std::vector<int> want = test.lines;
        std::sort(want.begin(), want.end());
        std::vector<int> got = lines;
        got.erase(std::unique(got.begin(), got.end()), got.end());
        if (want != got) {
            std::string w;
            for (int l : want) w += (w.empty() ? "" : ",") + std::to_string(l);
            res.detail = "expected findings on line(s) " + w + ", got " + fmt_lines();
            return res;
        }
    }
    for (int want : test.related_lines) {
        if (std::find(related.begin(), related.end(), want) != related.end()) continue;
        std::string got;
        for (int l : related) got += (got.empty() ? "" : ",") + std::to_string(l);
        res.detail = "expected a related location on line " + std::to_string(want) + ", got " + (got.empty() ? "none" : got);
        return res;
    }
    res.passed = true;
    return res;
}

}  // namespace

std::vector<RuleTestResult> run_rule_tests(const std::vector<Pack>& packs, const Policy& policy) {
    std::vector<RuleTestResult> out;
    for (const Pack& p : packs) {
        for (const Rule& r : p.rules) {
            for (const RuleTest& t : r.tests) out.push_back(run_one(r, t, policy));
        }
    }
    return out;
}

std::vector<std::string> rules_missing_tests(const std::vector<Pack>& packs) {
    std::vector<std::string> out;
    for (const Pack& p : packs) {
        for (const Rule& r : p.rules) {
            bool has_match = std::any_of(r.tests.begin(), r.tests.end(), [](const RuleTest& t) { return t.expect_match; });
            bool has_no = std::any_of(r.tests.begin(), r.tests.end(), [](const RuleTest& t) { return !t.expect_match; });
            if (!has_match || !has_no) out.push_back(r.id);
        }
    }
    return out;
}

}  // namespace ccscan::rules
