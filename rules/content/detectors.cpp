#include "rules/content/detectors.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <mutex>

#include "analyzers/text.h"
#include "analyzers/yaml_parser.h"
#include "rules/content/validators.h"
#include "rules/pack_support.h"
#include "rules/redact.h"
#include "rules/yaml_snapshots.h"

namespace ccscan::embedded {
extern const char k_detectors_yaml[];
extern const std::size_t k_detectors_yaml_size;
}  // namespace ccscan::embedded

namespace ccscan::rules::content {

using analyzers::Diagnostic;
using analyzers::Node;

namespace {

Diagnostic catalog_error(const std::string& path, const Node& n, std::string msg) {
    return analyzers::make_diagnostic("detector-catalog", path, n.span.start, std::move(msg));
}

std::vector<std::string> scalars(const Node* n) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n->kind == analyzers::NodeKind::scalar) {
        out.push_back(n->value);
        return out;
    }
    for (const Node& c : n->children) out.push_back(c.value);
    return out;
}

// "unknown validator 'luhn' in detector x (did you mean 'luhn_pan'?); one of luhn_pan, ..."
std::string unknown_name(std::string_view what, std::string_view name, const std::string& detector, const std::vector<std::string>& known) {
    std::string msg = "unknown " + std::string(what) + " '" + std::string(name) + "' in detector " + detector;
    std::string hint = did_you_mean(name, known);
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    msg += "; one of";
    for (std::size_t i = 0; i < known.size(); ++i) msg += (i ? ", " : " ") + known[i];
    return msg;
}

analyzers::Result<DetectorSpec> parse_detector(const Node& n, const std::string& path) {
    DetectorSpec d;
    d.id = std::string(n.get("id"));
    d.description = std::string(n.get("description"));
    d.regex = std::string(n.get("regex"));
    if (d.id.empty() || d.regex.empty()) return catalog_error(path, n, "detector needs 'id' and 'regex'");
    if (const Node* v = n.find("validator"); v && !v->value.empty()) {
        d.validator = find_validator(v->value);
        if (!d.validator) return catalog_error(path, *v, unknown_name("validator", v->value, d.id, validator_names()));
    }
    if (const Node* m = n.find("mask"); m && !m->value.empty()) {
        d.mask = find_mask(m->value);
        if (!d.mask) return catalog_error(path, *m, unknown_name("mask", m->value, d.id, mask_names()));
    }
    d.context = scalars(n.find("context"));
    for (std::string& w : d.context) w = analyzers::lower(w);  // compared with the text lowered
    d.context_required = n.get("context_required") == "true";
    for (const std::string& p : scalars(n.find("ignore"))) {
        auto re = std::make_shared<const RE2>(p, RE2::Quiet);
        if (!re->ok()) return catalog_error(path, *n.find("ignore"), "bad ignore pattern in detector " + d.id + ": " + re->error());
        d.ignore.push_back(std::move(re));
    }
    return d;
}

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// In a URL-encoded query (`?q=card%3D4929...`) the escape before a value is punctuation, not
// part of a longer run of letters and digits.
bool after_percent_escape(std::string_view text, std::size_t b) {
    return b >= 3 && text[b - 3] == '%' && is_hex(text[b - 2]) && is_hex(text[b - 1]);
}

std::string lowered_context(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t line_start = text.rfind('\n', begin == 0 ? 0 : begin - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start;
    // Include the previous line: `# customer SSN` above the value counts.
    if (line_start > 0) {
        std::size_t prev = text.rfind('\n', line_start - 1);
        line_start = prev == std::string_view::npos ? 0 : prev;
    }
    std::size_t line_end = text.find('\n', end);
    if (line_end == std::string_view::npos) line_end = text.size();
    return analyzers::lower(text.substr(line_start, line_end - line_start));
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// True when `word` occurs anywhere in `text` with ASCII letters compared as lower case (what
// has_context_word sees on any part of the text, lowered). The search steps on the word's
// rarest-looking character so that a memchr skips most of the text.
bool mentions(std::string_view text, std::string_view word) {
    if (word.empty() || word.size() > text.size()) return word.empty();
    static constexpr std::string_view k_rare_first = "_ -zqxjkvbpygfwmucldhrsnioate";
    std::size_t k = 0;
    for (std::size_t best = std::string_view::npos, j = 0; j < word.size(); ++j) {
        std::size_t rank = k_rare_first.find(word[j]);
        if (rank < best) best = rank, k = j;
    }
    const char lo = word[k];
    const char up = lo >= 'a' && lo <= 'z' ? static_cast<char>(lo - 'a' + 'A') : lo;
    auto here = [&](std::size_t at) {  // `at`: where text holds word[k]
        if (at < k || at - k + word.size() > text.size()) return false;
        const std::size_t from = at - k;
        for (std::size_t j = 0; j < word.size(); ++j) {
            if (ascii_lower(text[from + j]) != word[j]) return false;
        }
        return true;
    };
    auto search = [&](char c) {
        for (std::size_t at = text.find(c); at != std::string_view::npos; at = text.find(c, at + 1)) {
            if (here(at)) return true;
        }
        return false;
    };
    return search(lo) || (up != lo && search(up));
}

}  // namespace

const DetectorSpec* Catalog::find(std::string_view id) const {
    for (const DetectorSpec& d : detectors) {
        if (d.id == id) return &d;
    }
    return nullptr;
}

analyzers::Result<Catalog> parse_catalog(std::string_view yaml, const std::string& path) {
    auto doc = parse_rules_yaml(yaml, path);
    if (!doc.ok()) return doc.error();
    const Node& root = doc->root;
    const Node* list = root.find("detectors");
    if (!list || list->kind != analyzers::NodeKind::array) return catalog_error(path, root, "catalogue needs a 'detectors' list");
    Catalog cat;
    for (const Node& n : list->children) {
        auto d = parse_detector(n, path);
        if (!d.ok()) return d.error();
        if (cat.find(d->id)) return catalog_error(path, n, "duplicate detector id '" + d->id + "'");
        cat.detectors.push_back(std::move(d.value()));
    }
    for (const std::string& c : scalars(root.find("test_cards"))) cat.test_cards.insert(digits_only(c));
    cat.test_paths = scalars(root.find("test_paths"));
    return cat;
}

const Catalog& builtin_catalog() {
    static const Catalog k_catalog = [] {
        auto c = parse_catalog(std::string_view(embedded::k_detectors_yaml, embedded::k_detectors_yaml_size),
                               "rules/data/detectors.yaml");
        assert(c.ok() && "built-in detector catalogue must parse");
        return c.ok() ? std::move(c.value()) : Catalog{};
    }();
    return k_catalog;
}

bool has_context_word(std::string_view lowered, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
        for (std::size_t at = lowered.find(w); at != std::string_view::npos; at = lowered.find(w, at + 1)) {
            if (at == 0 || !(lowered[at - 1] >= 'a' && lowered[at - 1] <= 'z')) return true;
        }
    }
    return false;
}

namespace {

RE2::Options scanner_options() {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_encoding(RE2::Options::EncodingLatin1);  // ASCII semantics, any bytes
    return opts;
}

// One compiled RE2 per pattern for the whole process: the per-rule scanners, the unions of
// them and the text redactor all hold the same detectors. RE2 is thread-safe once built.
std::shared_ptr<const RE2> compiled(const std::string& regex) {
    static std::mutex k_mutex;
    static std::map<std::string, std::weak_ptr<const RE2>, std::less<>> k_cache;
    std::lock_guard<std::mutex> lock(k_mutex);
    std::weak_ptr<const RE2>& slot = k_cache[regex];
    if (auto re = slot.lock()) return re;
    auto re = std::make_shared<const RE2>(regex, scanner_options());
    slot = re;
    return re;
}

}  // namespace

analyzers::Result<std::shared_ptr<const ContentScanner>> ContentScanner::build(std::vector<const DetectorSpec*> specs) {
    std::shared_ptr<ContentScanner> s(new ContentScanner());
    for (const DetectorSpec* d : specs) {
        auto re = compiled(d->regex);
        if (!re->ok())
            return analyzers::make_diagnostic("content-regex", "", {}, "pattern '" + d->id + "' does not compile: " + re->error());
        s->m_res.push_back(std::move(re));
        s->m_specs.push_back(d);
    }
    return std::shared_ptr<const ContentScanner>(std::move(s));
}

const RE2::Set* ContentScanner::set_for(std::string_view text) const {
    // Below these, each pattern's own search is cheaper than compiling the set first.
    constexpr std::size_t k_small_text = 16 * 1024, k_small_scans = 32;
    if (m_specs.size() == 1) return nullptr;  // the pattern's own search is the one pass
    if (!m_set_ready.load(std::memory_order_acquire)) {
        if (text.size() <= k_small_text && m_small_scans.fetch_add(1, std::memory_order_relaxed) < k_small_scans) return nullptr;
        std::call_once(m_set_once, [this] {
            auto set = std::make_unique<RE2::Set>(scanner_options(), RE2::UNANCHORED);
            bool ok = true;
            for (const DetectorSpec* d : m_specs) ok = ok && set->Add(d->regex, nullptr) >= 0;
            if (ok && set->Compile()) m_set = std::move(set);
            m_set_ready.store(true, std::memory_order_release);
        });
    }
    return m_set.get();
}

std::shared_ptr<const ContentScanner> ContentScanner::union_of(const std::vector<const ContentScanner*>& parts) {
    struct Entry {
        std::vector<std::weak_ptr<const ContentScanner>> alive;  // the parts this union was built from
        std::shared_ptr<const ContentScanner> scanner;
    };
    static std::mutex k_mutex;
    static std::map<std::vector<const ContentScanner*>, Entry> k_unions;
    std::vector<const ContentScanner*> key = parts;
    std::sort(key.begin(), key.end());
    key.erase(std::unique(key.begin(), key.end()), key.end());
    auto is_alive = [](const Entry& e) {
        return std::none_of(e.alive.begin(), e.alive.end(), [](const auto& w) { return w.expired(); });
    };
    std::lock_guard<std::mutex> lock(k_mutex);
    // An address can come back for a new scanner once the old one is gone: an entry counts only
    // while every part it was built from is alive.
    auto it = k_unions.find(key);
    if (it != k_unions.end() && is_alive(it->second)) return it->second.scanner;
    std::erase_if(k_unions, [&](const auto& kv) { return !is_alive(kv.second); });
    Entry e;
    std::vector<const DetectorSpec*> specs;
    for (const ContentScanner* part : key) {
        e.alive.push_back(part->weak_from_this());
        for (const DetectorSpec* d : part->m_specs) {
            if (std::find(specs.begin(), specs.end(), d) == specs.end()) specs.push_back(d);
        }
    }
    auto built = build(std::move(specs));
    if (built.ok()) e.scanner = std::move(built.value());
    return k_unions.insert_or_assign(std::move(key), std::move(e)).first->second.scanner;
}

std::size_t ContentScanner::index_of(const DetectorSpec* d) const {
    auto it = std::find(m_specs.begin(), m_specs.end(), d);
    return it == m_specs.end() ? std::string::npos : static_cast<std::size_t>(it - m_specs.begin());
}

bool ContentScanner::any(std::string_view text) const {
    if (m_specs.empty()) return false;
    if (const RE2::Set* set = set_for(text)) {
        RE2::Set::ErrorInfo error{};
        if (set->Match(text, nullptr, &error)) return true;
        if (error.kind == RE2::Set::kNoError) return false;  // else its DFA ran out of memory
    }
    return std::any_of(m_res.begin(), m_res.end(), [&](const auto& re) { return RE2::PartialMatch(text, *re); });
}

void ContentScanner::scan_one(std::size_t index, std::string_view text, const std::set<std::string, std::less<>>& test_cards,
                              std::string_view hash_key, std::vector<Detection>& out) const {
    const DetectorSpec& d = *m_specs[index];
    // A detector that needs a context word finds nothing in a text that has none of its words:
    // its candidates (frequent: 9-digit runs, 40-character tokens) are not even looked at.
    if (d.context_required && std::none_of(d.context.begin(), d.context.end(), [&](const std::string& w) { return mentions(text, w); }))
        return;
    const RE2& re = *m_res[index];
    const int ngroups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(ngroups) + 1);
    std::size_t pos = 0;
    while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), ngroups + 1)) {
        std::string_view whole(groups[0].data(), groups[0].size());
        std::string_view value = whole;
        for (int g = 1; g <= ngroups; ++g) {
            if (groups[static_cast<std::size_t>(g)].data()) {
                value = std::string_view(groups[static_cast<std::size_t>(g)].data(), groups[static_cast<std::size_t>(g)].size());
                break;
            }
        }
        pos = static_cast<std::size_t>(whole.data() - text.data()) + std::max<std::size_t>(whole.size(), 1);
        std::size_t b = static_cast<std::size_t>(value.data() - text.data()), e = b + value.size();
        // Never inside a longer run of letters/digits (a PAN inside a 24-digit id is no PAN).
        if ((b > 0 && is_alnum(text[b - 1]) && is_alnum(text[b]) && !after_percent_escape(text, b)) ||
            (e < text.size() && is_alnum(text[e]) && is_alnum(text[e - 1])))
            continue;
        if (!d.validator->accepts(value)) continue;
        bool ignored = false;
        for (const auto& ig : d.ignore) ignored = ignored || RE2::PartialMatch(value, *ig);
        if (ignored) continue;
        Detection det;
        det.detector = &d;
        det.begin = b;
        det.end = e;
        det.context = !d.context.empty() && has_context_word(lowered_context(text, b, e), d.context);
        if (d.context_required && !det.context) continue;
        std::string norm = d.mask->normalize(value);
        if (d.validator->card) {
            det.brand = card_brand(norm);
            det.test_value = test_cards.count(norm) > 0;
        }
        det.evidence = d.mask->show(d.id, value, hash_key);
        det.value_hash = keyed_hash(hash_key, norm);
        out.push_back(std::move(det));
    }
}

std::vector<Detection> ContentScanner::scan(std::string_view text, const std::set<std::string, std::less<>>& test_cards,
                                            std::string_view hash_key) const {
    std::vector<Detection> out;
    if (m_specs.empty()) return out;
    if (m_specs.size() == 1) {
        scan_one(0, text, test_cards, hash_key, out);  // the pattern's own search is the one pass
    } else {
        std::vector<int> hits;
        RE2::Set::ErrorInfo error{};
        const RE2::Set* set = set_for(text);
        if (set && set->Match(text, &hits, &error)) {
            std::sort(hits.begin(), hits.end());
            for (int i : hits) scan_one(static_cast<std::size_t>(i), text, test_cards, hash_key, out);
        } else if (set && error.kind == RE2::Set::kNoError) {
            return out;  // no pattern occurs
        } else {
            // No set, or its DFA ran out of memory on this text: each pattern on its own.
            for (std::size_t i = 0; i < m_specs.size(); ++i) scan_one(i, text, test_cards, hash_key, out);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Detection& a, const Detection& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.detector->id < b.detector->id;
    });
    return out;
}

}  // namespace ccscan::rules::content
