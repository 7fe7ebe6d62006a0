// Source positions, diagnostics and Result<T>: the error channel shared by every module.
//
// Expected failures (bad input, an invalid pack, a git error) are values, never exceptions:
// a function that can fail returns Result<T>, which holds either a T or a Diagnostic naming the
// file, the 1-based line and column, and a message that says what to do.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <variant>
#include <vector>

namespace ccscan::analyzers {

// 1-based line and column; column counts bytes from the start of the line, plus one.
// {0, 0} means "unknown" (a whole-file diagnostic).
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    friend bool operator==(const Position&, const Position&) = default;
    friend auto operator<=>(const Position&, const Position&) = default;
};

// Half-open in spirit: `end` is the position of the last byte of the node, inclusive, plus one
// column (as SARIF's endColumn). Both ends are 1-based.
struct Span {
    Position start;
    Position end;
    friend bool operator==(const Span&, const Span&) = default;
    friend auto operator<=>(const Span&, const Span&) = default;
    bool known() const { return start.line != 0; }
};

enum class DiagnosticLevel { error, warning, note };

struct Diagnostic {
    std::string code;     // stable id: "parse-error", "limit-depth", "pack-unknown-key", ...
    std::string message;  // human text; never contains a raw sensitive value
    std::string path;     // file the diagnostic is about (relative to the scan root), may be empty
    Span span;
    DiagnosticLevel level = DiagnosticLevel::error;

    // "path:line:col: message" (line/col omitted when unknown), on one line: control, bidi and
    // invalid bytes in path and message shown escaped (analyzers/safe_text.h).
    std::string to_string() const;
};

Diagnostic make_diagnostic(std::string code, std::string path, Position at, std::string message);

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}                 // NOLINT: implicit by design
    Result(Diagnostic error) : m_data(std::move(error)) {}        // NOLINT: implicit by design

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const Diagnostic& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Diagnostic> m_data;
};

// Converts a byte offset into a 1-based position; `line_starts` holds the offset of every line.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    Position position(std::size_t offset) const;
    std::size_t line_count() const { return m_starts.size(); }
    std::size_t line_start(std::uint32_t line) const;  // 1-based line -> offset

private:
    std::vector<std::size_t> m_starts;
};

}  // namespace ccscan::analyzers
