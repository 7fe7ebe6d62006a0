// Content detectors: validators, the one-pass scanner, the built-in catalogue, test cards,
// masking, and the content matcher's spec handling.
#include <catch2/catch.hpp>

#include "analyzers/yaml_parser.h"
#include "rules/content/content_matcher.h"
#include "rules/content/detectors.h"
#include "rules/content/validators.h"
#include "rules/rule.h"

using namespace ccscan;
using namespace ccscan::rules::content;

namespace {

std::vector<Detection> scan_with(std::vector<std::string> ids, std::string_view text, std::string_view key = {}) {
    std::vector<const DetectorSpec*> specs;
    for (const std::string& id : ids) {
        const DetectorSpec* d = builtin_catalog().find(id);
        REQUIRE(d);
        specs.push_back(d);
    }
    auto s = ContentScanner::build(specs);
    REQUIRE(s.ok());
    return (*s)->scan(text, builtin_catalog().test_cards, key);
}

struct Run {
    analyzers::Result<std::shared_ptr<const rules::Matcher>> matcher;
    std::vector<rules::Finding> findings;
};

Run run_matcher(const std::string& yaml, const std::string& path, const std::string& text, const rules::Policy& policy = {}) {
    auto doc = analyzers::parse_yaml(yaml, "pack.yaml", analyzers::ParseLimits{});
    REQUIRE(doc.ok());
    Run r{rules::content::make_content_matcher(*doc->root.find("content"), rules::PackContext{"pack.yaml"}), {}};
    if (!r.matcher.ok()) return r;
    analyzers::InputFile file{path, "", text, analyzers::Origin::worktree, std::nullopt};
    analyzers::ParsedFile parsed;
    rules::Rule rule;
    rule.message_template = "{{detector}} {{evidence}}";
    (*r.matcher)->match_file(rule, rules::FileContext{file, parsed, policy, {}}, r.findings);
    return r;
}

}  // namespace

TEST_CASE("validators: Luhn, brands, SSN, IBAN, entropy", "[content]") {
    CHECK(luhn_valid("4929581234567898"));
    CHECK_FALSE(luhn_valid("4929581234567893"));
    CHECK(card_brand("4929581234567898") == "visa");
    CHECK(card_brand("2221001234567896") == "mastercard");
    CHECK(card_brand("5500000000000004") == "mastercard");
    CHECK(card_brand("378282246310005") == "amex");
    CHECK(card_brand("6011111111111117") == "discover");
    CHECK(card_brand("3530111333300000") == "jcb");
    CHECK(card_brand("30569309025904") == "diners");
    CHECK(card_brand("6200000000000005") == "unionpay");
    CHECK(card_brand("2721001234567890").empty());  // past the 2-series range
    CHECK(card_brand("9999999999999995").empty());
    CHECK(valid_pan("4929-5812-3456-7898"));
    CHECK_FALSE(valid_pan("0000000000000000"));  // one repeated digit is never a card
    CHECK(valid_ssn("536-22-8461"));
    CHECK_FALSE(valid_ssn("000-22-8461"));
    CHECK_FALSE(valid_ssn("666-22-8461"));
    CHECK_FALSE(valid_ssn("912-22-8461"));
    CHECK_FALSE(valid_ssn("536-00-8461"));
    CHECK_FALSE(valid_ssn("536-22-0000"));
    CHECK(valid_iban("DE89 3704 0044 0532 0130 00"));
    CHECK(valid_iban("GB82WEST12345698765432"));
    CHECK_FALSE(valid_iban("GB82WEST1234569876543"));   // wrong length for GB
    CHECK_FALSE(valid_iban("DE88370400440532013000"));  // checksum
    CHECK(shannon_entropy("aaaaaaaa") == Approx(0.0));
    CHECK(shannon_entropy("Xk9#mQ2v!Lr7zP4w") > 3.5);
}

TEST_CASE("scanner: PAN forms, boundaries and test cards", "[content]") {
    auto d = scan_with({"pan"}, "a 4929 5812 3456 7898 b\nc 4929-5812-3456-7898\nd 4929581234567898\n");
    REQUIRE(d.size() == 3);
    CHECK(d[0].evidence == "492958******7898");
    CHECK(d[0].brand == "visa");
    CHECK(d[0].value_hash == d[1].value_hash);  // normalized: separators do not change identity
    CHECK(d[1].value_hash == d[2].value_hash);
    CHECK(scan_with({"pan"}, "id 14929581234567898 and x4929581234567898").empty());
    auto test_card = scan_with({"pan"}, "4111 1111 1111 1111");
    REQUIRE(test_card.size() == 1);
    CHECK(test_card[0].test_value);
    // Groups followed by a year: the group form stops at the card's end.
    auto with_year = scan_with({"pan"}, "card 4929 5812 3456 7898 2027");
    REQUIRE(with_year.size() == 1);
    CHECK(with_year[0].context);
}

TEST_CASE("scanner: context-required detectors and secrets", "[content]") {
    CHECK(scan_with({"ssn_bare"}, "order 536228461").empty());
    CHECK(scan_with({"ssn_bare"}, "ssn: 536228461").size() == 1);
    CHECK(scan_with({"phone"}, "build +14155550123").empty());
    auto phone = scan_with({"phone"}, "callback phone +1 415 555 0123");
    REQUIRE(phone.size() == 1);
    CHECK(phone[0].evidence.find("4155550") == std::string::npos);
    auto keys = scan_with({"aws_access_key_id", "stripe_secret_key", "private_key"},
                          "k = 'AKIAZ3MPLQ7RTX4KW2NB'\ns = 'sk_live_51HxQ2aLmN8pR4tV6wY9zB3cD'\n-----BEGIN OPENSSH PRIVATE KEY-----\n",
                          "installation-key");
    REQUIRE(keys.size() == 3);
    for (const Detection& k : keys) {
        CHECK(k.evidence.find("AKIAZ3") == std::string::npos);
        CHECK(k.evidence.find("sk_live") == std::string::npos);
        CHECK(k.evidence.find("hmac:") != std::string::npos);
    }
    // No key, no hash: a built-in public key would let anyone test candidate values.
    for (const Detection& k : scan_with({"aws_access_key_id"}, "k = 'AKIAZ3MPLQ7RTX4KW2NB'")) CHECK(k.evidence == "[aws_access_key_id, 20 chars]");
    CHECK(scan_with({"aws_access_key_id"}, "AKIAIOSFODNN7EXAMPLE").empty());
    CHECK(scan_with({"email"}, "mail jane.doe@contoso-mail.net or x@example.com").size() == 1);
    CHECK(scan_with({"iban"}, "pay DE89 3704 0044 0532 0130 00 now").size() == 1);
}

TEST_CASE("content matcher: findings are masked, located and keyed by their context, not their value", "[content]") {
    auto r = run_matcher("content: {detectors: [pan, ssn]}\n", "notes.txt", "x\n  card 4929581234567898 and 536-22-8461\n");
    REQUIRE(r.matcher.ok());
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].location.span.start == analyzers::Position{2, 8});
    CHECK(r.findings[0].location.span.end == analyzers::Position{2, 24});
    CHECK(r.findings[0].message == "pan 492958******7898");
    CHECK(r.findings[0].evidence == "492958******7898");
    CHECK(r.findings[0].fingerprint_key == "pan:  card <pan> and <ssn>");
    CHECK(r.findings[1].fingerprint_key == "ssn:  card <pan> and <ssn>");
    CHECK(r.findings[1].evidence == "***-**-8461");
}

TEST_CASE("content matcher: test cards by policy, test files, context words", "[content]") {
    const std::string spec = "content:\n  detectors: [pan]\n  context: {raise: [customer], lower: [sample]}\n";
    CHECK(run_matcher(spec, "a.txt", "4111111111111111").findings.empty());
    rules::Policy report_test_cards;
    report_test_cards.set("test_card_numbers", {"false"});
    CHECK(run_matcher(spec, "a.txt", "4111111111111111", report_test_cards).findings.size() == 1);
    auto in_tests = run_matcher(spec, "tests/fixtures/a.txt", "4929581234567898");
    REQUIRE(in_tests.findings.size() == 1);
    CHECK(in_tests.findings[0].severity_delta == -1);
    CHECK(run_matcher(spec, "a.txt", "customer 4929581234567898").findings.at(0).severity_delta == 1);
    CHECK(run_matcher(spec, "a.txt", "sample 4929581234567898").findings.at(0).severity_delta == -1);
    auto skip = run_matcher("content: {detectors: [pan], test_files: skip}\n", "src/pay.test.js", "4929581234567898");
    CHECK(skip.findings.empty());
}

TEST_CASE("content matcher: user patterns and spec errors", "[content]") {
    auto r = run_matcher("content:\n  patterns: [{name: member-id, regex: 'MBR-([0-9]{8})'}]\n", "a.txt", "id MBR-12345678\n");
    REQUIRE(r.matcher.ok());
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].location.span.start == analyzers::Position{1, 8});
    CHECK(r.findings[0].evidence.find("12345678") == std::string::npos);
    CHECK((*r.matcher)->may_match("MBR-00000001", "text"));
    CHECK_FALSE((*r.matcher)->may_match("nothing here", "text"));
    auto unknown = run_matcher("content: {detectors: [pann]}\n", "a.txt", "");
    REQUIRE_FALSE(unknown.matcher.ok());
    CHECK(unknown.matcher.error().message.find("did you mean 'pan'") != std::string::npos);
    CHECK(unknown.matcher.error().span.start.line == 1);
    auto bad_re = run_matcher("content:\n  patterns: [{name: x, regex: '(unclosed'}]\n", "a.txt", "");
    REQUIRE_FALSE(bad_re.matcher.ok());
    CHECK(bad_re.matcher.error().message.find("does not compile") != std::string::npos);
    auto bad_mask = run_matcher("content:\n  patterns: [{name: x, regex: 'a', mask: card}]\n", "a.txt", "");
    REQUIRE_FALSE(bad_mask.matcher.ok());
    CHECK(bad_mask.matcher.error().message == "mask must be one of secret, pan, ssn, iban, phone, email");
    auto ssn_mask =
        run_matcher("content:\n  patterns: [{name: tax, regex: 'TAX ([0-9-]{11})', mask: ssn}]\n", "a.txt", "TAX 287-65-4321\n");
    REQUIRE(ssn_mask.matcher.ok());
    REQUIRE(ssn_mask.findings.size() == 1);
    CHECK(ssn_mask.findings[0].evidence == "***-**-4321");
    CHECK_FALSE(run_matcher("content: {}\n", "a.txt", "").matcher.ok());
}

TEST_CASE("detector catalogue: built-in file parses; errors carry positions", "[content]") {
    CHECK(builtin_catalog().detectors.size() >= 15);
    CHECK(builtin_catalog().test_cards.count("4111111111111111") == 1);
    // Names resolve to their functions when the catalogue loads.
    const DetectorSpec* pan = builtin_catalog().find("pan");
    REQUIRE(pan != nullptr);
    CHECK(pan->validator == find_validator("luhn_pan"));
    CHECK(pan->validator->card);
    CHECK(pan->mask == find_mask("pan"));
    auto plain = parse_catalog("detectors:\n  - id: x\n    regex: 'a'\n", "d.yaml");
    REQUIRE(plain.ok());
    CHECK(plain->detectors[0].validator->name == "none");
    CHECK(plain->detectors[0].mask->name == "secret");
    // An unknown name is a load error at the name, in file, line and column.
    auto bad = parse_catalog("detectors:\n  - id: x\n    regex: 'a'\n    validator: luhn\n", "d.yaml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "unknown validator 'luhn' in detector x; one of luhn_pan, ssn, iban, phone, email, entropy, none");
    CHECK(bad.error().path == "d.yaml");
    CHECK(bad.error().span.start.line == 4);
    CHECK(bad.error().span.start.column == 16);
    auto bad_mask = parse_catalog("detectors:\n  - id: x\n    regex: 'a'\n    mask: pam\n", "d.yaml");
    REQUIRE_FALSE(bad_mask.ok());
    CHECK(bad_mask.error().message.find("unknown mask 'pam' in detector x (did you mean 'pan'?)") != std::string::npos);
    CHECK(bad_mask.error().span.start.line == 4);
    CHECK(bad_mask.error().span.start.column == 11);
}

TEST_CASE("scanner: card numbers with dots, in URL query strings and on very long lines", "[content]") {
    // Dots: found and masked like any grouping; IP addresses and versions are not card numbers.
    auto dotted = scan_with({"pan"}, "card 4929.5812.3456.7898 on file");
    REQUIRE(dotted.size() == 1);
    CHECK(dotted[0].evidence == "492958******7898");
    CHECK(scan_with({"pan"}, "host 192.168.100.200 v4929.5812.3456").empty());
    // Query strings, plain and URL-encoded.
    auto url = scan_with({"pan", "ssn"}, "GET https://pay.example.com/c?card=4929581234567898&ssn=287-65-4321 HTTP/1.1");
    REQUIRE(url.size() == 2);
    CHECK(url[0].evidence == "492958******7898");
    CHECK(url[1].evidence == "***-**-4321");
    auto encoded = scan_with({"pan"}, "https://pay.example.com/c?q=card%3D4929581234567898%26x%3D1");
    REQUIRE(encoded.size() == 1);
    CHECK(encoded[0].evidence == "492958******7898");
    CHECK(scan_with({"pan"}, "id=X4929581234567898").empty());  // still not inside a longer run
    // A line of 20,000 characters (minified JSON): the value and its offsets are found.
    const std::string long_line = "{\"a\": \"" + std::string(20000, 'x') + "\", \"card\": \"4929 5812 3456 7898\"}";
    auto far = scan_with({"pan"}, long_line);
    REQUIRE(far.size() == 1);
    CHECK(long_line.substr(far[0].begin, far[0].end - far[0].begin) == "4929 5812 3456 7898");
}

TEST_CASE("scanner: context-required detectors skip texts without their words, in any case", "[content]") {
    const std::string secret = "HFFGWl1m9JluYdHavUXekQaFN+4jqEus+pFVlHcO";
    // The word in upper or mixed case, at the very start, on the line above, spaced: all found.
    CHECK(scan_with({"aws_secret_access_key"}, "AWS_SECRET_ACCESS_KEY: " + secret).size() == 1);
    CHECK(scan_with({"aws_secret_access_key"}, "# Aws Secret for the bucket\nkey: " + secret + "\n").size() == 1);
    CHECK(scan_with({"twilio_auth_token"}, "TwIlIo: 0123456789abcdef0123456789abcdef").size() == 1);
    CHECK(scan_with({"ssn_bare"}, "SSN\n536228461").size() == 1);
    // No context word anywhere (nor a near miss like "aws-secret"): nothing.
    CHECK(scan_with({"aws_secret_access_key"}, "aws-secret: " + secret).empty());
    CHECK(scan_with({"twilio_auth_token"}, "etag 0123456789abcdef0123456789abcdef").empty());
    // A word far from the value still does not count (the detector's context is its lines).
    CHECK(scan_with({"ssn_bare"}, "ssn\n\n\n536228461").empty());
}

TEST_CASE("scanner: the set and the per-pattern search find the same detections", "[content]") {
    // The set is compiled after a scanner's first short texts; before, each pattern searches alone.
    std::vector<const DetectorSpec*> specs;
    for (const DetectorSpec& d : builtin_catalog().detectors) specs.push_back(&d);
    auto s = ContentScanner::build(specs);
    REQUIRE(s.ok());
    const std::string text =
        "card 4929 5812 3456 7898, ssn 287-65-4321, mail jane.doe@contoso-mail.net,\n"
        "aws_secret: HFFGWl1m9JluYdHavUXekQaFN+4jqEus+pFVlHcO k = 'AKIAZ3MPLQ7RTX4KW2NB'";
    auto describe = [&](const std::vector<Detection>& found) {
        std::string out;
        for (const Detection& d : found)
            out += d.detector->id + "@" + std::to_string(d.begin) + "-" + std::to_string(d.end) + " " + d.evidence + "\n";
        return out;
    };
    const std::string first = describe((*s)->scan(text, builtin_catalog().test_cards));
    CHECK(first.find("pan@") != std::string::npos);
    CHECK(first.find("aws_secret_access_key@") != std::string::npos);
    for (int i = 0; i < 64; ++i) CHECK(describe((*s)->scan(text, builtin_catalog().test_cards)) == first);
    CHECK((*s)->any(text));
    CHECK_FALSE((*s)->any("nothing to see here"));
}
