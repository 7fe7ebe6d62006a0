#include "analyzers/git_handle.h"

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

GitRepository open_repository(const std::string& path) {
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) return GitRepository();
    return GitRepository(raw);
}

}  // namespace ccscan::analyzers
