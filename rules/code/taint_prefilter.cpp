#include "rules/code/taint_prefilter.h"

#include <algorithm>

#include "analyzers/code/languages.h"
#include "analyzers/text.h"

namespace ccscan::rules::code {

namespace {

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The longest run of identifier characters, lower case ("" when there is none).
std::string longest_run(std::string_view s) {
    std::string_view best;
    for (std::size_t i = 0; i < s.size();) {
        if (!ident_char(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && ident_char(s[j])) ++j;
        if (j - i > best.size()) best = s.substr(i, j - i);
        i = j;
    }
    return analyzers::lower(best);
}

Literal needle(std::string_view s) { return make_literal(LiteralMode::icase_dollar, s); }

}  // namespace

TaintPrefilter::TaintPrefilter(const TaintSpec& spec) {
    for (const std::string& name : spec.source_names) {
        std::vector<std::string> words = identifier_words(name);
        if (words.empty()) m_open = true;
        else
            m_sources.push_back(needle(words.front()));
    }
    for (const std::string& w : spec.source_whole) m_sources.push_back(needle(w));
    for (const std::string& p : spec.source_paths) {
        std::string run = longest_run(p);
        if (run.empty()) m_open = true;
        else
            m_sources.push_back(needle(run));
    }
    std::vector<std::string> langs;
    for (const auto& l : analyzers::code::code_languages()) langs.emplace_back(l.id);
    for (const std::string& lang : langs) {
        const std::vector<std::string> sinks = sinks_for(spec, lang);
        std::vector<Literal>& out = m_sinks[lang];
        for (const std::string& s : sinks) out.push_back(needle(longest_run(s)));
    }
}

bool TaintPrefilter::may_match(std::string_view bytes, std::string_view lang) const { return may_match(DirectFinder(bytes), lang); }

bool TaintPrefilter::may_match(const LiteralFinder& file, std::string_view lang) const {
    auto it = m_sinks.find(lang);
    if (it == m_sinks.end() || it->second.empty()) return false;  // no sink in this language: nothing to report
    auto holds_any = [&](const std::vector<Literal>& literals) {
        return std::any_of(literals.begin(), literals.end(), [&](const Literal& l) { return file.holds(l); });
    };
    if (!m_open && !holds_any(m_sources)) return false;
    return holds_any(it->second);
}

void TaintPrefilter::literals(std::vector<Literal>& out) const {
    out.insert(out.end(), m_sources.begin(), m_sources.end());
    for (const auto& [lang, sinks] : m_sinks) out.insert(out.end(), sinks.begin(), sinks.end());
}

}  // namespace ccscan::rules::code
