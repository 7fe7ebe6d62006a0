// A stream for what cli/ prints to a terminal or CI log (stderr, and the text of `rules`
// sub-commands): everything written through it is shown with analyzers::visible_text, so a file
// name, a diagnostic quoting file content or a rule test detail cannot send escape sequences,
// other controls or bidi overrides to the terminal; only LF passes raw. Lines are buffered and
// written out at each LF, on flush and on destruction. The target stream must outlive this one.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace ccscan::cli {

class TerminalStream {
public:
    explicit TerminalStream(std::ostream& target);
    ~TerminalStream();
    TerminalStream(const TerminalStream&) = delete;
    TerminalStream& operator=(const TerminalStream&) = delete;

    std::ostream& stream() { return m_stream; }

private:
    class Buffer : public std::streambuf {
    public:
        explicit Buffer(std::ostream& target) : m_target(target) {}
        int sync() override;

    protected:
        int_type overflow(int_type ch) override;
        std::streamsize xsputn(const char* s, std::streamsize n) override;

    private:
        void emit();
        std::ostream& m_target;
        std::string m_line;
    };

    Buffer m_buffer;
    std::ostream m_stream;
};

}  // namespace ccscan::cli
