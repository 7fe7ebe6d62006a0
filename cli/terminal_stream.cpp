#include "cli/terminal_stream.h"

#include "analyzers/safe_text.h"

namespace ccscan::cli {

TerminalStream::TerminalStream(std::ostream& target) : m_buffer(target), m_stream(&m_buffer) {}

TerminalStream::~TerminalStream() { m_buffer.pubsync(); }

void TerminalStream::Buffer::emit() {
    if (m_line.empty()) return;
    m_target << analyzers::visible_text(m_line, {.keep_newline = true});
    m_line.clear();
}

int TerminalStream::Buffer::sync() {
    emit();
    m_target.flush();
    return 0;
}

TerminalStream::Buffer::int_type TerminalStream::Buffer::overflow(int_type ch) {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    m_line += traits_type::to_char_type(ch);
    if (ch == '\n') emit();
    return ch;
}

std::streamsize TerminalStream::Buffer::xsputn(const char* s, std::streamsize n) {
    m_line.append(s, static_cast<std::size_t>(n));
    // Write out complete lines only, so a UTF-8 sequence split across two writes stays whole.
    if (m_line.find('\n') != std::string::npos) {
        const std::size_t last = m_line.rfind('\n') + 1;
        const std::string rest = m_line.substr(last);
        m_line.resize(last);
        emit();
        m_line = rest;
    }
    return n;
}

}  // namespace ccscan::cli
