#include "analyzers/format_sniff.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <re2/re2.h>

namespace ccscan::analyzers {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The file name without directories and without template/backup suffixes.
std::string base_name(std::string_view path) {
    std::string name = lower(path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1));
    static constexpr std::array<std::string_view, 9> k_suffixes = {".sample", ".orig", ".bak", ".j2", ".jinja", ".tmpl", ".tpl", ".template", ".dist"};
    for (bool again = true; again;) {
        again = false;
        for (std::string_view s : k_suffixes) {
            if (ends_with(name, s) && name.size() > s.size()) {
                name.resize(name.size() - s.size());
                again = true;
            }
        }
    }
    return name;
}

std::string_view head(std::string_view bytes) { return bytes.substr(0, 65536); }

bool has(std::string_view text, std::string_view needle) { return text.find(needle) != std::string_view::npos; }

bool matches(std::string_view text, const RE2& re) { return RE2::PartialMatch(text, re); }

std::string_view skip_space(std::string_view s) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    return s;
}

// A JSON flow/export identified by its keys. `h` is the head of `bytes`; a key that may sit
// behind a long block (a Connect flow's `Metadata` before its `Actions`) is looked for in all of
// `bytes` with a plain substring search.
std::string sniff_json(std::string_view h, std::string_view bytes) {
    static const RE2 k_connect("\"StartAction\"\\s*:|\"Actions\"\\s*:\\s*\\[");
    static const RE2 k_legacy("\"modules\"\\s*:\\s*\\[");
    static const RE2 k_studio("\"initial_state\"\\s*:|schemas\\.twilio\\.com/studio");
    static const RE2 k_studio_states("\"states\"\\s*:\\s*\\[");
    static const RE2 k_ncco("^\\s*\\[\\s*\\{\\s*\"action\"\\s*:");
    static const RE2 k_ncco_any("\"action\"\\s*:\\s*\"(talk|stream|input|record|connect|conversation|notify)\"");
    static const RE2 k_lex("\"obfuscationSetting|\"slotTypeName\"|\"dataPrivacy\"\\s*:|\"intents\"\\s*:\\s*\\[|\"slotTypes\"\\s*:|\"childDirected\"");
    static const RE2 k_cfn("\"AWSTemplateFormatVersion\"|\"Type\"\\s*:\\s*\"AWS::");
    if (matches(h, k_cfn) && has(h, "\"Resources\"")) return "cloudformation";
    if (matches(h, k_connect) && (has(h, "\"Version\"") || has(h, "\"StartAction\"")) && has(bytes, "\"Type\"")) return "amazon-connect-flow";
    if (matches(h, k_legacy) && (has(h, "\"contactFlow\"") || has(h, "\"branches\"") || has(h, "\"start\""))) return "amazon-connect-flow-legacy";
    if (matches(h, k_studio) || (matches(h, k_studio_states) && has(h, "\"transitions\""))) return "twilio-studio-flow";
    if (matches(h, k_ncco) || (skip_space(h).substr(0, 1) == "[" && matches(h, k_ncco_any))) return "vonage-ncco";
    if (matches(h, k_lex)) return "amazon-lex";
    if (has(h, "\"resource\"") && (has(h, "\"aws_") || has(h, "\"genesyscloud_") || has(h, "\"twilio_"))) return "terraform-json";
    return "json";
}

std::string sniff_yaml(std::string_view h) {
    static const RE2 k_archy("(?m)^(inboundCall|inqueueCall|outboundCall|secureCall|inboundChat|inboundEmail|inboundShortMessage|commonModule|bot|digitalBot|workflow|voicemail|voiceSurvey|inboundMessage)\\s*:");
    static const RE2 k_cfn("(?m)^AWSTemplateFormatVersion\\s*:|(?m)^\\s+Type\\s*:\\s*['\"]?AWS::");
    static const RE2 k_cfn_only("(?m)^AWSTemplateFormatVersion\\s*:|(?m)^Transform\\s*:\\s*['\"]?AWS::Serverless");
    // Archy: the flow type is the document's first top-level key (not any key named `bot:`).
    static const RE2 k_first_key("(?m)^([A-Za-z_][\\w]*)\\s*:");
    std::string first;
    std::string_view body = h;
    while (!body.empty()) {  // skip comments, directives and `---` before the first key
        std::size_t nl = body.find('\n');
        std::string_view line = body.substr(0, nl);
        if (!line.empty() && line[0] != '#' && line[0] != '%' && line.substr(0, 3) != "---" &&
            !std::isspace(static_cast<unsigned char>(line[0]))) {
            break;
        }
        body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    }
    if (RE2::PartialMatch(body.substr(0, body.find('\n')), k_first_key, &first) &&
        RE2::FullMatch(first + ":", k_archy)) {
        return "genesys-archy";
    }
    if (matches(h, k_cfn_only) || (matches(h, k_cfn) && has(h, "Resources:"))) return "cloudformation";
    return "yaml";
}

std::string sniff_xml(std::string_view h) {
    static const RE2 k_root("<([A-Za-z_][\\w:.-]*)");
    // First element that is not a declaration, comment or processing instruction.
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
            if (end == std::string_view::npos) break;
            pos = end + close.size();
            continue;
        }
        if (rest.substr(0, 2) == "<!" || rest.substr(0, 3) == "<c:" || rest.substr(0, 4) == "<jsp" || rest.substr(0, 2) == "</") {
            ++pos;
            continue;
        }
        std::string name;
        if (RE2::PartialMatch(rest.substr(0, 128), k_root, &name)) {
            std::string n = lower(name);
            if (n == "vxml") return "voicexml";
            if (n == "ccxml") return "ccxml";
            if (n == "response") return "twiml";
            if (n == "document" && has(h, "freeswitch")) return "freeswitch-xml";
            // Dialplan snippets (FusionPBX keeps one `<extension>` per file) have no `<document>`.
            if (n == "extension") return has(h, "<condition") || has(h, "application=") ? "freeswitch-xml" : "xml";
            if ((n == "include" || n == "context" || n == "section" || n == "profile" || n == "configuration") &&
                (has(h, "<extension") || has(h, "application=") || has(h, "<param name=") || has(h, "<gateway") ||
                 has(h, "X-PRE-PROCESS") || (n == "configuration" && has(h, ".conf\"")))) {
                return "freeswitch-xml";
            }
            return "xml";
        }
        ++pos;
    }
    return "xml";
}

std::string sniff_conf(std::string_view h) {
    static const RE2 k_dialplan("(?m)^\\s*(exten|same)\\s*=>");
    static const RE2 k_pjsip("(?m)^\\s*type\\s*=\\s*(endpoint|transport|aor|auth|registration|identify|global)\\s*$");
    static const RE2 k_sip("(?m)^\\s*(tlsenable|allowguest|sipdebug|tlsdontverifyserver|encryption|bindport)\\s*=");
    if (matches(h, k_dialplan)) return "asterisk-dialplan";
    if (matches(h, k_pjsip) || matches(h, k_sip)) return "asterisk-sip";
    return "";
}

std::string by_extension(const std::string& name) {
    struct Ext {
        std::string_view ext;
        std::string_view format;
    };
    static constexpr Ext k_code[] = {
        {".py", "python"}, {".js", "javascript"}, {".mjs", "javascript"}, {".cjs", "javascript"}, {".jsx", "javascript"},
        {".ts", "typescript"}, {".mts", "typescript"}, {".cts", "typescript"}, {".tsx", "tsx"}, {".java", "java"},
        {".cs", "csharp"}, {".go", "go"}, {".php", "php"}, {".rb", "ruby"}, {".properties", "properties"},
        {".tf", "terraform"}, {".hcl", "terraform"}, {".tfvars", "terraform"},
    };
    if (ends_with(name, ".d.ts")) return "typescript";
    for (const Ext& e : k_code) {
        if (ends_with(name, e.ext)) return std::string(e.format);
    }
    return "";
}

}  // namespace

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
    if (ends_with(name, ".i3inboundflow") || ends_with(name, ".i3inqueueflow") || ends_with(name, ".i3outboundflow")) {
        return {"text", true, "Genesys Architect binary export (.i3*Flow); export the flow as Archy YAML to scan it"};
    }
    if (ends_with(name, ".aef")) return {"text", true, "Cisco UCCX script (.aef) is a binary format"};
    if (ends_with(name, ".tf.json")) return {"terraform", false, ""};
    if (std::string f = by_extension(name); !f.empty()) {
        if (f == "php" && has(h, "<vxml")) return {"voicexml", false, ""};
        if (f == "php") {  // PHP that serves TwiML/CCXML: the first element decides
            std::string x = sniff_xml(h);
            if (x == "twiml" || x == "ccxml") return {x, false, ""};
        }
        return {f, false, ""};
    }
    const bool no_hint = name.find('.') == std::string::npos || ends_with(name, ".txt");
    if (ends_with(name, ".json") || ends_with(name, ".jsonc") || ends_with(name, ".ncco") || (no_hint && looks_like_json(h))) {
        std::string f = sniff_json(h, bytes);
        if (f == "terraform-json") return {"terraform", false, ""};
        return {f, false, ""};
    }
    if (ends_with(name, ".yaml") || ends_with(name, ".yml")) return {sniff_yaml(h), false, ""};
    if (ends_with(name, ".vxml")) return {"voicexml", false, ""};
    if (ends_with(name, ".ccxml")) return {"ccxml", false, ""};
    if (ends_with(name, ".twiml")) return {"twiml", false, ""};
    if (ends_with(name, ".xml")) return {sniff_xml(h), false, ""};
    if (ends_with(name, ".jsp") || ends_with(name, ".jspx") || ends_with(name, ".html") || ends_with(name, ".htm") ||
        ends_with(name, ".mustache") || ends_with(name, ".hbs") || ends_with(name, ".erb")) {
        std::string f = sniff_xml(h);
        if (f == "voicexml" || f == "ccxml" || f == "twiml") return {f, false, ""};
        return {"text", false, ""};
    }
    {
        static constexpr std::string_view k_dialplan_names[] = {"extensions.conf", "extensions_custom.conf", "extensions_additional.conf"};
        for (std::string_view n : k_dialplan_names) {
            if (name == n) return {"asterisk-dialplan", false, ""};
        }
        if (name.rfind("pjsip", 0) == 0 && ends_with(name, ".conf")) return {"asterisk-sip", false, ""};
        // sip.conf and the files FreePBX/VICIdial include from it (sip_custom.conf, sip_additional.conf, ...).
        if (name == "sip.conf" || (name.rfind("sip_", 0) == 0 && ends_with(name, ".conf"))) return {"asterisk-sip", false, ""};
        if (name.rfind("extensions", 0) == 0 && ends_with(name, ".conf")) return {"asterisk-dialplan", false, ""};
        static constexpr std::string_view k_asterisk_conf[] = {"logger.conf", "manager.conf", "features.conf", "queues.conf", "ari.conf",
                                                               "http.conf", "cdr.conf", "cel.conf", "rtp.conf", "modules.conf", "voicemail.conf"};
        for (std::string_view n : k_asterisk_conf) {
            if (name == n) return {"asterisk-conf", false, ""};
        }
        if (ends_with(name, ".conf") || ends_with(name, ".ini") || ends_with(name, ".cfg")) {
            std::string f = sniff_conf(h);
            if (!f.empty()) return {f, false, ""};
            if (skip_space(h).substr(0, 1) == "<") return {sniff_xml(h), false, ""};
            // nginx/apache/systemd-style files are not INI: no `[section]` and no `key = value` line.
            static const RE2 k_ini_line("(?m)^\\s*(\\[[^\\]\"{},]+\\]|[\\w.-]+\\s*=)");
            return {ends_with(name, ".ini") || matches(h, k_ini_line) ? "ini" : "text", false, ""};
        }
    }
    // No useful extension: content decides.
    std::string_view s = skip_space(h);
    if (s.substr(0, 1) == "<") {
        std::string f = sniff_xml(h);
        return {f, false, ""};
    }
    if (std::string f = sniff_conf(h); !f.empty()) return {f, false, ""};
    static const RE2 k_hcl("(?m)^\\s*(resource|provider|module|variable|terraform)\\s+\"[^\"]+\"");
    if (matches(h, k_hcl)) return {"terraform", false, ""};
    return {"text", false, ""};
}

}  // namespace ccscan::analyzers
