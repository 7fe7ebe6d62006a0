#include "analyzers/diagnostic.h"

#include <algorithm>

#include "analyzers/safe_text.h"

namespace ccscan::analyzers {

std::string Diagnostic::to_string() const {
    // One line, whatever the path or message quote: controls, bidi and invalid bytes shown.
    std::string out = path.empty() ? std::string("<input>") : visible_text(path);
    if (span.start.line != 0) {
        out += ':' + std::to_string(span.start.line) + ':' + std::to_string(span.start.column);
    }
    out += ": ";
    out += visible_text(message);
    return out;
}

Diagnostic make_diagnostic(std::string code, std::string path, Position at, std::string message) {
    Diagnostic d;
    d.code = std::move(code);
    d.path = std::move(path);
    d.span = {at, at};
    d.message = std::move(message);
    return d;
}

LineIndex::LineIndex(std::string_view text) {
    m_starts.push_back(0);
    // memchr finds each newline many bytes at a time (this runs over every file with a finding).
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) m_starts.push_back(at + 1);
}

Position LineIndex::position(std::size_t offset) const {
    auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - m_starts.begin());  // >= 1
    std::size_t col = offset - m_starts[line - 1] + 1;
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
}

std::size_t LineIndex::line_start(std::uint32_t line) const {
    if (line == 0 || line > m_starts.size()) return m_starts.back();
    return m_starts[line - 1];
}

}  // namespace ccscan::analyzers
