#include "rules/cache_folder.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace ccscan::rules {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_entry_magic = "CCSE";
constexpr std::size_t k_header = 4 + 8;
// An entry not touched for this long gets its time refreshed when it is read (prune is by the
// time of last use; refreshing on every hit would be one more system call per file).
constexpr std::time_t k_touch_after_s = 3600;

std::uint64_t checksum(std::string_view data) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bit
    for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
    return h;
}

bool is_hex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

struct EntryFile {
    fs::path path;
    std::uint64_t size = 0;
    std::time_t used = 0;
};

// Entries (and stale temporary files, as `temp`) of the folder's shards.
void list_entries(const std::string& dir, std::vector<EntryFile>& entries, std::vector<fs::path>& temp) {
    std::error_code ec;
    for (const auto& shard : fs::directory_iterator(dir, ec)) {
        const std::string name = shard.path().filename().string();
        if (name.size() != 2 || !is_hex(name) || !shard.is_directory(ec)) continue;
        for (const auto& f : fs::directory_iterator(shard.path(), ec)) {
            const std::string fname = f.path().filename().string();
            struct stat st{};
            if (::lstat(f.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
            if (fname.rfind(".tmp-", 0) == 0) {
                if (std::time(nullptr) - st.st_mtime > k_touch_after_s) temp.push_back(f.path());
                continue;
            }
            if (is_hex(fname)) entries.push_back({f.path(), static_cast<std::uint64_t>(st.st_size), st.st_mtime});
        }
    }
}

CacheCounters parse_counters(std::istream& in, const std::string& prefix) {
    CacheCounters c;
    std::string line;
    in.clear();
    in.seekg(0);
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::string name;
        std::uint64_t value = 0;
        if (!(ls >> name >> value)) continue;
        if (name == prefix + "hits") c.hits = value;
        if (name == prefix + "misses") c.misses = value;
        if (name == prefix + "stores") c.stores = value;
        if (name == prefix + "scan-hits") c.scan_hits = value;
        if (name == prefix + "scan-misses") c.scan_misses = value;
        if (name == prefix + "scan-stores") c.scan_stores = value;
    }
    return c;
}

std::string read_fd(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

}  // namespace

std::optional<analyzers::Diagnostic> CacheFolder::prepare() const {
    std::error_code ec;
    const bool created = fs::create_directories(m_dir, ec);
    if (ec || !fs::is_directory(m_dir, ec))
        return analyzers::make_diagnostic("cache-folder", m_dir, {}, "cannot create the cache folder: " + ec.message());
    if (created) ::chmod(m_dir.c_str(), 0700);  // a folder it did not make keeps its modes (`--cache .`)
    const fs::path tag = fs::path(m_dir) / "CACHEDIR.TAG";
    if (!fs::exists(tag, ec)) {
        int fd = ::open(tag.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            write_all(fd, "Signature: 8a477f597d28d172789f06886806bc55\n# ccscan result cache (docs/cache.md)\n");
            ::close(fd);
        }
    }
    return std::nullopt;
}

std::optional<std::string> CacheFolder::read(std::string_view key) const {
    const std::string path = m_dir + "/" + std::string(key.substr(0, 2)) + "/" + std::string(key);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st{};
    std::string data;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= static_cast<off_t>(k_header)) {
        data.resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < data.size()) {
            ssize_t n = ::read(fd, data.data() + got, data.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        data.resize(got);
        if (std::time(nullptr) - st.st_mtime > k_touch_after_s) ::futimens(fd, nullptr);
    }
    ::close(fd);
    if (data.size() < k_header || std::string_view(data).substr(0, 4) != k_entry_magic) return std::nullopt;
    std::uint64_t stored = 0;
    std::memcpy(&stored, data.data() + 4, 8);
    if (stored != checksum(std::string_view(data).substr(k_header))) return std::nullopt;
    return data.substr(k_header);
}

bool CacheFolder::write(std::string_view key, std::string_view payload) const {
    static std::atomic<unsigned> counter{0};
    const std::string shard = m_dir + "/" + std::string(key.substr(0, 2));
    if (::mkdir(shard.c_str(), 0700) != 0 && errno != EEXIST) return false;
    const std::string temp = shard + "/.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    std::string header(k_entry_magic);
    std::uint64_t sum = checksum(payload);
    header.append(reinterpret_cast<const char*>(&sum), 8);
    bool ok = write_all(fd, header) && write_all(fd, payload);
    ok = ::close(fd) == 0 && ok;
    if (ok) ok = ::rename(temp.c_str(), (shard + "/" + std::string(key)).c_str()) == 0;
    if (!ok) ::unlink(temp.c_str());
    return ok;
}

void CacheFolder::record(const CacheCounters& scan) const {
    const std::string path = m_dir + "/stats";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return;
    if (::flock(fd, LOCK_EX) == 0) {
        std::istringstream in(read_fd(fd));
        CacheCounters total = parse_counters(in, "");
        total.hits += scan.hits;
        total.misses += scan.misses;
        total.stores += scan.stores;
        total.scan_hits += scan.scan_hits;
        total.scan_misses += scan.scan_misses;
        total.scan_stores += scan.scan_stores;
        std::ostringstream out;
        auto put = [&out](const std::string& prefix, const CacheCounters& c) {
            out << prefix << "hits " << c.hits << "\n"
                << prefix << "misses " << c.misses << "\n"
                << prefix << "stores " << c.stores << "\n"
                << prefix << "scan-hits " << c.scan_hits << "\n"
                << prefix << "scan-misses " << c.scan_misses << "\n"
                << prefix << "scan-stores " << c.scan_stores << "\n";
        };
        put("", total);
        put("last-", scan);
        if (::ftruncate(fd, 0) == 0 && ::lseek(fd, 0, SEEK_SET) == 0) write_all(fd, out.str());
    }
    ::close(fd);  // releases the lock
}

CacheFolderStats CacheFolder::stats() const {
    CacheFolderStats s;
    std::vector<EntryFile> entries;
    std::vector<fs::path> temp;
    list_entries(m_dir, entries, temp);
    s.entries = entries.size();
    for (const EntryFile& e : entries) s.bytes += e.size;
    int fd = ::open((m_dir + "/stats").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        std::istringstream in(read_fd(fd));
        ::close(fd);
        s.total = parse_counters(in, "");
        s.last = parse_counters(in, "last-");
    }
    return s;
}

std::uint64_t CacheFolder::clear() const {
    std::vector<EntryFile> entries;
    std::vector<fs::path> temp;
    list_entries(m_dir, entries, temp);
    std::uint64_t removed = 0;
    std::error_code ec;
    for (const EntryFile& e : entries) removed += fs::remove(e.path, ec) ? 1 : 0;
    for (const fs::path& t : temp) fs::remove(t, ec);
    for (const auto& shard : fs::directory_iterator(m_dir, ec)) {
        const std::string name = shard.path().filename().string();
        if (name.size() == 2 && is_hex(name)) fs::remove(shard.path(), ec);  // only when empty
    }
    fs::remove(fs::path(m_dir) / "stats", ec);
    return removed;
}

std::uint64_t CacheFolder::prune(std::optional<double> max_age_s, std::optional<std::uint64_t> max_bytes) const {
    std::vector<EntryFile> entries;
    std::vector<fs::path> temp;
    list_entries(m_dir, entries, temp);
    std::error_code ec;
    for (const fs::path& t : temp) fs::remove(t, ec);
    std::sort(entries.begin(), entries.end(), [](const EntryFile& a, const EntryFile& b) {
        return std::tie(a.used, a.path) < std::tie(b.used, b.path);  // least recently used first
    });
    std::uint64_t total = 0;
    for (const EntryFile& e : entries) total += e.size;
    const std::time_t now = std::time(nullptr);
    std::uint64_t removed = 0;
    for (const EntryFile& e : entries) {
        const bool too_old = max_age_s && static_cast<double>(now - e.used) > *max_age_s;
        const bool too_big = max_bytes && total > *max_bytes;
        if (!too_old && !too_big) continue;
        if (fs::remove(e.path, ec)) {
            ++removed;
            total -= e.size;
        }
    }
    return removed;
}

}  // namespace ccscan::rules
