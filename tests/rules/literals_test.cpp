// The literal tests of the prefilters: one LiteralIndex pass must answer exactly as searching the
// bytes does (DirectFinder), for every mode, on texts with mixed case, '$' and non-ASCII bytes.
#include <catch2/catch.hpp>

#include <random>

#include "rules/literals.h"

using namespace ccscan::rules;

namespace {

std::string random_text(std::mt19937& rng, std::size_t n, std::string_view alphabet) {
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += alphabet[pick(rng)];
    return s;
}

}  // namespace

TEST_CASE("literals: each mode answers as its definition says", "[literals]") {
    const std::string text = "const cardNum = event.Details.$Params; println(\"X\");";
    DirectFinder direct(text);
    auto index =
        LiteralIndex::build({make_literal(LiteralMode::exact, "cardNum"), make_literal(LiteralMode::exact, "CARDNUM"),
                             make_literal(LiteralMode::icase, "CARDNUM"), make_literal(LiteralMode::icase, "$params"),
                             make_literal(LiteralMode::icase_dollar, "details.params"), make_literal(LiteralMode::icase_dollar, "printx")});
    REQUIRE(index);
    IndexedFinder indexed(text, index.get());
    for (const LiteralFinder* f : {static_cast<const LiteralFinder*>(&direct), static_cast<const LiteralFinder*>(&indexed)}) {
        CHECK(f->holds(make_literal(LiteralMode::exact, "cardNum")));
        CHECK_FALSE(f->holds(make_literal(LiteralMode::exact, "CARDNUM")));
        CHECK(f->holds(make_literal(LiteralMode::icase, "CARDNUM")));
        CHECK(f->holds(make_literal(LiteralMode::icase, "$params")));
        CHECK_FALSE(f->holds(make_literal(LiteralMode::icase, "details.params")));   // the '$' is in the way
        CHECK(f->holds(make_literal(LiteralMode::icase_dollar, "details.params")));  // not with '$' removed
        CHECK_FALSE(f->holds(make_literal(LiteralMode::icase_dollar, "printx")));
        CHECK(f->holds(make_literal(LiteralMode::icase_dollar, "PRINTLN")));
        CHECK(f->holds(make_literal(LiteralMode::exact, "")));  // an empty literal is always held
    }
    // A literal the index was not built with is still answered (by searching).
    CHECK(indexed.holds(make_literal(LiteralMode::exact, "println")));
    CHECK_FALSE(indexed.holds(make_literal(LiteralMode::exact, "printf")));
}

TEST_CASE("literals: an index pass agrees with searching on random texts and literals", "[literals]") {
    std::mt19937 rng(20261203);
    const std::string alphabet = std::string("aAbB$._ ") + '\xe9' + '\xc9';
    const LiteralMode modes[] = {LiteralMode::exact, LiteralMode::icase, LiteralMode::icase_dollar};
    std::size_t held = 0, not_held = 0;
    for (int round = 0; round < 40; ++round) {
        std::vector<Literal> literals;
        for (int k = 0; k < 30; ++k) {
            std::uniform_int_distribution<std::size_t> len(1, 4);
            literals.push_back(make_literal(modes[k % 3], random_text(rng, len(rng), alphabet)));
        }
        auto index = LiteralIndex::build(literals);
        REQUIRE(index);
        const std::string text = random_text(rng, 60, alphabet);
        DirectFinder direct(text);
        IndexedFinder indexed(text, index.get());
        for (const Literal& l : literals) {
            INFO("text '" << text << "' literal '" << l.text << "' mode " << static_cast<int>(l.mode));
            const bool d = direct.holds(l);
            CHECK(indexed.holds(l) == d);
            (d ? held : not_held) += 1;
        }
    }
    // Both answers occur often enough for the comparison to mean something.
    CHECK(held > 100);
    CHECK(not_held > 100);
}

TEST_CASE("literals: icase_dollar with a '$' of its own is icase; icase is kept lower case", "[literals]") {
    CHECK(make_literal(LiteralMode::icase_dollar, "a$b").mode == LiteralMode::icase);
    CHECK(make_literal(LiteralMode::icase, "AbC").text == "abc");
    CHECK(make_literal(LiteralMode::exact, "AbC").text == "AbC");
    CHECK_FALSE(LiteralIndex::build({}));
    CHECK_FALSE(LiteralIndex::build({make_literal(LiteralMode::exact, "")}));
}
