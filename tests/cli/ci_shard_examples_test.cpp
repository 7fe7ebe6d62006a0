// The sharded CI examples, run locally: the scan and merge commands are read from
// examples/ci/github-actions-sharded.yml and examples/ci/kubernetes-indexed-job.yaml (yaml-cpp),
// run with their variables set as the runner / Job controller would (matrix value,
// JOB_COMPLETION_INDEX, RUNNER_TEMP, the artifact transfer between jobs), on a copy of the
// example contact center; the merged reports are byte-identical to one run's.
#include <cstdlib>
#include <filesystem>
#include <regex>

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include "tests/cli/shard_support.h"
#include "tests/scratch.h"

namespace {

namespace fs = std::filesystem;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// Runs `command` with sh in `cwd`, ccscan from the build on PATH.
void run_sh(const std::string& command, const fs::path& cwd, const std::string& env = "") {
    const std::string bin = fs::path(CCSCAN_BINARY).parent_path().string();
    const std::string full = "cd '" + cwd.string() + "' && export PATH='" + bin + "':\"$PATH\" " + env + " && { " + command + "\n} >/dev/null 2>&1";
    INFO(full);
    const int status = std::system(("/bin/sh -c \"$(cat <<'CCSCAN_EOF'\n" + full + "\nCCSCAN_EOF\n)\"").c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) <= 1);  // 1: findings at or above --fail-on (the example has some)
}

// The one `run` of the job's steps that calls `ccscan <verb>`.
std::string step_run(const YAML::Node& job, const std::string& verb) {
    std::string found;
    for (const YAML::Node& step : job["steps"]) {
        if (!step["run"]) continue;
        const std::string run = step["run"].as<std::string>();
        if (run.find("ccscan " + verb) != std::string::npos) {
            CHECK(found.empty());
            found = run;
        }
    }
    REQUIRE_FALSE(found.empty());
    while (!found.empty() && found.back() == '\n') found.pop_back();
    return found;
}

// The single run a sharded scan stands for: the scan command without --shard, rendering the
// merge's formats with its render flags.
std::string single_run(const std::string& scan, const std::string& merge, const std::string& out) {
    std::smatch formats, category;
    REQUIRE(std::regex_search(merge, formats, std::regex("--format (\\S+)")));
    std::string cmd = std::regex_replace(scan, std::regex(" --shard \\S+"), "");
    cmd = std::regex_replace(cmd, std::regex("--format \\S+"), "--format " + formats[1].str());
    cmd = std::regex_replace(cmd, std::regex("--output \\S+( && .*)?"), "--output " + out + "/");
    if (std::regex_search(merge, category, std::regex("--category \\S+"))) cmd += " " + category[0].str();
    return cmd;
}

fs::path checkout(const fs::path& dir) {
    const fs::path src = dir / "src";
    fs::create_directories(dir);
    fs::copy(ccscan::test::source_dir() + "/examples/acme-contact-center", src, fs::copy_options::recursive);
    return src;
}

}  // namespace

TEST_CASE("ci shard examples: the GitHub Actions matrix and merge job give one run's reports", "[e2e][ci][shard]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-ci-shard-gha");
    fs::remove_all(dir);
    const fs::path src = checkout(dir);
    const YAML::Node wf = YAML::LoadFile(ccscan::test::source_dir() + "/examples/ci/github-actions-sharded.yml");
    const YAML::Node scan_job = wf["jobs"]["scan"], merge_job = wf["jobs"]["merge"];
    const std::string scan = step_run(scan_job, "scan"), merge = step_run(merge_job, "report");
    // upload-artifact path (per shard) -> download-artifact path (all shards).
    std::string upload, download;
    for (const YAML::Node& s : scan_job["steps"])
        if (s["uses"] && s["uses"].as<std::string>().starts_with("actions/upload-artifact")) upload = s["with"]["path"].as<std::string>();
    for (const YAML::Node& s : merge_job["steps"])
        if (s["uses"] && s["uses"].as<std::string>().starts_with("actions/download-artifact")) download = s["with"]["path"].as<std::string>();
    REQUIRE_FALSE(upload.empty());
    REQUIRE_FALSE(download.empty());
    const fs::path temp = dir / "runner-temp";
    fs::create_directories(temp);
    auto runner = [&](std::string s) { return replace_all(s, "${{ runner.temp }}", temp.string()); };
    const std::string env = "RUNNER_TEMP='" + temp.string() + "'";
    const YAML::Node shards = scan_job["strategy"]["matrix"]["shard"];
    REQUIRE(shards.size() == 3);
    fs::create_directories(runner(download));
    for (const YAML::Node& k : shards) {
        const std::string value = k.as<std::string>();
        run_sh(replace_all(scan, "${{ matrix.shard }}", value), src, env);
        const fs::path artifact = runner(replace_all(upload, "${{ matrix.shard }}", value));
        REQUIRE(fs::exists(artifact));
        fs::copy_file(artifact, fs::path(runner(download)) / artifact.filename());
    }
    // Before the merge writes ccscan-out/ into the checkout (the scans must see the same tree).
    run_sh(single_run(replace_all(scan, "${{ matrix.shard }}", "1"), merge, (dir / "single").string()), src, env);
    run_sh(merge, src, env);
    ccscan::test::require_same_folder(dir / "single", src / "ccscan-out");
    fs::remove_all(dir);
}

TEST_CASE("ci shard examples: the Kubernetes Indexed Job and merge Job give one run's reports", "[e2e][ci][shard]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-ci-shard-k8s");
    fs::remove_all(dir);
    const fs::path src = checkout(dir), results = dir / "results";
    fs::create_directories(results);
    std::string scan, merge;
    int completions = 0;
    for (const YAML::Node& doc : YAML::LoadAllFromFile(ccscan::test::source_dir() + "/examples/ci/kubernetes-indexed-job.yaml")) {
        if (!doc["kind"] || doc["kind"].as<std::string>() != "Job") continue;
        const YAML::Node container = doc["spec"]["template"]["spec"]["containers"][0];
        const std::string args = container["args"][0].as<std::string>();
        if (doc["spec"]["completionMode"] && doc["spec"]["completionMode"].as<std::string>() == "Indexed") {
            scan = args;
            completions = doc["spec"]["completions"].as<int>();
        } else {
            merge = args;
        }
    }
    REQUIRE(completions == 3);
    REQUIRE(scan.find("ccscan scan") != std::string::npos);
    REQUIRE(merge.find("ccscan report --merge") != std::string::npos);
    // The pods' mounts, here folders: /src the checkout, /results the shared volume.
    auto mounted = [&](std::string s) { return replace_all(replace_all(s, "/src", src.string()), "/results", results.string()); };
    for (int i = 0; i < completions; ++i) run_sh(mounted(scan), dir, "JOB_COMPLETION_INDEX=" + std::to_string(i));
    run_sh(mounted(merge), dir);
    run_sh(mounted(single_run(scan, merge, (dir / "single").string())), dir);
    ccscan::test::require_same_folder(dir / "single", results / "merged");
    fs::remove_all(dir);
}
