// Tamper evidence: `ccscan verify` fails (exit 1) naming what changed when a finding, a status
// or a hash in the report was edited, a file was added or removed under the scan root (the same
// excludes as the scan), a pack changed, or the signing key is not the one given; an untouched
// report over untouched files passes (exit 0).
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "reporters/integrity.h"
#include "tests/cli/run_binary.h"
#include "tests/read_file.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;
using Json = nlohmann::ordered_json;

namespace {

using ccscan::test::read_file;

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

struct Fixture {
    fs::path dir = ccscan::test::scratch_path("ccscan-tamper");
    fs::path src = dir / "src", report = dir / "report.json", key = dir / "sign.key", pack = dir / "pack.yaml";

    Fixture() {
        fs::remove_all(dir);
        write(src / "notes/customers.txt", "card 4929 5812 3456 7898 on file\n");
        write(src / "config/app.properties", "twilio.auth_token=0f3c9a7e5b1d2f4a6c8e0b2d4f6a8c0e\n");
        write(src / "build/out.txt", "excluded\n");
        write(key, "tamper-test-signing-key\n");
        // A pack of its own, so that changing it does not touch the built-in ones.
        std::string builtin = read_file(ccscan::test::source_dir() + "/rules/packs/pci-dss/content.yaml");
        write(pack, "pack: {id: local, name: Local content rules, version: 1.0.0}\n" + builtin);
        auto r = run_ccscan("scan " + src.string() + " --pack " + pack.string() + " --exclude 'build/**' --format json -o " +
                            report.string() + " -q --fail-on none --sign-key " + key.string());
        REQUIRE(r.code == 0);
    }
    ~Fixture() { fs::remove_all(dir); }

    ccscan::test::Output verify(const std::string& extra = "") { return run_ccscan("verify " + report.string() + " " + extra); }
    void edit(const std::function<void(Json&)>& change) {
        Json doc = Json::parse(read_file(report));
        change(doc);
        write(report, doc.dump(2));
    }
};

}  // namespace

TEST_CASE("verify: an untouched report over untouched files passes, with and without the key", "[e2e][verify][tamper]") {
    Fixture fx;
    auto plain = fx.verify();
    INFO(plain.text);
    CHECK(plain.code == 0);
    CHECK_THAT(plain.text, Catch::Contains("0 changed, 0 missing, 0 added"));
    CHECK_THAT(plain.text, Catch::Contains("report intact (signed; give --sign-key"));
    auto keyed = fx.verify("--sign-key " + fx.key.string());
    CHECK(keyed.code == 0);
    CHECK_THAT(keyed.text, Catch::Contains("report intact, signature valid"));
    // A file under an excluded folder is not an added file.
    write(fx.src / "build/more.txt", "excluded too\n");
    CHECK(fx.verify().code == 0);
}

TEST_CASE("verify: edited findings, statuses and hashes are named", "[e2e][verify][tamper]") {
    Fixture fx;
    const std::string original = read_file(fx.report);
    fx.edit([](Json& d) { d["findings"][0]["severity"] = "low"; });
    auto finding = fx.verify();
    CHECK(finding.code == 1);
    CHECK_THAT(finding.text, Catch::Contains("findings[0] edited: CCS-CONTENT-"));

    write(fx.report, original);
    fx.edit([](Json& d) { d["findings"].erase(d["findings"].begin()); });
    auto removed = fx.verify();
    CHECK(removed.code == 1);
    CHECK_THAT(removed.text, Catch::Contains("1 recorded findings entry removed or edited"));

    write(fx.report, original);
    fx.edit([](Json& d) {
        for (auto& e : d["inventory"]) {
            if (e["path"] == "notes/customers.txt") e["status"] = "skipped";
        }
    });
    auto status = fx.verify();
    CHECK(status.code == 1);
    CHECK_THAT(status.text, Catch::Contains("edited: notes/customers.txt (skipped"));

    write(fx.report, original);
    fx.edit([](Json& d) {
        for (auto& e : d["inventory"]) {
            if (e["path"] == "config/app.properties") e["sha256"] = std::string(64, '0');
        }
    });
    auto hash = fx.verify();
    CHECK(hash.code == 1);
    CHECK_THAT(hash.text, Catch::Contains("edited: config/app.properties"));
    CHECK_THAT(hash.text, Catch::Contains("changed   config/app.properties"));

    write(fx.report, original);
    fx.edit([](Json& d) { d["packs"][0]["sha256"] = std::string(64, 'f'); });
    auto pack_hash = fx.verify();
    CHECK(pack_hash.code == 1);
    CHECK_THAT(pack_hash.text, Catch::Contains("section 'packs' edited"));

    write(fx.report, original);
    fx.edit([](Json& d) { d.erase("integrity"); });
    auto stripped = fx.verify();
    CHECK(stripped.code == 1);
    CHECK_THAT(stripped.text, Catch::Contains("no integrity digest"));
}

TEST_CASE("verify: a recomputed digest fools only a check without the key", "[e2e][verify][tamper]") {
    Fixture fx;
    fx.edit([](Json& d) {
        Json signature = d["integrity"]["signature"];
        d.erase("integrity");
        d["findings"][0]["severity"] = "info";
        d["integrity"] = ccscan::reporters::integrity_of(d, "");
        d["integrity"]["signature"] = signature;
    });
    // What a digest alone cannot prove: the edit is consistent.
    CHECK(fx.verify().code == 0);
    auto keyed = fx.verify("--sign-key " + fx.key.string());
    CHECK(keyed.code == 1);
    CHECK_THAT(keyed.text, Catch::Contains("the signature does not match the digest"));
}

TEST_CASE("verify: added and removed files, a changed pack and a wrong key fail", "[e2e][verify][tamper]") {
    Fixture fx;
    write(fx.src / "notes/new.txt", "new\n");
    auto added = fx.verify();
    CHECK(added.code == 1);
    CHECK_THAT(added.text, Catch::Contains("added     notes/new.txt"));
    fs::remove(fx.src / "notes/new.txt");
    fs::remove(fx.src / "config/app.properties");
    auto removed = fx.verify();
    CHECK(removed.code == 1);
    CHECK_THAT(removed.text, Catch::Contains("missing   config/app.properties"));
    write(fx.src / "config/app.properties", "twilio.auth_token=0f3c9a7e5b1d2f4a6c8e0b2d4f6a8c0e\n");
    CHECK(fx.verify().code == 0);

    std::ofstream(fx.pack, std::ios::app) << "# edited\n";
    auto pack = fx.verify();
    CHECK(pack.code == 1);
    CHECK_THAT(pack.text, Catch::Contains("changed   pack local"));

    write(fx.dir / "other.key", "another key\n");
    auto wrong = fx.verify("--sign-key " + (fx.dir / "other.key").string());
    CHECK(wrong.code == 1);
    CHECK_THAT(wrong.text, Catch::Contains("signed with another key"));
    auto unreadable = fx.verify("--sign-key " + (fx.dir / "missing.key").string());
    CHECK(unreadable.code == 2);
}
