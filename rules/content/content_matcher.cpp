#include "rules/content/content_matcher.h"

#include <algorithm>
#include <optional>

#include "analyzers/text.h"
#include "rules/content/detectors.h"
#include "rules/message.h"
#include "rules/pack_support.h"
#include "rules/rule.h"

namespace ccscan::rules::content {

using analyzers::Node;

namespace {

enum class TestFiles { lower, skip, report };

struct ContentSpec {
    std::vector<DetectorSpec> user;  // owned user patterns
    std::vector<std::string> detectors;
    std::vector<std::string> raise, lower;
    bool require_context = false;
    TestFiles test_files = TestFiles::lower;
};

bool is_test_path(std::string_view path, const Catalog& cat) {
    std::string p = "/" + analyzers::lower(path);
    for (const std::string& frag : cat.test_paths) {
        if (p.find(frag) != std::string::npos) return true;
    }
    return false;
}

std::string_view line_of(std::string_view text, std::size_t begin) {
    std::size_t s = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    s = (s == std::string_view::npos || begin == 0) ? 0 : s + 1;
    std::size_t e = text.find('\n', begin);
    return text.substr(s, (e == std::string_view::npos ? text.size() : e) - s);
}

// What a content finding's fingerprint knows: the detector and up to k_context bytes of the
// value's line on each side, with every detected value there replaced by its detector id. The
// value itself is never part of it (a fingerprint leaves the machine in every report and must
// not let anyone test candidate values), nor is the line number (moving a line keeps it).
std::string fingerprint_context(std::string_view text, const std::vector<Detection>& all, std::size_t i) {
    constexpr std::size_t k_context = 32;
    const Detection& d = all[i];
    std::size_t line_begin = text.rfind('\n', d.begin == 0 ? 0 : d.begin - 1);
    line_begin = (line_begin == std::string_view::npos || d.begin == 0) ? 0 : line_begin + 1;
    std::size_t line_end = std::min(text.find('\n', d.end), text.size());
    const std::size_t from = std::max(line_begin, d.begin > k_context ? d.begin - k_context : 0);
    const std::size_t to = std::min(line_end, d.end + k_context);
    std::string out = d.detector->id + ":";
    std::size_t at = from;
    // Detections are in text order; the ones overlapping the window are next to `i`.
    std::size_t k = i;
    while (k > 0 && all[k - 1].end > from) --k;
    for (; k < all.size() && all[k].begin < to; ++k) {
        if (all[k].end <= at) continue;
        if (all[k].begin > at) out.append(text.substr(at, all[k].begin - at));
        out += "<" + all[k].detector->id + ">";
        at = std::max(at, std::min(all[k].end, to));
    }
    if (at < to) out.append(text.substr(at, to - at));
    return out;
}

class ContentMatcher : public Matcher {
public:
    ContentMatcher(std::unique_ptr<ContentSpec> spec, std::shared_ptr<const ContentScanner> scanner)
        : m_spec(std::move(spec)), m_scanner(std::move(scanner)) {}

    bool may_match(std::string_view bytes, std::string_view /*format*/) const override { return m_scanner->any(bytes); }
    bool runs_on_history() const override { return true; }

    void match_file(const Rule& rule, const FileContext& ctx, std::vector<Finding>& out) const override {
        const Catalog& cat = builtin_catalog();
        const bool test_file = is_test_path(ctx.file.path, cat);
        if (test_file && m_spec->test_files == TestFiles::skip) return;
        static const std::set<std::string, std::less<>> k_none;
        const bool skip_test_cards = ctx.policy.scalar("test_card_numbers").value_or("true") != "false";
        const std::string_view text = ctx.file.bytes;
        const std::vector<Detection> found = detections(ctx, skip_test_cards ? cat.test_cards : k_none);
        std::optional<analyzers::LineIndex> lines;  // built for the first finding (most files have none)
        for (std::size_t i = 0; i < found.size(); ++i) {
            const Detection& d = found[i];
            if (d.test_value) continue;
            if (m_spec->require_context && !d.context && !d.detector->context.empty()) continue;
            if (!lines) lines.emplace(text);
            Finding f;
            f.location = {ctx.file.path, {lines->position(d.begin), lines->position(d.end)}};
            f.evidence = d.evidence;
            f.fingerprint_key = fingerprint_context(text, found, i);
            std::string around = analyzers::lower(line_of(text, d.begin));
            if (test_file && m_spec->test_files == TestFiles::lower) f.severity_delta -= 1;
            if (has_context_word(around, m_spec->lower)) f.severity_delta -= 1;
            if (has_context_word(around, m_spec->raise)) f.severity_delta += 1;
            MessageVars vars{{"detector", d.detector->id}, {"description", d.detector->description},
                             {"evidence", d.evidence}, {"brand", d.brand}};
            f.message = render_message(rule.message_template.empty() ? rule.title : rule.message_template, vars);
            out.push_back(std::move(f));
        }
    }

private:
    // What the shared pass found for every content rule of the file.
    struct SharedPass {
        bool usable = false;
        std::vector<Detection> all;
    };

    // This rule's detections: from one pass shared by every content rule of the file when the
    // engine says which rules those are (ctx.rules), else from its own scan. Both give the same
    // list: a detector's matches do not depend on the other detectors of the pass, and the list
    // is put back in the order of this rule's own scan (text order, detector id, its own order).
    std::vector<Detection> detections(const FileContext& ctx, const std::set<std::string, std::less<>>& cards) const {
        const std::string_view text = ctx.file.bytes;
        if (!ctx.rules) return m_scanner->scan(text, cards, ctx.hash_key);
        auto [it, fresh] = ctx.kind_state.try_emplace("content");
        if (fresh) {
            std::vector<const ContentScanner*> parts;
            for (const Rule* r : *ctx.rules) {
                if (const auto* m = dynamic_cast<const ContentMatcher*>(r->matcher.get())) parts.push_back(m->m_scanner.get());
            }
            auto pass = std::make_shared<SharedPass>();
            if (auto all = ContentScanner::union_of(parts)) {
                pass->usable = true;
                pass->all = all->scan(text, cards, ctx.hash_key);
            }
            it->second = pass;
        }
        const auto& pass = *static_cast<const SharedPass*>(it->second.get());
        if (!pass.usable) return m_scanner->scan(text, cards, ctx.hash_key);
        std::vector<std::pair<std::size_t, const Detection*>> mine;
        for (const Detection& d : pass.all) {
            if (std::size_t k = m_scanner->index_of(d.detector); k != std::string::npos) mine.emplace_back(k, &d);
        }
        std::stable_sort(mine.begin(), mine.end(), [](const auto& a, const auto& b) {
            if (a.second->begin != b.second->begin) return a.second->begin < b.second->begin;
            if (a.second->detector->id != b.second->detector->id) return a.second->detector->id < b.second->detector->id;
            return a.first < b.first;
        });
        std::vector<Detection> out;
        out.reserve(mine.size());
        for (const auto& m : mine) out.push_back(*m.second);
        return out;
    }

    std::unique_ptr<ContentSpec> m_spec;
    std::shared_ptr<const ContentScanner> m_scanner;
};

std::optional<analyzers::Diagnostic> read_patterns(const Node& list, const PackContext& ctx, ContentSpec& spec) {
    for (const Node& p : list.children) {
        if (auto e = check_keys(ctx, p, {"name", "regex", "mask"}, "content pattern")) return e;
        SpecReader r{ctx, {}};
        auto name = r.string(p, "name", true);
        auto regex = r.string(p, "regex", true);
        auto mask = r.string(p, "mask");
        if (!r.ok()) return r.error;
        RE2 re(*regex, RE2::Quiet);
        if (!re.ok()) return spec_error(ctx, *p.find("regex"), "pattern '" + *name + "' does not compile: " + re.error());
        DetectorSpec d;
        d.id = *name;
        d.description = "pattern " + *name;
        d.regex = *regex;
        if (mask) {
            d.mask = find_mask(*mask);
            if (!d.mask) {
                std::string names;
                for (const std::string& m : mask_names()) names += (names.empty() ? "" : ", ") + m;
                return spec_error(ctx, *p.find("mask"), "mask must be one of " + names);
            }
        }
        spec.user.push_back(std::move(d));
    }
    return std::nullopt;
}

}  // namespace

Result<std::shared_ptr<const Matcher>> make_content_matcher(const Node& spec, const PackContext& ctx) {
    if (auto e = check_keys(ctx, spec, {"detectors", "patterns", "context", "require_context", "test_files"}, "content matcher"))
        return *e;
    auto cs = std::make_unique<ContentSpec>();
    SpecReader r{ctx, {}};
    cs->detectors = r.strings(spec, "detectors").value_or(std::vector<std::string>{});
    const Node* patterns = r.list(spec, "patterns");
    const Node* context = r.mapping(spec, "context");
    cs->require_context = r.boolean(spec, "require_context").value_or(false);
    auto test_files = r.string(spec, "test_files");
    if (!r.ok()) return *r.error;
    if (context) {
        if (auto e = check_keys(ctx, *context, {"raise", "lower"}, "content context")) return *e;
        cs->raise = r.strings(*context, "raise").value_or(std::vector<std::string>{});
        cs->lower = r.strings(*context, "lower").value_or(std::vector<std::string>{});
        for (auto* words : {&cs->raise, &cs->lower}) {
            for (std::string& w : *words) w = analyzers::lower(w);
        }
    }
    if (test_files) {
        if (*test_files == "lower") cs->test_files = TestFiles::lower;
        else if (*test_files == "skip") cs->test_files = TestFiles::skip;
        else if (*test_files == "report") cs->test_files = TestFiles::report;
        else {
            std::string hint = did_you_mean(*test_files, {"lower", "skip", "report"});
            return spec_error(ctx, *spec.find("test_files"),
                              "test_files must be lower, skip or report" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
    }
    if (patterns) {
        if (auto e = read_patterns(*patterns, ctx, *cs)) return *e;
    }
    const Catalog& cat = builtin_catalog();
    std::vector<const DetectorSpec*> specs;
    std::vector<std::string> known;
    for (const DetectorSpec& d : cat.detectors) known.push_back(d.id);
    for (const std::string& id : cs->detectors) {
        const DetectorSpec* d = cat.find(id);
        if (!d) {
            std::string hint = did_you_mean(id, known);
            return spec_error(ctx, *spec.find("detectors"), "unknown detector '" + id + "'" +
                                                                (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        // Listed twice, scanned once (its own scan and the shared pass then agree).
        if (std::find(specs.begin(), specs.end(), d) == specs.end()) specs.push_back(d);
    }
    for (const DetectorSpec& d : cs->user) specs.push_back(&d);
    if (specs.empty()) return spec_error(ctx, spec, "content matcher needs 'detectors' or 'patterns'");
    auto scanner = ContentScanner::build(std::move(specs));
    if (!scanner.ok()) return spec_error(ctx, spec, scanner.error().message);
    return std::shared_ptr<const Matcher>(std::make_shared<ContentMatcher>(std::move(cs), std::move(scanner.value())));
}

}  // namespace ccscan::rules::content
