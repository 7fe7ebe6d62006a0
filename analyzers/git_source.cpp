#include "analyzers/git_source.h"

#include <algorithm>

#include "analyzers/git_handle.h"
#include "analyzers/git_history.h"

namespace ccscan::analyzers {

struct GitRepo::Impl {
    GitRepository repo;
    std::string path;
};

namespace {


}  // namespace

GitRepo::~GitRepo() = default;

Result<std::shared_ptr<GitRepo>> GitRepo::open(const std::string& path) {
    if (!may_be_in_repository(path))
        return make_diagnostic("git-error", path, {}, "not a git repository: no .git in this folder or any parent");
    ensure_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) return git_failure(path, "not a git repository");
    std::shared_ptr<GitRepo> r(new GitRepo());
    r->m_impl = std::make_unique<Impl>();
    r->m_impl->repo.reset(raw);
    r->m_impl->path = path;
    return r;
}

std::string GitRepo::workdir() const {
    const char* w = git_repository_workdir(m_impl->repo.get());
    return w ? w : "";
}

std::string GitRepo::head_commit() {
    std::lock_guard<std::mutex> lock(m_mutex);
    git_oid oid;
    if (git_reference_name_to_id(&oid, m_impl->repo.get(), "HEAD") != 0) return {};
    return oid_hex(&oid);
}

Result<std::vector<GitTreeFile>> GitRepo::tree_files(const std::string& rev, std::string& commit_out) {
    std::lock_guard<std::mutex> lock(m_mutex);
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, m_impl->repo.get(), (rev + "^{commit}").c_str()) != 0) {
        return git_failure(m_impl->path, "cannot resolve '" + rev + "' to a commit");
    }
    GitObject commit_obj(obj);
    commit_out = oid_hex(git_object_id(obj));
    git_tree* tree_raw = nullptr;
    if (git_commit_tree(&tree_raw, reinterpret_cast<git_commit*>(obj)) != 0)
        return git_failure(m_impl->path, "cannot read the tree of " + rev);
    GitTree tree(tree_raw);
    struct Ctx {
        git_repository* repo;
        std::vector<GitTreeFile> files;
    } ctx{m_impl->repo.get(), {}};
    auto cb = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
        auto* c = static_cast<Ctx*>(payload);
        GitTreeFile f;
        f.path = std::string(root) + git_tree_entry_name(entry);
        f.oid = oid_hex(git_tree_entry_id(entry));
        git_object_size_t size = 0;
        git_odb* odb = nullptr;
        if (git_repository_odb(&odb, c->repo) == 0) {
            std::size_t len = 0;
            git_object_t type;
            if (git_odb_read_header(&len, &type, odb, git_tree_entry_id(entry)) == 0) size = len;
            git_odb_free(odb);
        }
        f.size = size;
        c->files.push_back(std::move(f));
        return 0;
    };
    if (git_tree_walk(tree.get(), GIT_TREEWALK_PRE, cb, &ctx) != 0) return git_failure(m_impl->path, "cannot walk the tree of " + rev);
    std::sort(ctx.files.begin(), ctx.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return ctx.files;
}

Result<std::string> GitRepo::read_blob(const std::string& oid_text) {
    std::lock_guard<std::mutex> lock(m_mutex);
    git_oid oid;
    if (git_oid_fromstr(&oid, oid_text.c_str()) != 0) return git_failure(m_impl->path, "bad object id");
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, m_impl->repo.get(), &oid) != 0) return git_failure(m_impl->path, "cannot read blob " + oid_text);
    GitBlob blob(raw);
    return std::string(static_cast<const char*>(git_blob_rawcontent(raw)), static_cast<std::size_t>(git_blob_rawsize(raw)));
}

Result<std::vector<std::string>> GitRepo::changed_since(const std::string& rev) {
    std::lock_guard<std::mutex> lock(m_mutex);
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, m_impl->repo.get(), (rev + "^{tree}").c_str()) != 0) {
        return git_failure(m_impl->path, "cannot resolve '" + rev + "'");
    }
    GitObject tree_obj(obj);
    // The libgit2 *_INIT macros are partial aggregate initialisers (clang's
    // -Wmissing-field-initializers); the *_init functions fill the same defaults.
    git_diff_options opts{};
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
    git_diff* raw = nullptr;
    if (git_diff_tree_to_workdir_with_index(&raw, m_impl->repo.get(), reinterpret_cast<git_tree*>(obj), &opts) != 0) {
        return git_failure(m_impl->path, "cannot diff against " + rev);
    }
    GitDiff diff(raw);
    git_diff_find_options find{};
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_COPIES | GIT_DIFF_FIND_FOR_UNTRACKED;
    git_diff_find_similar(raw, &find);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < git_diff_num_deltas(raw); ++i) {
        const git_diff_delta* d = git_diff_get_delta(raw, i);
        switch (d->status) {
            case GIT_DELTA_ADDED:
            case GIT_DELTA_MODIFIED:
            case GIT_DELTA_RENAMED:
            case GIT_DELTA_COPIED:
            case GIT_DELTA_UNTRACKED:
            case GIT_DELTA_TYPECHANGE:
                out.emplace_back(d->new_file.path);
                break;
            default:
                break;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Result<std::vector<GitAddition>> GitRepo::history(const std::string& since, bool all, const TextPrefilter& may_match) {
    std::lock_guard<std::mutex> lock(m_mutex);
    return walk_history(m_impl->repo.get(), m_impl->path, since, all, may_match);
}

bool looks_like_git_url(const std::string& t) {
    return t.rfind("https://", 0) == 0 || t.rfind("http://", 0) == 0 || t.rfind("ssh://", 0) == 0 ||
           t.rfind("git://", 0) == 0 || t.rfind("file://", 0) == 0 || (t.rfind("git@", 0) == 0 && t.find(':') != std::string::npos);
}

std::string mask_url_credentials(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const auto host_end = url.find_first_of("/?#", scheme + 3);
    const auto at = url.rfind('@', host_end == std::string::npos ? std::string::npos : host_end);
    if (at == std::string::npos || at < scheme + 3) return url;
    return url.substr(0, scheme + 3) + "****" + url.substr(at);
}

Result<bool> clone_repository(const std::string& url, const std::string& folder, const std::string& ca_bundle) {
    ensure_libgit2();
    // libgit2 1.5 (Debian 12) cannot fetch shallow (depth arrived in 1.7): the clone is full.
    if (!ca_bundle.empty() && git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, ca_bundle.c_str(), nullptr) != 0) {
        return git_failure(ca_bundle, "cannot use the CA bundle");
    }
    git_clone_options opts{};
    git_clone_options_init(&opts, GIT_CLONE_OPTIONS_VERSION);
    opts.checkout_opts.checkout_strategy = GIT_CHECKOUT_SAFE;
    git_repository* raw = nullptr;
    if (git_clone(&raw, url.c_str(), folder.c_str(), &opts) != 0) {
        // libgit2's message may quote the URL, user:token@ included.
        Diagnostic d = git_failure(mask_url_credentials(url), "cannot clone");
        const auto scheme = url.find("://");
        const auto at = url.find('@');
        if (scheme != std::string::npos && at != std::string::npos && at > scheme + 3) {
            const std::string userinfo = url.substr(scheme + 3, at - scheme - 3);
            for (auto p = d.message.find(userinfo); p != std::string::npos; p = d.message.find(userinfo)) d.message.replace(p, userinfo.size(), "****");
        }
        return d;
    }
    GitRepository repo(raw);
    return true;
}

}  // namespace ccscan::analyzers
