#include "cli/data_root.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace ccscan::cli {

namespace fs = std::filesystem;

std::string data_root() {
    if (const char* env = std::getenv("CCSCAN_DATA_DIR"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) {
        fs::path dir = exe.parent_path();
        candidates = {dir / ".." / "rules", dir / ".." / ".." / "rules", dir / ".." / "share" / "ccscan"};
    }
#ifdef CCSCAN_SOURCE_RULES
    candidates.emplace_back(CCSCAN_SOURCE_RULES);
#endif
    for (const fs::path& c : candidates) {
        if (fs::exists(c / "packs", ec)) return fs::weakly_canonical(c, ec).string();
    }
    return fs::absolute("rules", ec).string();
}

}  // namespace ccscan::cli
