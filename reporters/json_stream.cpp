#include "reporters/json_stream.h"

#include <cassert>
#include <ostream>

#include "reporters/escape.h"

namespace ccscan::reporters {

std::string dump_json(const nlohmann::ordered_json& v, int indent) {
    return json_document(v.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

void JsonStream::indent(std::size_t depth) {
    static const std::string k_spaces(64, ' ');
    for (std::size_t n = depth * 2; n > 0;) {
        const std::size_t chunk = std::min(n, k_spaces.size());
        m_out.write(k_spaces.data(), static_cast<std::streamsize>(chunk));
        n -= chunk;
    }
}

void JsonStream::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_levels.empty()) return;  // the document itself
    Level& level = m_levels.back();
    assert(!level.object && "a value inside an object needs a key");
    m_out << (level.empty ? "\n" : ",\n");
    level.empty = false;
    indent(m_levels.size());
}

void JsonStream::key(std::string_view name) {
    assert(!m_levels.empty() && m_levels.back().object && !m_after_key);
    Level& level = m_levels.back();
    m_out << (level.empty ? "\n" : ",\n");
    level.empty = false;
    indent(m_levels.size());
    m_out << dump_json(nlohmann::ordered_json(name), -1) << ": ";
    m_after_key = true;
}

void JsonStream::begin_object() {
    before_value();
    m_out << '{';
    m_levels.push_back({true, true});
}

void JsonStream::begin_array() {
    before_value();
    m_out << '[';
    m_levels.push_back({false, true});
}

void JsonStream::end_object() {
    assert(!m_levels.empty() && m_levels.back().object && !m_after_key);
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty) {
        m_out << '\n';
        indent(m_levels.size());
    }
    m_out << '}';
}

void JsonStream::end_array() {
    assert(!m_levels.empty() && !m_levels.back().object);
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (!empty) {
        m_out << '\n';
        indent(m_levels.size());
    }
    m_out << ']';
}

void JsonStream::value(const nlohmann::ordered_json& v) {
    before_value();
    const std::string text = dump_json(v, 2);
    if (m_levels.empty()) {
        m_out << text;
        return;
    }
    // dump(2) indents from column 0; every line after the first moves to this depth. Strings
    // never hold a raw newline (dump escapes it), so each '\n' starts a line of the layout.
    std::size_t from = 0;
    for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        m_out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
        indent(m_levels.size());
        from = nl + 1;
    }
    m_out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace ccscan::reporters
