#include "rules/code/query_prefilter.h"

#include <algorithm>

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include "rules/code/lazy_query.h"

namespace ccscan::rules::code {

namespace {

// Whether `regex` has atoms without which it cannot match (FilteredRE2 lets a regex it cannot
// reduce to atoms, such as "^[^{}]{8,}$", through with no atom at all).
bool has_atoms(const std::string& regex) {
    re2::FilteredRE2 f;
    int id = 0;
    if (f.Add(regex, RE2::Quiet, &id) != RE2::NoError) return false;
    std::vector<std::string> atoms;
    f.Compile(&atoms);
    std::vector<int> potential;
    f.AllPotentials({}, &potential);
    // Atoms are matched against the file lower-cased byte by byte: only ASCII ones are safe.
    for (const std::string& a : atoms) {
        if (std::any_of(a.begin(), a.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) return false;
    }
    return !atoms.empty() && potential.empty();
}

}  // namespace

std::optional<QueryPrefilter> QueryPrefilter::from_text(std::string_view query_text) {
    std::vector<PatternNeeds> patterns = pattern_needs_of_text(query_text);
    if (patterns.empty()) return std::nullopt;
    QueryPrefilter out;
    auto filter = std::make_shared<re2::FilteredRE2>();
    int regexes = 0;
    for (const PatternNeeds& p : patterns) {
        if (!p.literals.empty()) {
            for (const std::string& l : p.literals) out.m_literals.push_back(make_literal(LiteralMode::exact, l));
            continue;
        }
        auto usable = std::find_if(p.regexes.begin(), p.regexes.end(), has_atoms);
        if (usable == p.regexes.end()) return std::nullopt;
        int id = 0;
        if (filter->Add(*usable, RE2::Quiet, &id) != RE2::NoError) return std::nullopt;
        ++regexes;
    }
    if (regexes > 0) {
        std::vector<std::string> atoms;
        filter->Compile(&atoms);
        for (const std::string& a : atoms) out.m_atoms.push_back(make_literal(LiteralMode::icase, a));
        out.m_filter = std::move(filter);
    }
    return out;
}

bool QueryPrefilter::may_match(std::string_view bytes) const { return may_match(DirectFinder(bytes)); }

bool QueryPrefilter::may_match(const LiteralFinder& file) const {
    for (const Literal& l : m_literals) {
        if (file.holds(l)) return true;
    }
    if (!m_filter) return false;
    std::vector<int> found;
    for (std::size_t i = 0; i < m_atoms.size(); ++i) {
        if (file.holds(m_atoms[i])) found.push_back(static_cast<int>(i));
    }
    std::vector<int> potential;
    m_filter->AllPotentials(found, &potential);
    return !potential.empty();
}

void QueryPrefilter::literals(std::vector<Literal>& out) const {
    out.insert(out.end(), m_literals.begin(), m_literals.end());
    out.insert(out.end(), m_atoms.begin(), m_atoms.end());
}

}  // namespace ccscan::rules::code
