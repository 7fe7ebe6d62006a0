#include "analyzers/discovery.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "analyzers/git_handle.h"
#include "analyzers/glob.h"

namespace ccscan::analyzers {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_max_walk_depth = 256;

bool is_within(const fs::path& target, const fs::path& root) {
    fs::path rel = target.lexically_relative(root);
    return !rel.empty() && *rel.begin() != "..";
}

// .gitignore rules of the repository around the scan root, through libgit2. Files tracked in
// the index are scanned even when an ignore rule matches them, as git itself keeps them.
class GitIgnore {
public:
    explicit GitIgnore(const fs::path& root) {
        m_repo = open_repository(root.string());
        if (!m_repo || git_repository_is_bare(m_repo.get())) {
            reset();
            return;
        }
        const char* workdir = git_repository_workdir(m_repo.get());
        std::error_code ec;
        fs::path wd = workdir ? fs::canonical(workdir, ec) : fs::path();
        if (!workdir || ec || (root != wd && !is_within(root, wd))) {
            reset();
            return;
        }
        std::string prefix = root.lexically_relative(wd).generic_string();
        m_prefix = (prefix.empty() || prefix == ".") ? std::string() : prefix + "/";
        git_index* index = nullptr;
        if (git_repository_index(&index, m_repo.get()) == 0) m_index.reset(index);
    }

    bool ignored(const std::string& rel, bool is_dir) const {
        if (!m_repo) return false;
        std::string p = m_prefix + rel;
        if (m_index && tracked(p, is_dir)) return false;
        int ignored = 0;
        if (git_ignore_path_is_ignored(&ignored, m_repo.get(), p.c_str()) != 0) return false;
        return ignored == 1;
    }

private:
    void reset() {
        m_repo.reset();
        m_index.reset();
    }
    bool tracked(const std::string& p, bool is_dir) const {
        if (!is_dir) return git_index_get_bypath(m_index.get(), p.c_str(), 0) != nullptr;
        std::size_t pos = 0;
        return git_index_find_prefix(&pos, m_index.get(), (p + "/").c_str()) == 0;
    }

    GitRepository m_repo;
    GitIndex m_index;
    std::string m_prefix;
};

class Walker {
public:
    Walker(const fs::path& root, const DiscoveryOptions& options, std::vector<Diagnostic>& diags)
        : m_root(root), m_options(options), m_diags(diags) {
        std::error_code ec;
        m_root_canonical = fs::canonical(root, ec);
        if (ec) m_root_canonical = fs::absolute(root, ec).lexically_normal();
        if (options.use_gitignore) m_ignore.emplace(m_root_canonical);
    }

    std::vector<DiscoveredFile> run() {
        m_stack.push_back({m_root, std::string(), 0});
        while (!m_stack.empty()) {
            Pending dir = std::move(m_stack.back());
            m_stack.pop_back();
            list_directory(dir);
        }
        std::sort(m_out.begin(), m_out.end(),
                  [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.path < b.path; });
        return std::move(m_out);
    }

private:
    struct Pending {
        fs::path abs;
        std::string rel;
        std::size_t depth;
    };

    void skip(const std::string& rel, const fs::path& abs, std::uint64_t size, std::string reason) {
        m_out.push_back({rel, abs.string(), size, std::move(reason)});
    }

    static bool is_cache_folder(const fs::path& dir) {
        std::ifstream tag(dir / "CACHEDIR.TAG", std::ios::binary);
        char head[43] = {};
        return tag && tag.read(head, sizeof head) && std::string_view(head, sizeof head) == "Signature: 8a477f597d28d172789f06886806bc55";
    }

    void list_directory(const Pending& dir) {
        std::error_code ec;
        fs::directory_iterator it(dir.abs, ec);
        if (ec) {
            if (dir.rel.empty()) {
                m_diags.push_back(make_diagnostic("io-error", dir.abs.string(), {}, "cannot read folder: " + ec.message()));
            } else {
                skip(dir.rel + "/", dir.abs, 0, "unreadable: " + ec.message());
            }
            return;
        }
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            const fs::directory_entry& entry = *it;
            std::string name = entry.path().filename().string();
            if (name == ".git") continue;
            entry_found(entry, dir.rel.empty() ? name : dir.rel + "/" + name, dir.depth);
        }
        if (ec) skip(dir.rel + "/", dir.abs, 0, "unreadable: listing stopped: " + ec.message());
    }

    void entry_found(const fs::directory_entry& entry, const std::string& rel, std::size_t depth) {
        std::error_code ec;
        fs::file_status st = entry.symlink_status(ec);
        if (ec) return skip(rel, entry.path(), 0, "unreadable: " + ec.message());
        bool is_dir = fs::is_directory(st);
        if (excluded_or_ignored(rel, entry.path(), is_dir)) return;
        if (fs::is_symlink(st)) return symlink_found(entry.path(), rel);
        if (is_dir) {
            // A cache folder (the CACHEDIR.TAG convention; ccscan's own result cache is one) is
            // not part of what is scanned, even when it lives inside the tree.
            if (is_cache_folder(entry.path())) return skip(rel + "/", entry.path(), 0, "cache folder (CACHEDIR.TAG)");
            if (depth + 1 > k_max_walk_depth) {
                m_diags.push_back(make_diagnostic("walk-depth", rel, {}, "folders nested deeper than " +
                                                  std::to_string(k_max_walk_depth) + " levels were not walked"));
                return skip(rel + "/", entry.path(), 0, "too deeply nested");
            }
            m_stack.push_back({entry.path(), rel, depth + 1});
            return;
        }
        if (!fs::is_regular_file(st)) return skip(rel, entry.path(), 0, "not a regular file");
        file_found(entry.path(), entry.path(), rel);
    }

    // True when the entry was listed as skipped because a pattern or .gitignore rule covers it.
    bool excluded_or_ignored(const std::string& rel, const fs::path& abs, bool is_dir) {
        std::string shown = is_dir ? rel + "/" : rel;
        for (const std::string& pattern : m_options.excludes) {
            if (glob_match(pattern, shown)) {
                skip(shown, abs, 0, "excluded by pattern '" + pattern + "'");
                return true;
            }
        }
        if (m_ignore && m_ignore->ignored(rel, is_dir)) {
            skip(shown, abs, 0, "ignored by .gitignore");
            return true;
        }
        return false;
    }

    void symlink_found(const fs::path& abs, const std::string& rel) {
        std::error_code ec;
        fs::path target = fs::canonical(abs, ec);
        if (ec) return skip(rel, abs, 0, "broken symbolic link");
        bool inside = target == m_root_canonical || is_within(target, m_root_canonical);
        fs::file_status st = fs::status(target, ec);
        if (fs::is_directory(st)) {
            return skip(rel, abs, 0, inside ? "symbolic link to a folder inside the scan root (scanned at its real path)"
                                            : "symbolic link to a folder outside the scan root");
        }
        if (!inside) return skip(rel, abs, 0, "symbolic link to a file outside the scan root");
        if (!fs::is_regular_file(st)) return skip(rel, abs, 0, "not a regular file");
        file_found(abs, target, rel);
    }

    void file_found(const fs::path& abs, const fs::path& real, const std::string& rel) {
        std::error_code ec;
        std::uint64_t size = fs::file_size(real, ec);
        if (ec) return skip(rel, abs, 0, "unreadable: " + ec.message());
        if (size > m_options.max_file_size) {
            return skip(rel, abs, size, "too large (" + std::to_string(size) + " bytes, limit " +
                                            std::to_string(m_options.max_file_size) + ")");
        }
        if (::access(real.c_str(), R_OK) != 0) return skip(rel, abs, size, std::string("unreadable: ") + std::strerror(errno));
        m_out.push_back({rel, abs.string(), size, std::string()});
    }

    fs::path m_root;
    fs::path m_root_canonical;
    const DiscoveryOptions& m_options;
    std::vector<Diagnostic>& m_diags;
    std::optional<GitIgnore> m_ignore;
    std::vector<Pending> m_stack;
    std::vector<DiscoveredFile> m_out;
};

std::vector<DiscoveredFile> discover_file(const fs::path& file, const DiscoveryOptions& options) {
    DiscoveredFile d{file.filename().string(), file.string(), 0, std::string()};
    std::error_code ec;
    d.size = fs::file_size(file, ec);
    if (ec) d.skip_reason = "unreadable: " + ec.message();
    else if (d.size > options.max_file_size) {
        d.skip_reason = "too large (" + std::to_string(d.size) + " bytes, limit " + std::to_string(options.max_file_size) + ")";
    } else if (::access(file.c_str(), R_OK) != 0) {
        d.skip_reason = std::string("unreadable: ") + std::strerror(errno);
    }
    return {d};
}

}  // namespace

std::vector<DiscoveredFile> discover(const std::string& root_or_file, const DiscoveryOptions& options,
                                     std::vector<Diagnostic>& diags) {
    fs::path target(root_or_file);
    std::error_code ec;
    fs::file_status st = fs::status(target, ec);
    if (ec || !fs::exists(st)) {
        diags.push_back(make_diagnostic("io-error", root_or_file, {}, "no such file or folder"));
        return {};
    }
    if (fs::is_directory(st)) return Walker(target, options, diags).run();
    if (!fs::is_regular_file(st)) return {{target.filename().string(), root_or_file, 0, "not a regular file"}};
    return discover_file(target, options);
}

}  // namespace ccscan::analyzers
