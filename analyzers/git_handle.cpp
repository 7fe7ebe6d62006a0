#include "analyzers/git_handle.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace ccscan::analyzers {

void ensure_libgit2() {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_git_error() {
    const git_error* e = git_error_last();
    return e && e->message ? std::string(e->message) : std::string("unknown libgit2 error");
}

Diagnostic git_failure(const std::string& where, const std::string& what) {
    return make_diagnostic("git-error", where, {}, what + ": " + last_git_error());
}

std::string oid_hex(const git_oid* oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, oid);
    return buf;
}

bool may_be_in_repository(const std::string& path) {
    namespace fs = std::filesystem;
    if (const char* dir = std::getenv("GIT_DIR"); dir && *dir) return true;
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    if (ec) return true;
    for (;;) {
        if (fs::exists(p / ".git", ec)) return true;
        if (fs::exists(p / "HEAD", ec) && fs::is_directory(p / "objects", ec) && fs::is_directory(p / "refs", ec)) return true;
        if (!p.has_parent_path() || p.parent_path() == p) return false;
        p = p.parent_path();
    }
}

GitRepository open_repository(const std::string& path) {
    if (!may_be_in_repository(path)) return GitRepository();
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) return GitRepository();
    return GitRepository(raw);
}

}  // namespace ccscan::analyzers
