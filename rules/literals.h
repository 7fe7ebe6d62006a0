// The literal tests of the per-file prefilters (Matcher::may_match), answered for every rule of a
// scan by one pass over a file's bytes.
//
// A prefilter asks whether a file holds a literal: exactly, ASCII case-insensitively, or also with
// '$' removed from the file (the taint walk reads identifiers without it). Searching the bytes
// once per literal and rule made the prefilters cost more than the rules they spared on real
// code (a quarter of a full scan's instructions on the npm SDK corpus). A LiteralIndex compiles
// every literal of a scan's rules into one RE2::Set; one match over a file's bytes answers all of
// them, and each rule reads its own answers from it. Both finders give the same answers (tested).
#pragma once

#include <compare>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace ccscan::rules {

enum class LiteralMode : unsigned char {
    exact,         // the bytes as they are
    icase,         // ASCII case-insensitive; the text is kept lower case
    icase_dollar,  // as icase, and also in the bytes with every '$' removed
};

struct Literal {
    LiteralMode mode = LiteralMode::exact;
    std::string text;
    auto operator<=>(const Literal&) const = default;
};

// An icase or icase_dollar literal in its canonical form (ASCII lower case; icase_dollar with a '$'
// of its own is icase, since '$'-free bytes cannot hold it).
Literal make_literal(LiteralMode mode, std::string_view text);

class LiteralFinder {
public:
    virtual ~LiteralFinder() = default;
    // The file's bytes, for prefilters that are not literal tests.
    virtual std::string_view bytes() const = 0;
    // Whether the file holds `l` (a literal from make_literal; an empty one is always held).
    virtual bool holds(const Literal& l) const = 0;
};

// Answers each test by searching the bytes (lower-cased and '$'-stripped copies made once).
class DirectFinder final : public LiteralFinder {
public:
    explicit DirectFinder(std::string_view bytes) : m_bytes(bytes) {}
    std::string_view bytes() const override { return m_bytes; }
    bool holds(const Literal& l) const override;

private:
    std::string_view m_bytes;
    mutable std::optional<std::string> m_lower, m_stripped;
};

class LiteralIndex {
public:
    // null when there is nothing to index or the set does not compile (callers then use a
    // DirectFinder).
    static std::shared_ptr<const LiteralIndex> build(std::vector<Literal> literals);
    ~LiteralIndex();
    // Whether each literal occurs (by id()); nullopt when the match ran out of memory.
    std::optional<std::vector<bool>> scan(std::string_view bytes) const;
    // The literal's position in the index, or nullopt when it is not in it.
    std::optional<std::size_t> id(const Literal& l) const;

private:
    LiteralIndex() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Answers from one LiteralIndex pass over the bytes, made when the first question comes; a
// literal the index does not hold, or a pass that failed, is answered by searching.
class IndexedFinder final : public LiteralFinder {
public:
    IndexedFinder(std::string_view bytes, const LiteralIndex* index) : m_direct(bytes), m_index(index) {}
    std::string_view bytes() const override { return m_direct.bytes(); }
    bool holds(const Literal& l) const override;

private:
    DirectFinder m_direct;
    const LiteralIndex* m_index;
    mutable bool m_scanned = false;
    mutable std::optional<std::vector<bool>> m_held;
};

}  // namespace ccscan::rules
