// The fake vendor API of the pull tests (tests/fixtures/pull/server.py): HTTPS on 127.0.0.1
// with a self-signed certificate made by `openssl req` for the test, started in the test's own
// scratch folder and stopped (SIGTERM, then waited for) when the object goes away. `available()`
// is false when python3 or openssl is missing, and the tests then skip with a warning.
#pragma once

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "tests/cli/run_binary.h"
#include "tests/read_file.h"
#include "tests/scratch.h"

namespace ccscan::test {

class PullServer {
public:
    static bool available() {
        return std::system("command -v python3 >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1") == 0;
    }

    // `routes`: a file under tests/fixtures/pull; `env`: NAME -> value for the server (expected
    // credentials, planted secrets). With `git_root`, the server is git smart HTTP
    // (tests/fixtures/pull/git_server.py) over the bare repositories in that folder instead.
    PullServer(const std::string& name, const std::string& routes, const std::map<std::string, std::string>& env,
               const std::string& git_root = "")
        : m_dir(scratch_path("ccscan-pull-" + name)) {
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        const std::string d = m_dir.string();
        const std::string gen = "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + d + "/key.pem -out " + d +
                                "/cert.pem -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 >/dev/null 2>&1";
        if (std::system(gen.c_str()) != 0) return;
        const std::string script = source_dir() + (git_root.empty() ? "/tests/fixtures/pull/server.py" : "/tests/fixtures/pull/git_server.py");
        const std::string routes_path = source_dir() + "/tests/fixtures/pull/" + routes;
        m_pid = fork();
        if (m_pid == 0) {
            for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
            if (!git_root.empty()) {
                execlp("python3", "python3", script.c_str(), "--root", git_root.c_str(), "--cert", (d + "/cert.pem").c_str(), "--key",
                       (d + "/key.pem").c_str(), "--port-file", (d + "/port").c_str(), "--max-seconds", "240", static_cast<char*>(nullptr));
                _exit(127);
            }
            execlp("python3", "python3", script.c_str(), "--routes", routes_path.c_str(), "--cert", (d + "/cert.pem").c_str(), "--key",
                   (d + "/key.pem").c_str(), "--port-file", (d + "/port").c_str(), "--log", (d + "/requests.log").c_str(), "--max-seconds",
                   "240", static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 200 && m_port.empty(); ++i) {  // at most 10 s
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::ifstream in(d + "/port");
            std::getline(in, m_port);
        }
    }
    ~PullServer() {
        if (m_pid > 0) {
            kill(m_pid, SIGTERM);
            int status = 0;
            waitpid(m_pid, &status, 0);
        }
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    PullServer(const PullServer&) = delete;
    PullServer& operator=(const PullServer&) = delete;

    bool running() const { return !m_port.empty(); }
    std::string url() const { return "https://127.0.0.1:" + m_port; }
    // libgit2 1.5 matches a certificate's DNS names only, not IP addresses: git URLs use localhost.
    std::string git_url(const std::string& userinfo, const std::string& repo) const {
        return "https://" + (userinfo.empty() ? "" : userinfo + "@") + "localhost:" + m_port + "/" + repo;
    }
    std::string ca() const { return (m_dir / "cert.pem").string(); }
    std::filesystem::path dir() const { return m_dir; }
    // Every request the server saw, one JSON object per line.
    std::vector<std::string> requests() const {
        std::ifstream in(m_dir / "requests.log");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        return lines;
    }

private:
    std::filesystem::path m_dir;
    pid_t m_pid = -1;
    std::string m_port;
};

// A file the test needs (tests/read_file.h: the test stops when it is missing).
inline std::string read_all(const std::filesystem::path& p) { return read_file(p); }

// Every byte of every file under `dir`, with the file names.
inline std::string read_tree(const std::filesystem::path& dir) {
    std::string all;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (e.is_regular_file()) all += e.path().string() + "\n" + read_all(e.path()) + "\n";
    }
    return all;
}

}  // namespace ccscan::test
