// Fingerprints and keyed hashes leave the machine in every report: they must not let anyone
// recover a masked value by hashing candidates. A masked PAN shows 6 + 4 digits, so the hidden
// six digits leave about 10^5 Luhn-valid candidates; with the old scheme (SHA-256 over an HMAC
// of the value under the built-in key "ccscan/fingerprint/v1") every one could be tried offline.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "analyzers/hash.h"
#include "tests/cli/run_binary.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan_env;

namespace {

constexpr const char* k_public_key = "ccscan/fingerprint/v1";

bool luhn_ok(const std::string& d) {
    int sum = 0;
    bool dbl = false;
    for (auto it = d.rbegin(); it != d.rend(); ++it, dbl = !dbl) {
        int v = *it - '0';
        if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    return sum % 10 == 0;
}

// The fingerprint the old scheme gave a PAN finding.
std::string old_fingerprint(const std::string& rule, const std::string& path, const std::string& pan) {
    const std::string value_hash = ccscan::analyzers::hmac_sha256_hex(k_public_key, pan).substr(0, 16);
    return ccscan::analyzers::sha256_hex(rule + '\n' + path + '\n' + "pan:" + value_hash).substr(0, 32);
}

// Tries every PAN consistent with the masked preview "492958******7898".
std::optional<std::string> enumerate(const std::string& masked, const std::string& rule, const std::string& path, const std::string& fingerprint) {
    const std::size_t hidden = masked.find('*'), tail = masked.rfind('*') + 1;
    const std::size_t n = tail - hidden;
    std::size_t limit = 1;
    for (std::size_t i = 0; i < n; ++i) limit *= 10;
    for (std::size_t v = 0; v < limit; ++v) {
        std::string mid = std::to_string(v);
        mid.insert(0, n - mid.size(), '0');
        const std::string cand = masked.substr(0, hidden) + mid + masked.substr(tail);
        if (luhn_ok(cand) && old_fingerprint(rule, path, cand) == fingerprint) return cand;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("a report's card fingerprint cannot be matched by enumerating candidates with the public key", "[e2e][redaction][fingerprint]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-fp-privacy");
    fs::remove_all(dir);
    fs::create_directories(dir / "src");
    const std::string pan = "4929581234567898";  // made up, Luhn-valid
    std::ofstream(dir / "src" / "notes.txt") << "customer card " << pan << " on file\n";
    auto r = run_ccscan_env("XDG_CONFIG_HOME=" + (dir / "cfg").string(), "scan " + (dir / "src").string() + " --format json -q --fail-on none");
    REQUIRE(r.code == 0);
    auto json = nlohmann::json::parse(r.text);
    const nlohmann::json* finding = nullptr;
    for (const auto& f : json["findings"]) {
        if (f["evidence"] == "492958******7898") finding = &f;
    }
    REQUIRE(finding);
    const std::string rule = (*finding)["rule_id"], path = (*finding)["location"]["path"], fp = (*finding)["fingerprint"];
    // The attack works on the old scheme (the enumeration is sound: it finds a planted value).
    REQUIRE(enumerate("492958******7898", rule, path, old_fingerprint(rule, path, pan)) == pan);
    // ...and finds nothing in today's report.
    CHECK_FALSE(enumerate("492958******7898", rule, path, fp).has_value());
    CHECK(r.text.find(ccscan::analyzers::hmac_sha256_hex(k_public_key, pan).substr(0, 16)) == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("secret previews hash under the installation key, created 0600 on first use", "[e2e][redaction][fingerprint]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-fp-key");
    fs::remove_all(dir);
    fs::create_directories(dir / "src");
    const std::string secret = "Wq8tZ3vLp9xQ";
    std::ofstream(dir / "src" / "app.py") << "password = \"" << secret << "\"\n";
    const std::string env = "CCSCAN_FINGERPRINT_KEY= XDG_CONFIG_HOME=" + (dir / "cfg").string();
    auto first = run_ccscan_env(env, "scan " + (dir / "src").string() + " --format json -q --fail-on none");
    const fs::path key_file = dir / "cfg" / "ccscan" / "redaction.key";
    REQUIRE(fs::exists(key_file));
    struct stat st {};
    REQUIRE(::stat(key_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::string key;
    std::ifstream(key_file) >> key;
    CHECK(key.size() == 64);
    const std::string expected = "hmac:" + ccscan::analyzers::hmac_sha256_hex(key, secret).substr(0, 16);
    CHECK(first.text.find(expected) != std::string::npos);
    CHECK(first.text.find(ccscan::analyzers::hmac_sha256_hex(k_public_key, secret).substr(0, 16)) == std::string::npos);
    CHECK(first.text.find(key) == std::string::npos);  // the key never goes into a report
    // The same installation gives the same bytes; an explicit key (CI) wins.
    auto second = run_ccscan_env(env, "scan " + (dir / "src").string() + " --format json -q --fail-on none");
    CHECK(second.text == first.text);
    std::ofstream(dir / "ci.key") << "ci-secret-key\n";
    auto ci = run_ccscan_env(env, "scan " + (dir / "src").string() + " --format json -q --fail-on none --redaction-key-file " + (dir / "ci.key").string());
    CHECK(ci.text.find("hmac:" + ccscan::analyzers::hmac_sha256_hex("ci-secret-key", secret).substr(0, 16)) != std::string::npos);
    // Fingerprints do not depend on the key: baselines work on any machine.
    auto fp = [](const std::string& text) { return nlohmann::json::parse(text)["findings"][0]["fingerprint"].get<std::string>(); };
    CHECK(fp(ci.text) == fp(first.text));
    auto missing = run_ccscan_env(env, "scan " + (dir / "src").string() + " -q --redaction-key-file " + (dir / "nope.key").string());
    CHECK(missing.code == 2);
    fs::remove_all(dir);
}
