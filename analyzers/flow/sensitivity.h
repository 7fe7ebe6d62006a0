// Sensitivity inference for IVR flows: which class of personal or card data (pan, cvv, expiry,
// pin, ssn, bank_account, dob, phone, email) a prompt, variable name or input collects.
// Phrases listed under `not_sensitive:` (an order number, a ZIP code, an extension, a loyalty
// card number) are taken out of a text before the classes are matched, and an input they name
// is never classified by its digit count alone.
//
// The words live in YAML (rules/data/sensitive-words.yaml, embedded into the binary at build
// time) so users extend them (policy `sensitive_words: ["pan:cardnum"]`). Matching is on word
// boundaries after lower-casing (ASCII and Latin-1 letters) and splitting identifiers:
// `cardNumber`, `card_number` and "Card Number" all read as "card number".
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/flow_graph.h"

namespace ccscan::analyzers {

class SensitivityLexicon {
public:
    // Parses `classes: {CLASS: {LANG: [words]}}`. Unknown classes are errors.
    static Result<SensitivityLexicon> from_yaml(std::string_view text, const std::string& path);
    // The built-in list (rules/data/sensitive-words.yaml as embedded at build time).
    static const SensitivityLexicon& builtin();
    // Built-in words plus user extras "class:word"; malformed extras become notes.
    static SensitivityLexicon with_extras(const std::vector<std::string>& extras, std::vector<Diagnostic>& notes);

    void add(Sensitivity cls, std::string_view word);
    // Prompt text, SSML, labels: the highest-priority class whose word occurs.
    Sensitivity classify_text(std::string_view text) const;
    // Identifiers (variables, slots, attribute keys): split camelCase/snake_case first.
    Sensitivity classify_name(std::string_view name) const;
    // True when a text or identifier names data that is explicitly not sensitive
    // (`not_sensitive:` phrases): digit-count heuristics must not override it.
    bool names_other_data(std::string_view text) const;
    std::size_t size() const { return m_words.size(); }

private:
    // (class, normalized word " w1 w2 "), kept in priority order of the classes.
    std::vector<std::pair<Sensitivity, std::string>> m_words;
    std::vector<Sensitivity> m_order;  // class priority (first listed wins)
    // First token of each word -> indices into m_words: a text is matched token by token
    // instead of searching it once per word (same result: words match at token boundaries).
    std::map<std::string, std::vector<std::uint32_t>, std::less<>> m_by_first_token;
    std::vector<std::string> m_other;  // normalized not-sensitive phrases, longest first
    // First token of each m_other phrase -> its indices (names_other_data, as m_by_first_token).
    std::map<std::string, std::vector<std::uint32_t>, std::less<>> m_other_by_first_token;
    bool holds_other(const std::string& norm) const;
    std::string masked(std::string norm) const;
};

// " card number " form: lower-cased, every run of non-letters/digits one space, padded.
std::string normalize_words(std::string_view text);
// Splits identifiers: "cardNumber2" -> "card Number 2", then normalize_words.
std::string normalize_identifier(std::string_view name);

// Digit-count heuristics for inputs with no words: 13-19 digits is a card number; 3-4 digits
// collected after a card number on the same path is a security code.
Sensitivity sensitivity_from_digits(int max_digits, bool after_card);

// Post-pass for adapters: fills `sensitivity` of collect_input nodes that have none from
// `input.max_digits` (cvv when a pan input precedes them in the graph), except
// nodes whose id, label or prompt names other data (SensitivityLexicon::names_other_data).
void refine_sensitivity_by_digits(FlowGraph& graph);

}  // namespace ccscan::analyzers
