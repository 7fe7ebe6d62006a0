// Progress on stderr: a bar with files/s, only when enabled (stderr is a TTY, not --quiet) and
// the scan takes more than half a second. Thread-safe: update() is called by scan workers.
#pragma once

#include <chrono>
#include <iosfwd>
#include <mutex>

namespace ccscan::cli {

class Progress {
public:
    Progress(std::ostream& err, bool enabled);
    void update(std::size_t done, std::size_t total);
    void finish();

private:
    std::ostream& m_err;
    bool m_enabled;
    bool m_drawn = false;
    std::mutex m_mutex;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last;
};

}  // namespace ccscan::cli
