#include "cli/hash_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/rand.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace ccscan::cli {

namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return trimmed(ss.str());
}

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) return {};
    static const char* k_hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) {
        out += k_hex[c >> 4];
        out += k_hex[c & 15];
    }
    return out;
}

// Creates the key file exclusively (two scans starting at once: one creates, the other reads).
std::string create_installation_key(const std::string& path) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    ::chmod(fs::path(path).parent_path().c_str(), 0700);
    std::string key = random_hex(32);
    if (key.empty()) return {};
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return read_file(path);
    std::string line = key + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!ok) {
        ::unlink(path.c_str());
        return {};
    }
    return key;
}

}  // namespace

analyzers::Result<std::string> read_key_file(const std::string& path, const std::string& what) {
    std::string key = read_file(path);
    if (key.empty()) return analyzers::make_diagnostic("config", path, {}, what + " file is missing, unreadable or empty");
    return key;
}

std::string installation_key_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return (fs::path(xdg) / "ccscan" / "redaction.key").string();
    const char* home = std::getenv("HOME");
    if (home && *home) return (fs::path(home) / ".config" / "ccscan" / "redaction.key").string();
    return {};
}

analyzers::Result<std::string> resolve_hash_key(const HashKeyRequest& req) {
    if (!req.key_file.empty()) return read_key_file(req.key_file, "redaction key");
    if (const char* k = std::getenv("CCSCAN_FINGERPRINT_KEY"); k && *k) return std::string(k);
    if (!req.config_key.empty()) return req.config_key;
    const std::string path = installation_key_path();
    if (path.empty()) return std::string();
    std::string key = read_file(path);
    return key.empty() ? create_installation_key(path) : key;
}

}  // namespace ccscan::cli
