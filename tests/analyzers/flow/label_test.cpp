#include <catch2/catch.hpp>

#include "analyzers/flow/label.h"

using namespace ccscan::analyzers::flow;

TEST_CASE("labels: SSML and markup stripped, placeholders kept", "[flow][label]") {
    CHECK(plain_text("<speak> <prosody rate=\"90%\">Please enter your card,</prosody><break time=\"300ms\"/>then press pound.</speak>") ==
          "Please enter your card, then press pound.");
    CHECK(plain_text("Your balance is $.Attributes.balance &amp; due {{flow.data.date}} ${due_date}") ==
          "Your balance is $.Attributes.balance & due {{flow.data.date}} ${due_date}");
    CHECK(plain_text("<![CDATA[Press 1]]> <!-- old prompt <b>x</b> --> &#39;now&#x21;") == "Press 1 'now!");
    CHECK(plain_text("press < 5 or > 7") == "press < 5 or > 7");  // not markup
    CHECK(plain_text("\n\t  ") == "");
}

TEST_CASE("labels: masked first, then cut at a word", "[flow][label]") {
    // A card number in a prompt is masked before the cut, so no cut leaves digits unmasked.
    std::string cut = cut_text("Your card 4111 1111 1111 1111 has been charged for the full amount", 40);
    CHECK(cut.find("4111 1111 1111 1111") == std::string::npos);
    CHECK(cut.size() <= 43);
    CHECK(cut.substr(cut.size() - 3) == "...");
    CHECK(cut_text("Please enter the sixteen digit number on the front of your card", 30) == "Please enter the sixteen digit...");
    CHECK(cut_text("short", 30) == "short");
    // One word longer than the limit is never shown in part (it may be a token or a secret).
    CHECK(cut_text("Kreditkartennummerüberprüfungsverfahren", 20) == "...");
}

TEST_CASE("labels: node label is name and plain prompt", "[flow][label]") {
    CHECK(node_label("GetParticipantInput", "<speak><prosody rate='slow'>Enter your card number</prosody></speak>") ==
          "GetParticipantInput 'Enter your card number'");
    CHECK(node_label("<Gather>", "") == "<Gather>");
    CHECK(node_label("say_card", "say_card") == "say_card");
    std::string l = node_label("GetParticipantInput", "<speak>" + std::string(200, 'a') + "</speak>");
    CHECK(l.find("<speak") == std::string::npos);
    CHECK(l.size() <= 19 + 2 + k_label_text + 4);
}
