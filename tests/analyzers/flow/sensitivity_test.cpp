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

TEST_CASE("sensitivity: look-alikes are not card, security-code or bank data", "[flow][sensitivity]") {
    const auto& lex = SensitivityLexicon::builtin();
    // Not sensitive classes, by words.
    CHECK(lex.classify_text("Please enter your nine digit bank routing number") == Sensitivity::none);
    CHECK(lex.classify_text("Enter your account number, followed by the pound key") == Sensitivity::none);
    CHECK(lex.classify_text("Please key in your order number") == Sensitivity::none);
    CHECK(lex.classify_text("Enter the 16 digit number on your loyalty card") == Sensitivity::none);
    CHECK(lex.classify_text("Enter your loyalty card number") == Sensitivity::none);
    CHECK(lex.classify_text("Enter the last four digits of your card") == Sensitivity::none);
    CHECK(lex.classify_name("accountLookupNumber") == Sensitivity::none);
    CHECK(lex.classify_name("routingNumber") == Sensitivity::none);
    // ... while the real thing still is.
    CHECK(lex.classify_text("Enter your bank account number") == Sensitivity::bank_account);
    CHECK(lex.classify_text("Enter your routing number and account number") == Sensitivity::bank_account);
    CHECK(lex.classify_text("Please enter your IBAN") == Sensitivity::bank_account);
    CHECK(lex.classify_text("Enter your card number, then your zip code") == Sensitivity::pan);
    CHECK(lex.classify_text("Enter the 16 digit number on the front of your credit card") == Sensitivity::pan);
    CHECK(lex.classify_name("bankAccountNumber") == Sensitivity::bank_account);
    CHECK(lex.names_other_data("Please enter your ZIP code"));
    CHECK(lex.names_other_data("extensionNumber"));
    CHECK(lex.names_other_data("How satisfied were you? Press 1 to 5"));
    CHECK_FALSE(lex.names_other_data("Please enter your card number"));
}

TEST_CASE("sensitivity: digit counts do not override words that name other data", "[flow][sensitivity]") {
    FlowGraph g;
    auto input = [&](std::string id, std::string prompt, int digits) {
        FlowNode n;
        n.id = std::move(id);
        n.kind = FlowKind::collect_input;
        n.prompt_text = std::move(prompt);
        n.input.max_digits = digits;
        g.nodes.push_back(std::move(n));
    };
    input("order", "Enter your sixteen digit order number", 16);
    input("card", "Enter the number now", 16);
    input("ext", "Enter the extension of your party", 4);
    input("code", "And now the code", 4);
    input("survey", "Rate us from one to five", 1);
    for (std::uint32_t i = 0; i + 1 < g.nodes.size(); ++i) g.edges.push_back({i, i + 1, ""});
    refine_sensitivity_by_digits(g);
    CHECK(g.nodes[0].input.sensitivity == Sensitivity::none);  // an order number, by its words
    CHECK(g.nodes[1].input.sensitivity == Sensitivity::pan);   // 16 digits and nothing else said
    CHECK(g.nodes[2].input.sensitivity == Sensitivity::none);  // 4-digit extension after a card number
    CHECK(g.nodes[3].input.sensitivity == Sensitivity::cvv);   // 4 digits after a card number
    CHECK(g.nodes[4].input.sensitivity == Sensitivity::none);
}
