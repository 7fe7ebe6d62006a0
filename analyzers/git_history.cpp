#include "analyzers/git_history.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>
#include <unordered_map>

#include "analyzers/git_handle.h"

namespace ccscan::analyzers {

namespace {

constexpr std::size_t k_cache_budget = 64u << 20;  // the last blob of each path, for its next diff
constexpr std::size_t k_text_budget = 256u << 20;  // added lines kept for the scan
constexpr std::size_t k_binary_probe = 8000;       // where libgit2 looks for a NUL (binary: no lines)

std::string iso_date(const git_time& t) {
    std::time_t secs = static_cast<std::time_t>(t.time);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

GitOrigin origin_of(git_commit* c) {
    GitOrigin o;
    o.commit = oid_hex(git_commit_id(c));
    const git_signature* a = git_commit_author(c);
    if (a) {
        o.author = std::string(a->name ? a->name : "") + " <" + (a->email ? a->email : "") + ">";
        o.date = iso_date(a->when);
    }
    return o;
}

std::uint32_t count_newlines(std::string_view s) { return static_cast<std::uint32_t>(std::count(s.begin(), s.end(), '\n')); }

bool is_binary(std::string_view s) { return std::memchr(s.data(), '\0', std::min(s.size(), k_binary_probe)) != nullptr; }

// Where the lines that differ begin and end in `next`: common first and last whole lines of
// `prev` and `next` trimmed (as the line diff trims them before it compares the rest).
std::string_view changed_middle(std::string_view prev, std::string_view next) {
    std::size_t p = 0;
    const std::size_t limit = std::min(prev.size(), next.size());
    while (p < limit && prev[p] == next[p]) ++p;
    if (p < prev.size() || p < next.size()) {
        const std::size_t nl = next.rfind('\n', p == 0 ? std::string_view::npos : p - 1);
        p = (p == 0 || nl == std::string_view::npos) ? 0 : nl + 1;
    }
    std::size_t s = 0;
    while (s < prev.size() - p && s < next.size() - p && prev[prev.size() - 1 - s] == next[next.size() - 1 - s]) ++s;
    const bool at_line_start = [&] {
        const std::size_t np = next.size() - s, op = prev.size() - s;
        return (np == p || next[np - 1] == '\n') && (op == p || prev[op - 1] == '\n');
    }();
    if (!at_line_start) {
        const std::size_t nl = next.find('\n', next.size() - s);
        s = nl == std::string_view::npos ? 0 : next.size() - nl - 1;
    }
    return next.substr(p, next.size() - s - p);
}

class Walker {
public:
    Walker(git_repository* repo, const TextPrefilter& may_match) : m_repo(repo), m_may_match(may_match) {
        git_odb* odb = nullptr;
        if (git_repository_odb(&odb, repo) == 0) m_odb = odb;
    }
    ~Walker() {
        if (m_odb) git_odb_free(m_odb);
    }
    Walker(const Walker&) = delete;
    Walker& operator=(const Walker&) = delete;

    // The additions of one commit, in the diff's (path) order.
    void add_commit(git_commit* c, std::vector<GitAddition>& out) {
        git_tree* new_raw = nullptr;
        if (git_commit_tree(&new_raw, c) != 0) return;
        GitTree new_tree(new_raw);
        GitTree old_tree;
        if (git_commit_parentcount(c) > 0) {
            git_commit* p_raw = nullptr;
            if (git_commit_parent(&p_raw, c, 0) == 0) {
                GitCommit parent(p_raw);
                git_tree* old_raw = nullptr;
                if (git_commit_tree(&old_raw, p_raw) == 0) old_tree.reset(old_raw);
            }
        }
        git_diff* d_raw = nullptr;
        git_diff_options opts = diff_options();
        opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK;  // tree to tree only: no blob is read here
        if (git_diff_tree_to_tree(&d_raw, m_repo, old_tree.get(), new_tree.get(), &opts) != 0) return;
        GitDiff diff(d_raw);
        const GitOrigin origin = origin_of(c);
        for (std::size_t i = 0; i < git_diff_num_deltas(d_raw); ++i) {
            const git_diff_delta* delta = git_diff_get_delta(d_raw, i);
            if (delta->status != GIT_DELTA_ADDED && delta->status != GIT_DELTA_MODIFIED) continue;
            if (delta->new_file.mode == GIT_FILEMODE_COMMIT) continue;  // a submodule: no blob here
            GitAddition add;
            add.path = delta->new_file.path;
            add.oid = oid_hex(&delta->new_file.id);
            add.origin = origin;
            if (delta->status == GIT_DELTA_ADDED ? added_file(delta, add) : modified_file(delta, add)) out.push_back(std::move(add));
        }
    }

private:
    static git_diff_options diff_options() {
        // The libgit2 *_INIT macros are partial aggregate initialisers; the *_init functions fill
        // the same defaults.
        git_diff_options opts{};
        git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
        opts.context_lines = 0;
        return opts;
    }

    bool read(const git_oid& oid, std::string& out) {
        git_odb_object* obj = nullptr;
        if (!m_odb || git_odb_read(&obj, m_odb, &oid) != 0) return false;
        out.assign(static_cast<const char*>(git_odb_object_data(obj)), git_odb_object_size(obj));
        git_odb_object_free(obj);
        return true;
    }

    // Every line of an added file is new; an empty file adds none. The same content added again
    // at the same path (a merge's first-parent diff re-adds what its branch added) can only
    // repeat what the first time found: listed, not scanned again.
    bool added_file(const git_diff_delta* delta, GitAddition& add) {
        std::size_t size = 0;
        git_object_t type;
        if (m_odb && git_odb_read_header(&size, &type, m_odb, &delta->new_file.id) == 0 && size == 0) return false;
        add.whole_blob = true;
        auto [first, inserted] = m_added.try_emplace(add.path + '\n' + add.oid, add.origin.commit.substr(0, 12));
        if (!inserted) add.skip_reason = "same content as " + first->second + ":" + add.path + ", scanned there";
        return true;
    }

    bool modified_file(const git_diff_delta* delta, GitAddition& add) {
        std::string next;
        if (!read(delta->new_file.id, next)) return false;
        std::string prev_read;
        const std::string* prev = nullptr;
        if (auto it = m_cache.find(add.path); it != m_cache.end() && git_oid_equal(&it->second.oid, &delta->old_file.id)) {
            prev = &it->second.bytes;
        } else if (read(delta->old_file.id, prev_read)) {
            prev = &prev_read;
        }
        const bool found = prev && lines_added(*prev, next, add);
        remember(add.path, delta->new_file.id, std::move(next));
        return found;
    }

    // False when `next` adds no line to `prev`.
    bool lines_added(const std::string& prev, const std::string& next, GitAddition& add) {
        if (is_binary(prev) || is_binary(next)) return false;  // the line diff has no lines for binary files
        const bool grew_at_end =
            prev.size() < next.size() && (prev.empty() || prev.back() == '\n') && std::memcmp(prev.data(), next.data(), prev.size()) == 0;
        if (grew_at_end) {
            const std::uint32_t first = count_newlines(prev) + 1;
            const std::uint32_t newlines = first - 1 + count_newlines(std::string_view(next).substr(prev.size()));
            const std::uint32_t last = next.back() == '\n' ? newlines : newlines + 1;
            for (std::uint32_t l = first; l <= last; ++l) add.added_lines.push_back(l);
            keep_text(next, add, prev.size(), first);
            return true;
        }
        // Every line the diff can add lies in the changed middle (a shifted run of equal lines
        // keeps the same texts): when no pattern occurs there, no line needs diffing.
        const std::string_view middle = changed_middle(prev, next);
        if (middle.empty()) return false;  // only lines removed
        if (m_may_match && !m_may_match(middle)) {
            add.skip_reason = "no content rule's pattern occurs in the lines this commit changed";
            return true;
        }
        if (!diff_lines(prev, next, add)) return false;
        keep_text(next, add, 0, 1);
        return true;
    }

    bool diff_lines(const std::string& prev, const std::string& next, GitAddition& add) {
        git_diff_options opts = diff_options();
        git_patch* p_raw = nullptr;
        if (git_patch_from_buffers(&p_raw, prev.data(), prev.size(), add.path.c_str(), next.data(), next.size(), add.path.c_str(), &opts) !=
                0 ||
            !p_raw)
            return false;
        GitPatch patch(p_raw);
        for (std::size_t h = 0; h < git_patch_num_hunks(p_raw); ++h) {
            const int lines = git_patch_num_lines_in_hunk(p_raw, h);
            for (int l = 0; l < lines; ++l) {
                const git_diff_line* line = nullptr;
                if (git_patch_get_line_in_hunk(&line, p_raw, h, static_cast<std::size_t>(l)) == 0 &&
                    line->origin == GIT_DIFF_LINE_ADDITION && line->new_lineno > 0)
                    add.added_lines.push_back(static_cast<std::uint32_t>(line->new_lineno));
            }
        }
        return !add.added_lines.empty();
    }

    // The added lines' text, while the budget lasts (else the scan reads the blob again). No line
    // before `start` (the first byte of line `line`) was added.
    void keep_text(std::string_view blob, GitAddition& add, std::size_t start, std::uint32_t line) {
        std::size_t next = 0;
        std::string text;
        for (;;) {
            std::size_t end = blob.find('\n', start);
            const bool last = end == std::string_view::npos;
            if (last) end = blob.size();
            if (next < add.added_lines.size() && add.added_lines[next] == line) {
                text.append(blob.substr(start, end - start)).push_back('\n');
                ++next;
            }
            if (last) break;
            start = end + 1;
            ++line;
        }
        if (m_text_bytes + text.size() > k_text_budget) return;
        m_text_bytes += text.size();
        add.segments = line;
        add.added_text = std::move(text);
        add.text_kept = true;
    }

    void remember(const std::string& path, const git_oid& oid, std::string bytes) {
        if (auto it = m_cache.find(path); it != m_cache.end()) {
            m_cached_bytes -= it->second.bytes.size();
            m_cache.erase(it);
        }
        if (m_cached_bytes + bytes.size() > k_cache_budget) return;
        m_cached_bytes += bytes.size();
        m_cache.emplace(path, Cached{oid, std::move(bytes)});
    }

    struct Cached {
        git_oid oid;
        std::string bytes;
    };
    git_repository* m_repo;
    git_odb* m_odb = nullptr;
    const TextPrefilter& m_may_match;
    std::unordered_map<std::string, Cached> m_cache;
    std::unordered_map<std::string, std::string> m_added;  // path + '\n' + blob id -> commit that added it
    std::size_t m_cached_bytes = 0, m_text_bytes = 0;
};

}  // namespace

std::string only_added_lines(std::string_view blob, const std::vector<std::uint32_t>& added) {
    std::string out;
    out.reserve(blob.size());
    std::uint32_t line = 1;
    std::size_t next = 0, start = 0;
    while (start <= blob.size()) {
        std::size_t end = blob.find('\n', start);
        bool last = end == std::string_view::npos;
        if (last) end = blob.size();
        while (next < added.size() && added[next] < line) ++next;
        if (next < added.size() && added[next] == line) out.append(blob.substr(start, end - start));
        if (last) break;
        out += '\n';
        start = end + 1;
        ++line;
    }
    return out;
}

std::string blanked_text(const GitAddition& a) {
    std::string out;
    out.reserve(a.added_text.size() + a.segments);
    std::size_t next = 0, at = 0;
    for (std::uint32_t line = 1; line <= a.segments; ++line) {
        if (next < a.added_lines.size() && a.added_lines[next] == line) {
            const std::size_t end = a.added_text.find('\n', at);
            out.append(a.added_text, at, end - at);
            at = end + 1;
            ++next;
        }
        if (line < a.segments) out += '\n';
    }
    return out;
}

Result<std::vector<GitAddition>> walk_history(git_repository* repo, const std::string& where, const std::string& since, bool all,
                                              const TextPrefilter& may_match) {
    // Objects are read by the ids the repository's own trees give; re-hashing every object on
    // read (libgit2's default) cost more than the rest of the walk.
    static std::once_flag unverified;
    std::call_once(unverified, [] { git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0); });
    git_revwalk* walk_raw = nullptr;
    if (git_revwalk_new(&walk_raw, repo) != 0) return git_failure(where, "cannot walk history");
    GitRevwalk walk(walk_raw);
    git_revwalk_sorting(walk_raw, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
    if (all ? git_revwalk_push_glob(walk_raw, "refs/*") != 0 : git_revwalk_push_head(walk_raw) != 0) {
        return git_failure(where, "cannot start the history walk");
    }
    if (!since.empty() && git_revwalk_hide_ref(walk_raw, since.c_str()) != 0) {
        git_object* obj = nullptr;
        if (git_revparse_single(&obj, repo, since.c_str()) != 0) return git_failure(where, "cannot resolve --since '" + since + "'");
        GitObject o(obj);
        git_revwalk_hide(walk_raw, git_object_id(obj));
    }
    Walker walker(repo, may_match);
    std::vector<GitAddition> out;
    git_oid oid;
    while (git_revwalk_next(&oid, walk_raw) == 0) {
        git_commit* c_raw = nullptr;
        if (git_commit_lookup(&c_raw, repo, &oid) != 0) continue;
        GitCommit commit(c_raw);
        walker.add_commit(c_raw, out);
    }
    return out;
}

}  // namespace ccscan::analyzers
