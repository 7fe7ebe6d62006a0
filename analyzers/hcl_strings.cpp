#include "analyzers/hcl_strings.h"

#include "analyzers/utf8.h"

#include <algorithm>
#include <vector>

namespace ccscan::analyzers {
namespace {

std::string_view type_of(TSNode n) { return ts_node_type(n); }


// Reads `digits` hex digits at raw[i]; false when they are not all there.
bool hex(std::string_view raw, std::size_t i, std::size_t digits, std::uint32_t& out) {
    if (i + digits > raw.size()) return false;
    out = 0;
    for (std::size_t k = i; k < i + digits; ++k) {
        char c = raw[k];
        std::uint32_t v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
        if (v == 16) return false;
        out = out * 16 + v;
    }
    return true;
}

}  // namespace

bool is_plain_hcl_template(TSNode quoted) {
    std::uint32_t count = ts_node_named_child_count(quoted);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view t = type_of(ts_node_named_child(quoted, i));
        if (t != "quoted_template_start" && t != "quoted_template_end" && t != "template_literal") return false;
    }
    return true;
}

std::string decode_hcl_escapes(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if ((c == '$' || c == '%') && raw.compare(i + 1, 2, std::string(1, c) + "{") == 0) {
            out += c;  // $${ -> ${ ; the '{' follows as plain text
            ++i;
            continue;
        }
        if (c != '\\' || i + 1 >= raw.size()) {
            out += c;
            continue;
        }
        char e = raw[++i];
        std::uint32_t cp = 0;
        switch (e) {
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case 'u':
                if (hex(raw, i + 1, 4, cp)) { append_utf8(out, cp); i += 4; } else { out += "\\u"; }
                break;
            case 'U':
                if (hex(raw, i + 1, 8, cp)) { append_utf8(out, cp); i += 8; } else { out += "\\U"; }
                break;
            default: out += '\\'; out += e; break;
        }
    }
    return out;
}

std::string decode_hcl_template(std::string_view source, TSNode quoted) {
    std::uint32_t begin = ts_node_start_byte(quoted), end = ts_node_end_byte(quoted);
    std::uint32_t count = ts_node_child_count(quoted);
    if (count >= 1 && type_of(ts_node_child(quoted, 0)) == "quoted_template_start") begin = ts_node_end_byte(ts_node_child(quoted, 0));
    if (count >= 2 && type_of(ts_node_child(quoted, count - 1)) == "quoted_template_end") end = ts_node_start_byte(ts_node_child(quoted, count - 1));
    if (end < begin) end = begin;
    return decode_hcl_escapes(source.substr(begin, end - begin));
}

std::string heredoc_content(std::string_view source, TSNode heredoc) {
    std::uint32_t count = ts_node_child_count(heredoc);
    std::vector<TSNode> markers;
    bool strip_indent = false;
    for (std::uint32_t i = 0; i < count; ++i) {
        TSNode c = ts_node_child(heredoc, i);
        if (type_of(c) == "heredoc_identifier") markers.push_back(c);
        if (type_of(c) == "heredoc_start") {
            std::string_view s = source.substr(ts_node_start_byte(c), ts_node_end_byte(c) - ts_node_start_byte(c));
            strip_indent = s == "<<-";
        }
    }
    if (markers.size() < 2) return {};
    std::size_t begin = source.find('\n', ts_node_end_byte(markers.front()));
    begin = begin == std::string_view::npos ? source.size() : begin + 1;
    std::size_t end = ts_node_start_byte(markers.back());
    while (end > begin && source[end - 1] != '\n') --end;  // the closing marker's own line
    std::string_view body = source.substr(begin, end > begin ? end - begin : 0);
    if (!strip_indent) return std::string(body);
    std::size_t indent = std::string_view::npos;
    for (std::size_t pos = 0; pos < body.size();) {
        std::size_t nl = body.find('\n', pos);
        std::string_view line = body.substr(pos, nl == std::string_view::npos ? body.size() - pos : nl - pos);
        std::size_t lead = line.find_first_not_of(" \t");
        if (lead != std::string_view::npos) indent = std::min(indent, lead);
        pos = nl == std::string_view::npos ? body.size() : nl + 1;
    }
    if (indent == std::string_view::npos) indent = 0;
    std::string out;
    for (std::size_t pos = 0; pos < body.size();) {
        std::size_t nl = body.find('\n', pos);
        std::string_view line = body.substr(pos, nl == std::string_view::npos ? body.size() - pos : nl + 1 - pos);
        std::size_t lead = 0;
        while (lead < line.size() && lead < indent && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
        out += line.substr(lead);
        pos = nl == std::string_view::npos ? body.size() : nl + 1;
    }
    return out;
}

}  // namespace ccscan::analyzers
