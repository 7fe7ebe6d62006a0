#include "rules/literals.h"

#include <algorithm>

#include <re2/re2.h>
#include <re2/set.h>

#include "analyzers/text.h"

namespace ccscan::rules {

namespace {

// The pattern of one literal, for an RE2 in Latin-1 (byte) mode: letters as [xX], every other
// byte quoted, and for icase_dollar any run of '$' allowed between two bytes.
std::string pattern_of(const Literal& l) {
    std::string out;
    for (std::size_t i = 0; i < l.text.size(); ++i) {
        const char c = l.text[i];
        if (i > 0 && l.mode == LiteralMode::icase_dollar) out += "\\$*";
        if (l.mode != LiteralMode::exact && c >= 'a' && c <= 'z') {
            out += '[';
            out += c;
            out += static_cast<char>(c - 'a' + 'A');
            out += ']';
        } else {
            out += RE2::QuoteMeta(std::string_view(&l.text[i], 1));
        }
    }
    return out;
}

}  // namespace

Literal make_literal(LiteralMode mode, std::string_view text) {
    if (mode == LiteralMode::exact) return {mode, std::string(text)};
    if (mode == LiteralMode::icase_dollar && text.find('$') != std::string_view::npos) mode = LiteralMode::icase;
    return {mode, analyzers::lower(text)};
}

bool DirectFinder::holds(const Literal& l) const {
    if (l.text.empty()) return true;
    if (l.mode == LiteralMode::exact) return m_bytes.find(l.text) != std::string_view::npos;
    if (!m_lower) m_lower = analyzers::lower(m_bytes);
    if (m_lower->find(l.text) != std::string::npos) return true;
    if (l.mode != LiteralMode::icase_dollar || m_lower->find('$') == std::string::npos) return false;
    if (!m_stripped) {
        m_stripped.emplace();
        m_stripped->reserve(m_lower->size());
        for (char c : *m_lower) {
            if (c != '$') *m_stripped += c;
        }
    }
    return m_stripped->find(l.text) != std::string::npos;
}

struct LiteralIndex::Impl {
    std::map<Literal, std::size_t> ids;
    std::unique_ptr<RE2::Set> set;
};

LiteralIndex::~LiteralIndex() = default;

std::shared_ptr<const LiteralIndex> LiteralIndex::build(std::vector<Literal> literals) {
    std::sort(literals.begin(), literals.end());
    literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
    std::erase_if(literals, [](const Literal& l) { return l.text.empty(); });
    if (literals.empty()) return nullptr;
    std::shared_ptr<LiteralIndex> index(new LiteralIndex());
    index->m_impl = std::make_unique<Impl>();
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_encoding(RE2::Options::EncodingLatin1);
    opts.set_max_mem(64 << 20);
    index->m_impl->set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    for (const Literal& l : literals) {
        if (index->m_impl->set->Add(pattern_of(l), nullptr) < 0) return nullptr;
        index->m_impl->ids.emplace(l, index->m_impl->ids.size());
    }
    if (!index->m_impl->set->Compile()) return nullptr;
    return index;
}

std::optional<std::vector<bool>> LiteralIndex::scan(std::string_view bytes) const {
    std::vector<int> hits;
    RE2::Set::ErrorInfo error{};
    if (!m_impl->set->Match(bytes, &hits, &error) && error.kind != RE2::Set::kNoError) return std::nullopt;
    std::vector<bool> held(m_impl->ids.size(), false);
    for (int h : hits) held[static_cast<std::size_t>(h)] = true;
    return held;
}

std::optional<std::size_t> LiteralIndex::id(const Literal& l) const {
    auto it = m_impl->ids.find(l);
    if (it == m_impl->ids.end()) return std::nullopt;
    return it->second;
}

bool IndexedFinder::holds(const Literal& l) const {
    if (l.text.empty()) return true;
    if (!m_index) return m_direct.holds(l);
    if (!m_scanned) {
        m_scanned = true;
        m_held = m_index->scan(m_direct.bytes());
    }
    auto id = m_index->id(l);
    if (!m_held || !id) return m_direct.holds(l);
    return (*m_held)[*id];
}

}  // namespace ccscan::rules
