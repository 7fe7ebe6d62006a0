#include "analyzers/flow/sensitivity.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <deque>

#include "analyzers/yaml_parser.h"

namespace ccscan::embedded {
extern const char k_sensitive_words_yaml[];
extern const std::size_t k_sensitive_words_yaml_size;
}  // namespace ccscan::embedded

namespace ccscan::analyzers {

namespace {

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string normalize_words(std::string_view text) {
    std::string out = " ";
    out.reserve(text.size() + 2);
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            // Latin-1 capitals (U+00C0..U+00DE, except U+00D7) to lower case.
            unsigned char n = static_cast<unsigned char>(text[i + 1]);
            if (n >= 0x80 && n <= 0x9E && n != 0x97) n = static_cast<unsigned char>(n + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(n);
            ++i;
        } else if (is_word_byte(c)) {
            out += static_cast<char>(std::tolower(c));
        } else if (out.back() != ' ') {
            out += ' ';
        }
    }
    if (out.back() != ' ') out += ' ';
    return out;
}

std::string normalize_identifier(std::string_view name) {
    std::string split;
    split.reserve(name.size() + name.size() / 2);
    for (std::size_t i = 0; i < name.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (i > 0) {
            unsigned char p = static_cast<unsigned char>(name[i - 1]);
            bool lower_to_upper = std::islower(p) && std::isupper(c);
            bool alpha_digit = std::isalpha(p) != 0 && std::isdigit(c) != 0;
            bool digit_alpha = std::isdigit(p) != 0 && std::isalpha(c) != 0;
            // "CCNumber": split before the last capital of a run followed by a lower-case letter.
            bool acronym_end = std::isupper(p) && std::isupper(c) && i + 1 < name.size() &&
                               std::islower(static_cast<unsigned char>(name[i + 1]));
            if (lower_to_upper || alpha_digit || digit_alpha || acronym_end) split += ' ';
        }
        split += static_cast<char>(c);
    }
    return normalize_words(split);
}

Result<SensitivityLexicon> SensitivityLexicon::from_yaml(std::string_view text, const std::string& path) {
    auto doc = parse_yaml(text, path, ParseLimits{});
    if (!doc.ok()) return doc.error();
    const Node* classes = doc->root.find("classes");
    if (!classes || classes->kind != NodeKind::object) {
        return make_diagnostic("lexicon-error", path, doc->root.span.start, "expected a 'classes:' mapping");
    }
    SensitivityLexicon lex;
    for (const Node& cls : classes->children) {
        Sensitivity s = Sensitivity::none;
        if (!parse_sensitivity(cls.key, s) || s == Sensitivity::none) {
            return make_diagnostic("lexicon-error", path, cls.key_span.start, "unknown sensitivity class '" + cls.key + "'");
        }
        lex.m_order.push_back(s);
        for (const Node& lang : cls.children) {
            if (lang.kind == NodeKind::scalar) {
                lex.add(s, lang.value);
                continue;
            }
            for (const Node& w : lang.children) lex.add(s, w.value);
        }
    }
    if (const Node* other = doc->root.find("not_sensitive")) {
        for (const Node& lang : other->children) {
            if (lang.kind == NodeKind::scalar) lex.m_other.push_back(normalize_words(lang.value));
            for (const Node& w : lang.children) lex.m_other.push_back(normalize_words(w.value));
        }
        std::erase_if(lex.m_other, [](const std::string& w) { return w.size() <= 2; });
        // Longest first, so "loyalty card number" is taken out before "loyalty card".
        std::stable_sort(lex.m_other.begin(), lex.m_other.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
        for (std::size_t i = 0; i < lex.m_other.size(); ++i) {
            const std::string& p = lex.m_other[i];
            lex.m_other_by_first_token[p.substr(1, p.find(' ', 1) - 1)].push_back(static_cast<std::uint32_t>(i));
        }
    }
    return lex;
}

const SensitivityLexicon& SensitivityLexicon::builtin() {
    static const SensitivityLexicon k_lexicon = [] {
        std::string_view text(embedded::k_sensitive_words_yaml, embedded::k_sensitive_words_yaml_size);
        auto lex = from_yaml(text, "rules/data/sensitive-words.yaml");
        // The embedded file is tested in tests/analyzers/flow/sensitivity_test.cpp; an invalid
        // one is a build defect, so an empty lexicon is only a last resort.
        return lex.ok() ? std::move(lex.value()) : SensitivityLexicon{};
    }();
    return k_lexicon;
}

SensitivityLexicon SensitivityLexicon::with_extras(const std::vector<std::string>& extras, std::vector<Diagnostic>& notes) {
    SensitivityLexicon lex = builtin();
    for (const std::string& e : extras) {
        auto colon = e.find(':');
        Sensitivity s = Sensitivity::none;
        if (colon == std::string::npos || !parse_sensitivity(e.substr(0, colon), s) || s == Sensitivity::none ||
            colon + 1 >= e.size()) {
            notes.push_back(make_diagnostic("sensitive-word", "", {}, "ignored sensitive word '" + e +
                                                                          "': expected CLASS:word with CLASS one of pan, cvv, expiry, pin, ssn, bank_account, dob, phone, email"));
            continue;
        }
        lex.add(s, e.substr(colon + 1));
    }
    return lex;
}

void SensitivityLexicon::add(Sensitivity cls, std::string_view word) {
    std::string norm = normalize_words(word);
    if (norm.size() <= 2) return;
    if (std::find(m_order.begin(), m_order.end(), cls) == m_order.end()) m_order.push_back(cls);
    const std::size_t first_end = norm.find(' ', 1);
    m_by_first_token[norm.substr(1, first_end - 1)].push_back(static_cast<std::uint32_t>(m_words.size()));
    m_words.emplace_back(cls, std::move(norm));
}

std::string SensitivityLexicon::masked(std::string norm) const {
    // Most texts hold no such phrase: one token-indexed look-up instead of a search per phrase.
    if (m_other.empty() || !holds_other(norm)) return norm;
    for (const std::string& phrase : m_other) {
        for (std::size_t at = norm.find(phrase); at != std::string::npos; at = norm.find(phrase, at + 1)) {
            // Keep the padding spaces so neighbouring words stay on word boundaries.
            norm.replace(at, phrase.size(), std::string(phrase.size(), ' '));
        }
    }
    return norm;
}

// Whether a normalized text (" t1 t2 ") holds a not-sensitive phrase (" p1 p2 "). Both are single
// spaces between tokens, so a phrase can only start at a space: looking up each token of the text
// finds exactly what searching the text once per phrase finds (a 5,000-action flow asks this
// thousands of times, of a list of hundreds of phrases).
bool SensitivityLexicon::holds_other(const std::string& norm) const {
    for (std::size_t p = 0; p + 1 < norm.size();) {
        const std::size_t e = norm.find(' ', p + 1);
        if (e == std::string::npos) break;
        auto it = m_other_by_first_token.find(std::string_view(norm).substr(p + 1, e - p - 1));
        if (it != m_other_by_first_token.end()) {
            for (std::uint32_t i : it->second) {
                if (norm.compare(p, m_other[i].size(), m_other[i]) == 0) return true;
            }
        }
        p = e;
    }
    return false;
}

bool SensitivityLexicon::names_other_data(std::string_view text) const {
    if (m_other.empty() || text.empty()) return false;
    const std::string words = normalize_words(text);
    if (holds_other(words)) return true;
    // Prose (a prompt) usually splits no further as an identifier: the same text needs no second look.
    const std::string split = normalize_identifier(text);
    return split != words && holds_other(split);
}

Sensitivity SensitivityLexicon::classify_text(std::string_view text) const {
    // " t1 t2 ... "; masked phrases are spaces, so empty tokens occur and match nothing.
    const std::string norm = masked(normalize_words(text));
    Sensitivity best = Sensitivity::none;
    std::size_t best_rank = m_order.size();
    for (std::size_t p = 0; p + 1 < norm.size();) {
        const std::size_t e = norm.find(' ', p + 1);
        auto it = m_by_first_token.find(std::string_view(norm).substr(p + 1, e - p - 1));
        if (it != m_by_first_token.end()) {
            for (std::uint32_t i : it->second) {
                const auto& [cls, word] = m_words[i];
                if (norm.compare(p, word.size(), word) != 0) continue;
                std::size_t rank = static_cast<std::size_t>(std::find(m_order.begin(), m_order.end(), cls) - m_order.begin());
                if (rank < best_rank) {
                    best_rank = rank;
                    best = cls;
                }
            }
        }
        p = e;
    }
    return best;
}

Sensitivity SensitivityLexicon::classify_name(std::string_view name) const {
    Sensitivity s = classify_text(normalize_identifier(name));
    if (s != Sensitivity::none) return s;
    // "ccnum", "cardnumber": identifiers written as one lower-case word.
    return classify_text(name);
}

Sensitivity sensitivity_from_digits(int max_digits, bool after_card) {
    if (max_digits >= 13 && max_digits <= 19) return Sensitivity::pan;
    if (after_card && (max_digits == 3 || max_digits == 4)) return Sensitivity::cvv;
    return Sensitivity::none;
}

void refine_sensitivity_by_digits(FlowGraph& graph) {
    std::vector<bool> after_card(graph.nodes.size(), false);
    std::vector<std::vector<std::uint32_t>> succ(graph.nodes.size());
    for (const FlowEdge& e : graph.edges) {
        if (e.from < succ.size() && e.to < succ.size()) succ[e.from].push_back(e.to);
    }
    auto digits = [](const FlowNode& n) { return n.input.max_digits; };
    const SensitivityLexicon& lex = SensitivityLexicon::builtin();
    auto names_other = [&](const FlowNode& n) {
        if (lex.names_other_data(n.id) || lex.names_other_data(n.label)) return true;
        if (!n.prompt_text.empty() && lex.names_other_data(n.prompt_text)) return true;
        return std::any_of(n.writes.begin(), n.writes.end(), [&](const std::string& w) { return lex.names_other_data(w); });
    };
    std::vector<bool> other(graph.nodes.size(), false);
    for (std::uint32_t i = 0; i < graph.nodes.size(); ++i) {
        FlowNode& n = graph.nodes[i];
        if (n.kind != FlowKind::collect_input) continue;
        // A phone number has at most 15 digits (E.164): a 16-digit entry whose prompt mentions
        // the phone ("using your telephone keypad") is not one.
        bool phone_too_long = n.input.sensitivity == Sensitivity::phone && digits(n) > 15;
        if (n.input.sensitivity != Sensitivity::none && !phone_too_long) continue;
        other[i] = names_other(n);
        n.input.sensitivity = other[i] ? Sensitivity::none : sensitivity_from_digits(digits(n), false);
    }
    // Nodes reachable from a card-number input (not through it again).
    std::deque<std::uint32_t> work;
    for (std::uint32_t i = 0; i < graph.nodes.size(); ++i) {
        if (graph.nodes[i].input.sensitivity == Sensitivity::pan) work.push_back(i);
    }
    while (!work.empty()) {
        std::uint32_t n = work.front();
        work.pop_front();
        for (std::uint32_t s : succ[n]) {
            if (after_card[s]) continue;
            after_card[s] = true;
            work.push_back(s);
        }
    }
    for (std::uint32_t i = 0; i < graph.nodes.size(); ++i) {
        FlowNode& n = graph.nodes[i];
        if (n.kind == FlowKind::collect_input && n.input.sensitivity == Sensitivity::none && after_card[i] && !other[i]) {
            n.input.sensitivity = sensitivity_from_digits(digits(n), true);
        }
    }
}

}  // namespace ccscan::analyzers
