// History scans against expectations derived from the repository the test builds (not from a
// previous run's output): card numbers added by appending, by editing a middle line, moved to
// another path, deleted and re-added at the same line, added on a branch that is merged, and on
// a branch that is not. Each value is reported once, at the oldest commit whose first-parent
// diff added its line; --since hides older commits, --all adds the unmerged branch, and
// --plain-path (every change diffed line by line, no prefilter) reports the same.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "tests/cli/run_binary.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;

namespace {

void sh(const std::string& cmd) { REQUIRE(std::system(cmd.c_str()) == 0); }

// rule, path, line, introducing commit
using Expected = std::tuple<std::string, std::string, int, std::string>;

class Repo {
public:
    explicit Repo(fs::path dir) : m_dir(std::move(dir)) {
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        sh("git init -q -b main " + m_dir.string());
    }
    ~Repo() {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    void write(const std::string& path, const std::string& text) {
        fs::create_directories((m_dir / path).parent_path());
        std::ofstream(m_dir / path, std::ios::binary) << text;
    }
    // Commits everything with a fixed author and a date one hour after the previous commit's.
    std::string commit(const std::string& message) {
        git("add -A");
        return commit_staged(message);
    }
    std::string commit_staged(const std::string& message) {
        git("commit -q -m '" + message + "'");
        return rev_parse("HEAD");
    }
    void git(const std::string& args) {
        ++m_clock;
        const std::string date = "2026-01-01T" + std::string(m_clock < 10 ? "0" : "") + std::to_string(m_clock) + ":00:00Z";
        sh("GIT_AUTHOR_DATE=" + date + " GIT_COMMITTER_DATE=" + date + " git -C " + m_dir.string() +
           " -c user.name=Dev -c user.email=dev@example.com " + args);
    }
    std::string rev_parse(const std::string& rev) {
        const fs::path out = m_dir.string() + "-rev.txt";
        sh("git -C " + m_dir.string() + " rev-parse " + rev + " > " + out.string());
        std::ifstream in(out);
        std::string id;
        in >> id;
        fs::remove(out);
        return id;
    }
    const fs::path& dir() const { return m_dir; }

private:
    fs::path m_dir;
    int m_clock = 0;
};

std::set<Expected> findings_of(const std::string& args) {
    const std::string pack = " --pack " + ccscan::test::source_dir() + "/rules/packs/pci-dss";
    auto r = run_ccscan("scan " + args + pack + " -q --fail-on none --format json", false);
    INFO(r.text);
    REQUIRE(r.code == 0);
    auto json = nlohmann::json::parse(r.text);
    std::set<Expected> out;
    for (const auto& f : json["findings"]) {
        out.emplace(f["rule_id"], f["location"]["path"], f["location"]["start_line"].get<int>(), f["origin"]["commit"]);
        // Only masked previews leave the scan.
        CHECK(f["evidence"].get<std::string>().find("******") != std::string::npos);
    }
    return out;
}

}  // namespace

TEST_CASE("git history: each card number is reported once, at the commit that introduced it", "[git][content][e2e]") {
    Repo repo(ccscan::test::scratch_path("ccscan-git-history-oracle"));
    const std::string pan = "CCS-CONTENT-001";
    repo.write("notes.txt", "call notes\n");
    repo.write("settings.txt", "a=1\nb=2\nc=3\n");
    repo.write("log.csv", "id,note\n1,hello\n");
    repo.commit("init");
    // Appended line (made-up, Luhn-valid numbers; none is a published test card).
    repo.write("notes.txt", "call notes\ncaller card 4929 5812 3456 7898 declined\n");
    const std::string appended = repo.commit("add notes");
    // Moved: the same line at another path is the same value, not reported again.
    fs::create_directories(repo.dir() / "archive");
    repo.git("mv notes.txt archive/notes.txt");
    repo.commit_staged("move notes");
    // A middle line edited.
    repo.write("settings.txt", "a=1\nb=card 4539 1488 0343 6467\nc=3\n");
    const std::string edited = repo.commit("edit settings");
    // Deleted, then re-added at the same line: still the first commit's.
    repo.git("rm -q archive/notes.txt");
    repo.write("settings.txt", "a=1\nb=2\nc=3\n");
    const std::string removed = repo.commit("remove cards");
    repo.write("settings.txt", "a=1\nb=card 4539 1488 0343 6467\nc=3\n");
    const std::string readded = repo.commit("re-add card");
    // A branch adds a file; main appends to the log; the merge's first-parent diff adds the
    // branch's file again, which stays the branch commit's.
    repo.git("checkout -q -b feature");
    repo.write("feature.txt", "feature\nrefund to 4716 1902 0739 4368 today\n");
    const std::string on_branch = repo.commit("feature");
    repo.git("checkout -q main");
    repo.write("log.csv", "id,note\n1,hello\n2,card 5191 9149 4215 7165\n");
    const std::string logged = repo.commit("log");
    repo.git("merge -q --no-ff -m merge feature");
    const std::string merge = repo.rev_parse("HEAD");
    // A branch that is never merged: only --all sees it.
    repo.git("checkout -q -b side");
    repo.write("side.txt", "side card 4526018159083012\n");
    const std::string side = repo.commit("side");
    repo.git("checkout -q main");

    const std::set<Expected> head = {
        {pan, "notes.txt", 2, appended},
        {pan, "settings.txt", 2, edited},
        {pan, "feature.txt", 2, on_branch},
        {pan, "log.csv", 3, logged},
    };
    const std::string dir = repo.dir().string();
    CHECK(findings_of(dir + " --git-history") == head);
    CHECK(findings_of(dir + " --git-history --plain-path") == head);

    std::set<Expected> all = head;
    all.emplace(pan, "side.txt", 1, side);
    CHECK(findings_of(dir + " --git-history --all") == all);
    CHECK(findings_of(dir + " --git-history --all --plain-path") == all);

    // After `removed`: the re-added card is that commit's; the deleted notes are gone.
    const std::set<Expected> since = {
        {pan, "settings.txt", 2, readded},
        {pan, "feature.txt", 2, on_branch},
        {pan, "log.csv", 3, logged},
    };
    CHECK(findings_of(dir + " --git-history --since " + removed) == since);
    CHECK(merge != on_branch);
}

TEST_CASE("git history: the changed-lines prefilter and full line diffs report the same", "[git][content][e2e]") {
    Repo repo(ccscan::test::scratch_path("ccscan-git-history-edits"));
    const std::string card = "card 4929 5812 3456 7898";
    repo.write("f.txt", "a\nb\n");
    repo.commit("init");
    repo.write("f.txt", "a\nb");  // the last newline removed: no line added that can match
    repo.commit("no newline");
    repo.write("f.txt", "a\nb\n" + card + "\n");  // "b" becomes "b\n": a modification, not an append
    const std::string after_b = repo.commit("card after b");
    // Equal lines around an inserted one: the diff may place the insertion anywhere in the run.
    repo.write("g.txt", "x\nx\nx\n");
    repo.commit("run of x");
    repo.write("g.txt", "x\nx\ncard 4539 1488 0343 6467 x\nx\nx\n");
    const std::string in_run = repo.commit("card in a run");
    repo.write("h.txt", "id\r\n1\r\n");
    repo.commit("crlf");
    repo.write("h.txt", "id\r\n0,card 4716 1902 0739 4368\r\n1\r\n");
    const std::string crlf = repo.commit("card in crlf");
    repo.write("f.txt", "");
    repo.commit("emptied");
    const std::string dir = repo.dir().string();
    const std::set<Expected> expected = {
        {"CCS-CONTENT-001", "f.txt", 3, after_b},
        {"CCS-CONTENT-001", "g.txt", 3, in_run},
        {"CCS-CONTENT-001", "h.txt", 2, crlf},
    };
    CHECK(findings_of(dir + " --git-history") == expected);
    CHECK(findings_of(dir + " --git-history --plain-path") == expected);
}
