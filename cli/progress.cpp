#include "cli/progress.h"

#include <ostream>
#include <string>

namespace ccscan::cli {

Progress::Progress(std::ostream& err, bool enabled)
    : m_err(err), m_enabled(enabled), m_start(std::chrono::steady_clock::now()), m_last(m_start) {}

void Progress::update(std::size_t done, std::size_t total) {
    if (!m_enabled) return;
    std::lock_guard<std::mutex> lock(m_mutex);
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - m_start).count();
    if (elapsed < 0.5 || (now - m_last < std::chrono::milliseconds(100) && done != total)) return;
    m_last = now;
    constexpr int k_width = 30;
    int filled = total ? static_cast<int>(k_width * done / total) : k_width;
    std::string bar(filled, '#');
    bar.append(k_width - filled, '.');
    m_err << "\r[" << bar << "] " << done << "/" << total << " files, "
          << static_cast<long>(done / (elapsed > 0 ? elapsed : 1)) << " files/s " << std::flush;
    m_drawn = true;
}

void Progress::finish() {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_drawn) m_err << "\r\033[K" << std::flush;
    m_drawn = false;
}

}  // namespace ccscan::cli
