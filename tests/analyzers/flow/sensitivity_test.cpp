#include <catch2/catch.hpp>

#include "analyzers/flow/sensitivity.h"

using namespace ccscan::analyzers;

TEST_CASE("sensitivity: built-in list loads and classifies prompts in five languages", "[flow][sensitivity]") {
    const auto& lex = SensitivityLexicon::builtin();
    REQUIRE(lex.size() > 100);
    CHECK(lex.classify_text("Please enter your credit card number") == Sensitivity::pan);
    CHECK(lex.classify_text("Enter the 3 digit security code on the back of your card") == Sensitivity::cvv);
    CHECK(lex.classify_text("Enter the card expiry date") == Sensitivity::expiry);
    CHECK(lex.classify_text("Please key in your PIN") == Sensitivity::pin);
    CHECK(lex.classify_text("Introduzca el número de tarjeta") == Sensitivity::pan);
    CHECK(lex.classify_text("Saisissez votre numéro de carte") == Sensitivity::pan);
    CHECK(lex.classify_text("Bitte geben Sie Ihre Kartennummer ein") == Sensitivity::pan);
    CHECK(lex.classify_text("Digite o número do cartão") == Sensitivity::pan);
    CHECK(lex.classify_text("NÚMERO DE TARJETA") == Sensitivity::pan);
    CHECK(lex.classify_text("Enter your date of birth") == Sensitivity::dob);
    CHECK(lex.classify_text("your social security number") == Sensitivity::ssn);
    CHECK(lex.classify_text("Press 1 for sales") == Sensitivity::none);
    CHECK(lex.classify_text("spinning") == Sensitivity::none);  // word boundaries: not "pin"
}

TEST_CASE("sensitivity: identifiers are split before matching", "[flow][sensitivity]") {
    const auto& lex = SensitivityLexicon::builtin();
    CHECK(lex.classify_name("cardNumber") == Sensitivity::pan);
    CHECK(lex.classify_name("CARD_NUMBER") == Sensitivity::pan);
    CHECK(lex.classify_name("CARDNUM") == Sensitivity::pan);
    CHECK(lex.classify_name("CCNumber") == Sensitivity::pan);
    CHECK(lex.classify_name("cvv2") == Sensitivity::cvv);
    CHECK(lex.classify_name("customerDob") == Sensitivity::dob);
    CHECK(lex.classify_name("menuChoice") == Sensitivity::none);
    CHECK(normalize_identifier("cardNumber2") == " card number 2 ");
}

TEST_CASE("sensitivity: user extras and YAML errors", "[flow][sensitivity]") {
    std::vector<Diagnostic> notes;
    auto lex = SensitivityLexicon::with_extras({"pan:acctplastic", "bogus", "nope:word"}, notes);
    CHECK(lex.classify_name("acctplastic") == Sensitivity::pan);
    CHECK(notes.size() == 2);
    auto bad = SensitivityLexicon::from_yaml("classes:\n  pann: [x]\n", "w.yaml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().to_string().find("w.yaml:2:3") != std::string::npos);
}

TEST_CASE("sensitivity: digit counts", "[flow][sensitivity]") {
    CHECK(sensitivity_from_digits(16, false) == Sensitivity::pan);
    CHECK(sensitivity_from_digits(15, false) == Sensitivity::pan);
    CHECK(sensitivity_from_digits(3, false) == Sensitivity::none);
    CHECK(sensitivity_from_digits(3, true) == Sensitivity::cvv);
    CHECK(sensitivity_from_digits(4, true) == Sensitivity::cvv);
    CHECK(sensitivity_from_digits(6, true) == Sensitivity::none);
}
