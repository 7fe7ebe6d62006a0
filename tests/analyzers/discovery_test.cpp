#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "analyzers/discovery.h"
#include "analyzers/git_handle.h"

using namespace ccscan::analyzers;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed when the test ends.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name) {
        path = fs::temp_directory_path() / ("ccscan-discovery-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void write(const std::string& rel, const std::string& content) const {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel, std::ios::binary) << content;
    }
};

std::map<std::string, DiscoveredFile> by_path(const std::vector<DiscoveredFile>& files) {
    std::map<std::string, DiscoveredFile> out;
    for (const DiscoveredFile& f : files) out[f.path] = f;
    return out;
}

std::vector<DiscoveredFile> run(const fs::path& root, DiscoveryOptions options = {}) {
    std::vector<Diagnostic> diags;
    auto files = discover(root.string(), options, diags);
    CHECK(diags.empty());
    return files;
}

}  // namespace

TEST_CASE("discovery: walks folders in sorted order, skips .git, keeps odd names", "[discovery]") {
    TempDir t("walk");
    t.write("b.json", "{}");
    t.write("a/z.yaml", "a: 1\n");
    t.write("a/dir with space/caf\xC3\xA9.xml", "<x/>");
    t.write("odd\nname.conf", "[s]\n");
    t.write(".git/config", "[core]\n");
    t.write(".hidden/x.tf", "locals {}\n");
    t.write("node_modules/pkg/index.js", "1;");
    auto files = run(t.path);
    std::vector<std::string> paths;
    for (const auto& f : files) paths.push_back(f.path);
    CHECK(paths == std::vector<std::string>{".hidden/x.tf", "a/dir with space/caf\xC3\xA9.xml", "a/z.yaml", "b.json",
                                            "node_modules/pkg/index.js", "odd\nname.conf"});
    auto m = by_path(files);
    CHECK(m["b.json"].size == 2);
    CHECK(m["b.json"].skip_reason.empty());
    CHECK(fs::path(m["a/z.yaml"].abs_path) == t.path / "a" / "z.yaml");
    std::ifstream in(m["odd\nname.conf"].abs_path);
    CHECK(in.good());
}

TEST_CASE("discovery: excludes and size cap are listed as skipped with reasons", "[discovery]") {
    TempDir t("skip");
    t.write("keep.json", "{}");
    t.write("app.log", "x");
    t.write("vendor/lib/a.js", "1;");
    t.write("vendor/lib/b.js", "2;");
    t.write("big.json", std::string(2000, ' ') + "{}");
    DiscoveryOptions options;
    options.excludes = {"*.log", "vendor"};
    options.max_file_size = 1000;
    auto files = run(t.path, options);
    auto m = by_path(files);
    REQUIRE(files.size() == 4);  // vendor/ once, not file by file
    CHECK(m["keep.json"].skip_reason.empty());
    CHECK(m["app.log"].skip_reason == "excluded by pattern '*.log'");
    CHECK(m["vendor/"].skip_reason == "excluded by pattern 'vendor'");
    CHECK(m["big.json"].skip_reason == "too large (2002 bytes, limit 1000)");
    CHECK(m["big.json"].size == 2002);
}

TEST_CASE("discovery: symbolic links never loop and never leave the root", "[discovery]") {
    TempDir outside("outside");
    outside.write("secret.json", "{}");
    TempDir t("links");
    t.write("real/flow.json", "{}");
    fs::create_directory_symlink("..", t.path / "real" / "loop");
    fs::create_directory_symlink(t.path / "real", t.path / "alias");
    fs::create_directory_symlink(outside.path, t.path / "out");
    fs::create_symlink(outside.path / "secret.json", t.path / "out.json");
    fs::create_symlink(t.path / "real" / "flow.json", t.path / "same.json");
    fs::create_symlink(t.path / "missing.json", t.path / "dangling.json");
    REQUIRE(::mkfifo((t.path / "pipe").c_str(), 0600) == 0);
    auto files = run(t.path);
    auto m = by_path(files);
    CHECK(files.size() == 8);
    CHECK(m["real/flow.json"].skip_reason.empty());
    CHECK(m["same.json"].skip_reason.empty());  // a link to a file inside the root is scanned
    CHECK(m["same.json"].size == 2);
    CHECK(m["real/loop"].skip_reason.find("inside the scan root") != std::string::npos);
    CHECK(m["alias"].skip_reason.find("inside the scan root") != std::string::npos);
    CHECK(m["out"].skip_reason == "symbolic link to a folder outside the scan root");
    CHECK(m["out.json"].skip_reason == "symbolic link to a file outside the scan root");
    CHECK(m["dangling.json"].skip_reason == "broken symbolic link");
    CHECK(m["pipe"].skip_reason == "not a regular file");
}

TEST_CASE("discovery: .gitignore rules apply inside a git repository", "[discovery]") {
    TempDir t("git");
    ensure_libgit2();
    git_repository* raw = nullptr;
    REQUIRE(git_repository_init(&raw, t.path.c_str(), 0) == 0);
    GitRepository repo(raw);
    t.write(".gitignore", "*.log\nbuild/\n");
    t.write("flow.json", "{}");
    t.write("debug.log", "x");
    t.write("tracked.log", "y");
    t.write("build/out/a.json", "{}");
    t.write("sub/.gitignore", "local.yaml\n");
    t.write("sub/local.yaml", "a: 1\n");
    t.write("sub/other.yaml", "a: 1\n");
    git_index* raw_index = nullptr;
    REQUIRE(git_repository_index(&raw_index, repo.get()) == 0);
    GitIndex index(raw_index);
    REQUIRE(git_index_add_bypath(index.get(), "tracked.log") == 0);
    REQUIRE(git_index_write(index.get()) == 0);

    auto m = by_path(run(t.path));
    CHECK(m["flow.json"].skip_reason.empty());
    CHECK(m["debug.log"].skip_reason == "ignored by .gitignore");
    CHECK(m["tracked.log"].skip_reason.empty());  // tracked files stay in scope
    CHECK(m["build/"].skip_reason == "ignored by .gitignore");
    CHECK(m.count("build/out/a.json") == 0);
    CHECK(m["sub/local.yaml"].skip_reason == "ignored by .gitignore");
    CHECK(m["sub/other.yaml"].skip_reason.empty());
    CHECK(m.count(".git/config") == 0);

    // Scanning a sub-folder of the repository still applies the repository's rules.
    auto sub = by_path(run(t.path / "sub"));
    CHECK(sub["local.yaml"].skip_reason == "ignored by .gitignore");
    CHECK(sub["other.yaml"].skip_reason.empty());

    DiscoveryOptions no_ignore;
    no_ignore.use_gitignore = false;
    auto all = by_path(run(t.path, no_ignore));
    CHECK(all["debug.log"].skip_reason.empty());
    CHECK(all["build/out/a.json"].skip_reason.empty());
}

TEST_CASE("discovery: a file target, a missing target, an unreadable file", "[discovery]") {
    TempDir t("file");
    t.write("one/flow.json", "{\"a\":1}");
    auto files = run(t.path / "one" / "flow.json");
    REQUIRE(files.size() == 1);
    CHECK(files[0].path == "flow.json");
    CHECK(files[0].size == 7);
    CHECK(files[0].skip_reason.empty());

    std::vector<Diagnostic> diags;
    CHECK(discover((t.path / "nope").string(), {}, diags).empty());
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "io-error");

    t.write("locked.json", "{}");
    ::chmod((t.path / "locked.json").c_str(), 0);
    auto m = by_path(run(t.path));
    if (::geteuid() != 0) {
        CHECK(m["locked.json"].skip_reason.rfind("unreadable: ", 0) == 0);
    } else {
        CHECK(m["locked.json"].skip_reason.empty());  // root reads everything
    }
}
