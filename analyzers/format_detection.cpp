// detect_format: file name rules first, then content sniffing (most real exports arrive as
// `.json` or `.xml` with no hint). Sniffing reads top-level keys / the XML root / line shapes
// with linear scans; it never parses the whole document.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "analyzers/format_registry.h"
#include "analyzers/format_sniff.h"

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
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The lower-cased base name without backup/template suffixes: "pjsip.conf.sample" -> "pjsip.conf".
std::string normalized_name(std::string_view path) {
    std::size_t slash = path.rfind('/');
    std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    static constexpr std::array<std::string_view, 9> k_suffixes = {".sample", ".orig", ".bak", ".j2", ".tmpl",
                                                                  ".template", ".dist", ".example", ".in"};
    for (bool again = true; again;) {
        again = false;
        for (std::string_view s : k_suffixes) {
            if (name.size() > s.size() && ends_with(name, s) && name.find('.') < name.size() - s.size()) {
                name.resize(name.size() - s.size());
                again = true;
            }
        }
    }
    return name;
}

std::string extension(const std::string& name) {
    std::size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot + 1);
}

Detection found(std::string format) { return Detection{std::move(format), false, {}}; }

Detection unsupported(std::string format, std::string reason) { return Detection{std::move(format), true, std::move(reason)}; }

const char* code_format(const std::string& ext) {
    static constexpr std::array<std::pair<std::string_view, const char*>, 16> k_code = {{
        {"py", "python"}, {"pyw", "python"}, {"js", "javascript"}, {"mjs", "javascript"}, {"cjs", "javascript"},
        {"jsx", "javascript"}, {"ts", "typescript"}, {"mts", "typescript"}, {"cts", "typescript"},
        {"tsx", "tsx"}, {"java", "java"}, {"cs", "csharp"}, {"go", "go"}, {"php", "php"}, {"rb", "ruby"},
        {"phtml", "php"},
    }};
    for (const auto& [e, f] : k_code) {
        if (ext == e) return f;
    }
    return nullptr;
}

// Asterisk files by name (after normalisation). Empty when the name says nothing.
std::string asterisk_by_name(const std::string& name) {
    if (!ends_with(name, ".conf")) return {};
    if (starts_with(name, "extensions")) return "asterisk-dialplan";
    if (starts_with(name, "pjsip") || starts_with(name, "sip.") || starts_with(name, "sip_")) return "asterisk-sip";
    static constexpr std::array<std::string_view, 27> k_asterisk = {
        "logger", "features", "queues", "manager", "asterisk", "modules", "rtp", "iax", "voicemail", "cdr",
        "cel", "http", "ari", "musiconhold", "confbridge", "chan_dahdi", "res_", "indications", "followme",
        "meetme", "agents", "acl", "ccss", "stasis", "statsd", "udptl", "dnsmgr"};
    for (std::string_view n : k_asterisk) {
        if (starts_with(name, n)) return "asterisk-conf";
    }
    return {};
}

Detection detect_json(std::string_view bytes) {
    std::string f = sniff_json_format(bytes);
    return found(f.empty() ? "json" : f);
}

Detection detect_xml(std::string_view bytes, const char* fallback) {
    std::string f = sniff_xml_format(bytes);
    if (!f.empty()) return found(f);
    return found(fallback);
}

Detection detect_conf(std::string_view bytes, const std::string& name) {
    std::string by_name = asterisk_by_name(name);
    if (by_name == "asterisk-dialplan" || by_name == "asterisk-sip") return found(by_name);
    std::string by_content = sniff_conf_format(bytes);
    if (!by_content.empty()) return found(by_content);
    if (!by_name.empty()) return found(by_name);
    return found(has_ini_sections(bytes) ? "ini" : "text");
}

bool starts_with_xml_declaration(std::string_view bytes) {
    std::size_t i = starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    return starts_with(bytes.substr(i), "<?xml");
}

// No telling name (none, .txt): try each content family in turn.
Detection detect_unknown(std::string_view bytes) {
    bool ini = has_ini_sections(bytes);
    if (starts_like_json_text(bytes)) {
        std::string f = sniff_json_format(bytes);
        if (!f.empty()) return found(f);
        if (!ini) return found("json");
    }
    std::string f = sniff_xml_format(bytes);
    if (!f.empty() && (f != "xml" || starts_with_xml_declaration(bytes))) return found(f);
    f = sniff_yaml_format(bytes);
    if (!f.empty()) return found(f);
    if (looks_like_terraform(bytes)) return found("terraform");
    f = sniff_conf_format(bytes);
    if (!f.empty()) return found(f);
    return found(ini ? "ini" : "text");
}

Detection proprietary(const std::string& ext) {
    if (starts_with(ext, "i3") && ext.find("flow") != std::string::npos) {
        return unsupported("genesys-archy", "Genesys Architect export (." + ext +
                                                "): proprietary format; export the flow with Archy as YAML to scan it");
    }
    if (ext == "aef") return unsupported("text", "Cisco UCCX script (.aef): proprietary binary format");
    if (ext == "five9ivr") return unsupported("text", "Five9 IVR script export: proprietary format");
    return Detection{};
}

}  // namespace

Detection detect_format(std::string_view path, std::string_view bytes) {
    const std::string name = normalized_name(path);
    const std::string ext = extension(name);
    if (Detection p = proprietary(ext); !p.format.empty()) return p;
    if (ends_with(name, ".tf.json")) return found("terraform");
    if (ext == "json") return detect_json(bytes);
    if (ext == "yaml" || ext == "yml") {
        std::string f = sniff_yaml_format(bytes);
        return found(f.empty() ? "yaml" : f);
    }
    if (ext == "template" || ext == "cfn") {
        return starts_like_json_text(bytes) ? detect_json(bytes) : detect_unknown(bytes);
    }
    if (ext == "vxml") return found("voicexml");
    if (ext == "ccxml") return found("ccxml");
    if (ext == "xml" || ext == "xsd" || ext == "wsdl") return detect_xml(bytes, "xml");
    if (ext == "conf" || ext == "cfg") return detect_conf(bytes, name);
    if (ext == "ini") return found("ini");
    if (ext == "tf" || ext == "tfvars" || ext == "hcl") return found("terraform");
    if (ext == "properties") return found("properties");
    // Templates that generate VoiceXML/CCXML/TwiML: the root element decides.
    if (ext == "jsp" || ext == "jspx" || ext == "html" || ext == "htm" || ext == "mustache" || ext == "hbs" ||
        ext == "tpl" || ext == "php" || ext == "phtml" || ext == "erb" || ext == "vm" || ext == "ftl") {
        std::string f = sniff_xml_format(bytes);
        if (f == "voicexml" || f == "ccxml" || f == "twiml") return found(f);
    }
    if (const char* code = code_format(ext)) return found(code);
    if (ext.empty() || ext == "txt" || ext == "dat" || ext == "export") return detect_unknown(bytes);
    return found("text");
}

}  // namespace ccscan::analyzers
