#include "analyzers/format_sniff.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <re2/re2.h>

#include "analyzers/text.h"

namespace ccscan::analyzers {
namespace {

// The file name without directories and without template/backup suffixes.
std::string base_name(std::string_view path) {
    std::string name = lower(path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1));
    static constexpr std::array<std::string_view, 9> k_suffixes = {".sample", ".orig", ".bak", ".j2", ".jinja", ".tmpl", ".tpl", ".template", ".dist"};
    for (bool again = true; again;) {
        again = false;
        for (std::string_view s : k_suffixes) {
            if (name.ends_with(s) && name.size() > s.size()) {
                name.resize(name.size() - s.size());
                again = true;
            }
        }
    }
    return name;
}

std::string_view head(std::string_view bytes) { return bytes.substr(0, 65536); }

bool matches(std::string_view text, const RE2& re) { return RE2::PartialMatch(text, re); }

// One pattern of FormatInfo::names: ".vxml" (suffix), "pjsip*.conf" (prefix and suffix), or a
// whole name.
bool name_matches(std::string_view name, std::string_view pattern) {
    if (std::size_t star = pattern.find('*'); star != std::string_view::npos) {
        std::string_view prefix = pattern.substr(0, star);
        std::string_view suffix = pattern.substr(star + 1);
        return name.size() >= prefix.size() + suffix.size() && name.starts_with(prefix) && name.ends_with(suffix);
    }
    if (pattern.starts_with('.')) return name.ends_with(pattern);
    return name == pattern;
}

// The first format (table order) one of whose name patterns matches.
std::string by_name(std::string_view name) {
    for (const FormatInfo& f : formats()) {
        std::string_view rest = f.names;
        while (!rest.empty()) {
            std::size_t sp = rest.find(' ');
            std::string_view pattern = rest.substr(0, sp);
            if (!pattern.empty() && name_matches(name, pattern)) return std::string(f.id);
            rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        }
    }
    return "";
}

// The table's signatures for one container kind, in rank order (table order between equals).
const std::vector<std::pair<const FormatInfo*, SniffFn>>& signatures_in(SniffIn in) {
    static const auto k_by_container = [] {
        std::array<std::vector<std::pair<int, std::pair<const FormatInfo*, SniffFn>>>, 6> ranked;
        for (const FormatInfo& f : formats()) {
            for (const Signature& s : f.signatures) {
                if (s.in != SniffIn::none && s.test) ranked[static_cast<std::size_t>(s.in)].push_back({s.rank, {&f, s.test}});
            }
        }
        std::array<std::vector<std::pair<const FormatInfo*, SniffFn>>, 6> out;
        for (std::size_t i = 0; i < ranked.size(); ++i) {
            std::stable_sort(ranked[i].begin(), ranked[i].end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (const auto& r : ranked[i]) out[i].push_back(r.second);
        }
        return out;
    }();
    return k_by_container[static_cast<std::size_t>(in)];
}

// The format whose signature matches first, or `fallback`.
std::string sniff_in(SniffIn in, const SniffInput& input, std::string_view fallback) {
    for (const auto& [format, test] : signatures_in(in)) {
        if (test(input)) return std::string(format->id);
    }
    return std::string(fallback);
}

// Name of the first element that is not a declaration, comment or processing instruction.
bool xml_root(std::string_view h, std::string& name) {
    static const RE2 k_root("<([A-Za-z_][\\w:.-]*)");
    std::size_t pos = 0;
    while ((pos = h.find('<', pos)) != std::string_view::npos) {
        std::string_view rest = h.substr(pos);
        // Skip a whole comment, CDATA section, processing instruction or template tag: markup
        // quoted inside them (an old `<Gather>` in a comment) is not the root.
        std::string_view close;
        if (rest.substr(0, 4) == "<!--") close = "-->";
        else if (rest.substr(0, 9) == "<![CDATA[") close = "]]>";
        else if (rest.substr(0, 2) == "<?") close = "?>";
        else if (rest.substr(0, 2) == "<%") close = "%>";
        if (!close.empty()) {
            std::size_t end = h.find(close, pos + 2);
            if (end == std::string_view::npos) return false;
            pos = end + close.size();
            continue;
        }
        if (rest.substr(0, 2) == "<!" || rest.substr(0, 3) == "<c:" || rest.substr(0, 4) == "<jsp" || rest.substr(0, 2) == "</") {
            ++pos;
            continue;
        }
        if (RE2::PartialMatch(rest.substr(0, 128), k_root, &name)) return true;
        ++pos;
    }
    return false;
}

std::string sniff_json(std::string_view h, std::string_view bytes) { return sniff_in(SniffIn::json, {h, bytes, ""}, "json"); }

std::string sniff_yaml(std::string_view h) { return sniff_in(SniffIn::yaml, {h, h, ""}, "yaml"); }

std::string sniff_xml(std::string_view h) {
    std::string name;
    if (!xml_root(h, name)) return "xml";
    return sniff_in(SniffIn::xml, {h, h, lower(name)}, "xml");
}

std::string sniff_conf(std::string_view h) { return sniff_in(SniffIn::conf, {h, h, ""}, ""); }

// A flow document served from a template or script (VoiceXML from JSP, TwiML from PHP).
bool served(const std::string& format) {
    const FormatInfo* f = find_format(format);
    return f && f->served;
}

bool any_suffix(std::string_view name, std::initializer_list<std::string_view> suffixes) {
    return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view s) { return name.ends_with(s); });
}

}  // namespace

bool contains(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

std::string_view skip_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    return s;
}

bool sniff_cloudformation_json(const SniffInput& in) {
    static const RE2 k_cfn("\"AWSTemplateFormatVersion\"|\"Type\"\\s*:\\s*\"AWS::");
    return matches(in.head, k_cfn) && contains(in.head, "\"Resources\"");
}

bool sniff_cloudformation_yaml(const SniffInput& in) {
    static const RE2 k_cfn("(?m)^AWSTemplateFormatVersion\\s*:|(?m)^\\s+Type\\s*:\\s*['\"]?AWS::");
    static const RE2 k_cfn_only("(?m)^AWSTemplateFormatVersion\\s*:|(?m)^Transform\\s*:\\s*['\"]?AWS::Serverless");
    return matches(in.head, k_cfn_only) || (matches(in.head, k_cfn) && contains(in.head, "Resources:"));
}

bool sniff_amazon_lex(const SniffInput& in) {
    static const RE2 k_lex("\"obfuscationSetting|\"slotTypeName\"|\"dataPrivacy\"\\s*:|\"intents\"\\s*:\\s*\\[|\"slotTypes\"\\s*:|\"childDirected\"");
    return matches(in.head, k_lex);
}

bool sniff_terraform_json(const SniffInput& in) {
    return contains(in.head, "\"resource\"") &&
           (contains(in.head, "\"aws_") || contains(in.head, "\"genesyscloud_") || contains(in.head, "\"twilio_"));
}

bool sniff_terraform_hcl(const SniffInput& in) {
    static const RE2 k_hcl("(?m)^\\s*(resource|provider|module|variable|terraform)\\s+\"[^\"]+\"");
    return matches(in.head, k_hcl);
}

bool sniff_asterisk_sip(const SniffInput& in) {
    static const RE2 k_pjsip("(?m)^\\s*type\\s*=\\s*(endpoint|transport|aor|auth|registration|identify|global)\\s*$");
    static const RE2 k_sip("(?m)^\\s*(tlsenable|allowguest|sipdebug|tlsdontverifyserver|encryption|bindport)\\s*=");
    return matches(in.head, k_pjsip) || matches(in.head, k_sip);
}

bool looks_like_json(std::string_view bytes) {
    std::string_view s = skip_space(bytes);
    if (s.empty()) return false;
    if (s.front() == '{') return true;
    if (s.front() != '[') return false;
    // `[section]` is INI; a JSON array starts with a value.
    std::string_view rest = skip_space(s.substr(1));
    if (rest.empty()) return false;
    char c = rest.front();
    if (c == '{' || c == '[' || c == '"' || c == '-' || c == ']' || std::isdigit(static_cast<unsigned char>(c))) return true;
    for (std::string_view lit : {"true", "false", "null"}) {
        if (rest.substr(0, lit.size()) == lit) {
            std::string_view after = skip_space(rest.substr(lit.size()));
            return !after.empty() && (after.front() == ',' || after.front() == ']');
        }
    }
    return false;
}

Detection sniff_format(std::string_view path, std::string_view bytes) {
    const std::string name = base_name(path);
    const std::string_view h = head(bytes);
    // Proprietary/binary exports we recognise but cannot read.
    if (any_suffix(name, {".i3inboundflow", ".i3inqueueflow", ".i3outboundflow"})) {
        return {"text", true, "Genesys Architect binary export (.i3*Flow); export the flow as Archy YAML to scan it"};
    }
    if (name.ends_with(".aef")) return {"text", true, "Cisco UCCX script (.aef) is a binary format"};
    if (std::string f = by_name(name); !f.empty()) {
        if (f == "php") {  // PHP that serves VoiceXML/TwiML/CCXML: the markup decides
            if (contains(h, "<vxml")) return {"voicexml", false, ""};
            if (std::string x = sniff_xml(h); served(x)) return {x, false, ""};
        }
        return {f, false, ""};
    }
    const bool no_hint = name.find('.') == std::string::npos || name.ends_with(".txt");
    if (any_suffix(name, {".json", ".jsonc", ".ncco"}) || (no_hint && looks_like_json(h))) return {sniff_json(h, bytes), false, ""};
    if (any_suffix(name, {".yaml", ".yml"})) return {sniff_yaml(h), false, ""};
    if (name.ends_with(".xml")) return {sniff_xml(h), false, ""};
    if (any_suffix(name, {".jsp", ".jspx", ".html", ".htm", ".mustache", ".hbs", ".erb"})) {
        std::string f = sniff_xml(h);
        return {served(f) ? f : "text", false, ""};
    }
    if (any_suffix(name, {".conf", ".ini", ".cfg"})) {
        std::string f = sniff_conf(h);
        if (!f.empty()) return {f, false, ""};
        if (skip_space(h).substr(0, 1) == "<") return {sniff_xml(h), false, ""};
        // nginx/apache/systemd-style files are not INI: no `[section]` and no `key = value` line.
        static const RE2 k_ini_line("(?m)^\\s*(\\[[^\\]\"{},]+\\]|[\\w.-]+\\s*=)");
        return {name.ends_with(".ini") || matches(h, k_ini_line) ? "ini" : "text", false, ""};
    }
    // No useful extension: content decides.
    if (skip_space(h).substr(0, 1) == "<") return {sniff_xml(h), false, ""};
    if (std::string f = sniff_conf(h); !f.empty()) return {f, false, ""};
    return {sniff_in(SniffIn::bare, {h, bytes, ""}, "text"), false, ""};
}

}  // namespace ccscan::analyzers
