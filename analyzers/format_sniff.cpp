#include "analyzers/format_sniff.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace ccscan::analyzers {
namespace {

constexpr std::size_t k_max_keys = 4096;
constexpr std::size_t k_xml_prolog_window = 64 * 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::size_t skip_bom(std::string_view s) { return starts_with(s, "\xEF\xBB\xBF") ? 3 : 0; }

// Top-level shape of a JSON text: the keys of the root object (or of the root array's first
// element) and the string values of those keys.
struct JsonShape {
    bool root_array = false;
    std::vector<std::pair<std::string, std::string>> members;  // key, string value ("" otherwise)

    bool has(std::string_view key) const {
        return std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.first == key; });
    }
    std::string_view value(std::string_view key) const {
        for (const auto& m : members) {
            if (m.first == key) return m.second;
        }
        return {};
    }
};

// Reads a JSON string starting at s[i] == '"'; returns the index after it. Escapes stay raw.
std::size_t read_string(std::string_view s, std::size_t i, std::string* out) {
    for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\') ++i;
        else if (out && out->size() < 256) *out += s[i];
    }
    return i + 1;
}

JsonShape json_shape(std::string_view s) {
    JsonShape shape;
    std::size_t i = skip_bom(s);
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size()) return shape;
    shape.root_array = s[i] == '[';
    const int key_depth = shape.root_array ? 2 : 1;
    int depth = 0;
    bool first_element_done = false;
    for (; i < s.size() && shape.members.size() < k_max_keys; ++i) {
        char c = s[i];
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
            if (shape.root_array && depth == 1) first_element_done = true;
            if (depth <= 0) break;
        } else if (c == '"') {
            bool want = depth == key_depth && !first_element_done;
            std::string text;
            i = read_string(s, i, want ? &text : nullptr);
            std::size_t j = i;
            while (j < s.size() && is_space(s[j])) ++j;
            if (want && j < s.size() && s[j] == ':') {
                ++j;
                while (j < s.size() && is_space(s[j])) ++j;
                std::string value;
                if (j < s.size() && s[j] == '"') j = read_string(s, j, &value);
                else j = i;
                shape.members.emplace_back(std::move(text), std::move(value));
            }
            i = j - 1;
        }
    }
    return shape;
}

bool is_terraform_json(const JsonShape& shape) {
    static constexpr std::array<std::string_view, 8> k_blocks = {"resource", "data", "module", "variable",
                                                                "provider", "locals", "output", "terraform"};
    if (shape.root_array || shape.members.empty()) return false;
    bool all_blocks = std::all_of(shape.members.begin(), shape.members.end(), [](const auto& m) {
        return std::find(k_blocks.begin(), k_blocks.end(), m.first) != k_blocks.end();
    });
    return all_blocks && (shape.has("resource") || shape.has("terraform") || shape.has("provider") ||
                          shape.has("module") || shape.has("data"));
}

bool is_lex_json(const JsonShape& shape, std::string_view bytes) {
    if (shape.has("resource") && shape.has("metadata") && (contains(bytes, "\"intents\"") || contains(bytes, "\"slotTypes\""))) {
        return true;  // Lex V1 export
    }
    // Lex V2 export files: Slot.json, SlotType.json, Bot.json, BotLocale.json, Intent.json.
    return shape.has("slotTypeName") || shape.has("obfuscationSetting") || shape.has("dataPrivacy") ||
           shape.has("nluConfidenceThreshold") || (shape.has("intentName") && shape.has("slotPriorities")) ||
           (shape.has("slotTypeValues") && shape.has("valueSelectionSetting"));
}

// One line at a time, without the line break.
template <class F>
void for_each_line(std::string_view s, F&& f) {
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string_view::npos) nl = s.size();
        std::string_view line = s.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!f(line)) return;
        start = nl + 1;
    }
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Skips one non-element construct at s[i] (XML prolog, comment, doctype, template tag); returns
// the index after it, or npos when s[i] starts something else.
std::size_t skip_prolog_item(std::string_view s, std::size_t i) {
    auto after = [&](std::string_view close, std::size_t from) {
        std::size_t e = s.find(close, from);
        return e == std::string_view::npos ? s.size() : e + close.size();
    };
    std::string_view rest = s.substr(i);
    if (starts_with(rest, "<?")) return after("?>", i + 2);
    if (starts_with(rest, "<!--")) return after("-->", i + 4);
    if (starts_with(rest, "<%")) return after("%>", i + 2);
    if (starts_with(rest, "{{")) return after("}}", i + 2);
    if (starts_with(rest, "<!")) {  // DOCTYPE, possibly with an internal subset
        std::size_t bracket = s.find('[', i), close = s.find('>', i);
        if (bracket != std::string_view::npos && bracket < close) return after(">", after("]", bracket));
        return after(">", i);
    }
    static constexpr std::array<std::string_view, 8> k_tag_prefixes = {"<c:", "</c:", "<fmt:", "</fmt:",
                                                                      "<jsp:", "</jsp:", "<fn:", "<spring:"};
    for (std::string_view p : k_tag_prefixes) {
        if (starts_with(rest, p)) return after(">", i);
    }
    if (starts_with(rest, "${")) return after("}", i);
    return std::string_view::npos;
}

std::string root_element(std::string_view s) {
    std::size_t i = skip_bom(s);
    std::size_t limit = std::min(s.size(), k_xml_prolog_window);
    bool templated = false;  // after template code, stray text (its output, its leftovers) is skipped
    while (i < limit) {
        while (i < limit && is_space(s[i])) ++i;
        if (i >= limit) break;
        std::size_t next = skip_prolog_item(s, i);
        if (next != std::string_view::npos) {
            templated = templated || s[i] != '<' || s[i + 1] == '%' || starts_with(s.substr(i), "<?php");
            i = next;
            continue;
        }
        if (s[i] != '<' && templated) {
            i = s.find('<', i);
            if (i == std::string_view::npos) return {};
            continue;
        }
        if (s[i] != '<' || i + 1 >= s.size()) return {};
        std::size_t j = i + 1;
        while (j < s.size() && !is_space(s[j]) && s[j] != '>' && s[j] != '/') ++j;
        std::string name(s.substr(i + 1, j - i - 1));
        if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return {};
        return name;
    }
    return {};
}

bool is_freeswitch(std::string_view root, std::string_view s) {
    if (root == "document") return contains(s, "freeswitch/xml");
    if (root == "configuration") return contains(s, ".conf\"") || contains(s, "<settings>");
    if (root == "include" || root == "context") {
        return contains(s, "<extension") || contains(s, "<context") || contains(s, "X-PRE-PROCESS") ||
               contains(s, "<gateway") || contains(s, "<user ") || contains(s, "<profile") || contains(s, "<domain");
    }
    return false;
}

// `[name]`, `[name](!)`, `[name](tmpl)`, optionally followed by a comment. Not `[1, 2]`, `["a"]`
// or a Markdown link.
bool is_section_line(std::string_view line) {
    if (line.size() < 3 || line[0] != '[') return false;
    std::size_t close = line.find(']');
    if (close == std::string_view::npos || close < 2) return false;
    std::string_view name = line.substr(1, close - 1);
    if (name.find_first_of("\"{},[") != std::string_view::npos) return false;
    std::string_view rest = trim(line.substr(close + 1));
    if (!rest.empty() && rest[0] == '(') {
        std::size_t paren = rest.find(')');
        if (paren == std::string_view::npos || rest.substr(1, paren - 1).find_first_of("[]()") != std::string_view::npos) {
            return false;
        }
        rest = trim(rest.substr(paren + 1));
    }
    return rest.empty() || rest[0] == ';' || rest[0] == '#';
}

}  // namespace

bool starts_like_json_text(std::string_view bytes) {
    std::size_t i = skip_bom(bytes);
    while (i < bytes.size() && is_space(bytes[i])) ++i;
    return i < bytes.size() && (bytes[i] == '{' || bytes[i] == '[');
}

std::string sniff_json_format(std::string_view bytes) {
    if (!starts_like_json_text(bytes)) return {};
    JsonShape shape = json_shape(bytes);
    if (shape.root_array) return shape.has("action") ? "vonage-ncco" : "";
    if (shape.has("Actions") && (shape.has("Version") || shape.has("StartAction"))) return "amazon-connect-flow";
    static constexpr std::array<std::string_view, 9> k_legacy_types = {
        "contactFlow", "customerQueue", "customerHold", "customerWhisper", "agentHold", "agentWhisper",
        "outboundWhisper", "agentTransfer", "queueTransfer"};
    if (shape.has("modules") &&
        (shape.has("start") ||
         std::find(k_legacy_types.begin(), k_legacy_types.end(), shape.value("type")) != k_legacy_types.end())) {
        return "amazon-connect-flow-legacy";
    }
    if (shape.has("states") && (shape.has("initial_state") || shape.has("flags") ||
                                contains(shape.value("$schema"), "schemas.twilio.com"))) {
        return "twilio-studio-flow";
    }
    if (is_lex_json(shape, bytes)) return "amazon-lex";
    if (shape.has("AWSTemplateFormatVersion") || (shape.has("Resources") && contains(bytes, "\"AWS::"))) {
        return "cloudformation";
    }
    if (is_terraform_json(shape)) return "terraform";
    return {};
}

std::string sniff_xml_format(std::string_view bytes) {
    std::string root = root_element(bytes);
    if (root.empty()) return {};
    std::size_t colon = root.find(':');
    std::string local = colon == std::string::npos ? root : root.substr(colon + 1);
    if (local == "vxml") return "voicexml";
    if (local == "ccxml") return "ccxml";
    if (local == "Response") return "twiml";
    if (is_freeswitch(local, bytes)) return "freeswitch-xml";
    return "xml";
}

std::string sniff_yaml_format(std::string_view bytes) {
    static constexpr std::array<std::string_view, 13> k_archy = {
        "inboundCall", "inqueueCall", "outboundCall", "secureCall", "inboundChat", "inboundEmail",
        "inboundShortMessage", "commonModule", "bot", "digitalBot", "workflow", "voicemail", "voiceSurvey"};
    std::string result;
    bool first_key = true;
    bool resources = false;
    for_each_line(bytes.substr(skip_bom(bytes)), [&](std::string_view line) {
        if (line.empty() || is_space(line[0]) || line[0] == '#' || line[0] == '-' || starts_with(line, "%")) return true;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return true;
        std::string_view key = trim(line.substr(0, colon));
        if (key.size() > 1 && (key.front() == '"' || key.front() == '\'')) key = key.substr(1, key.size() - 2);
        if (first_key && std::find(k_archy.begin(), k_archy.end(), key) != k_archy.end()) {
            result = "genesys-archy";
            return false;
        }
        first_key = false;
        if (key == "AWSTemplateFormatVersion" || (key == "Transform" && contains(line, "AWS::Serverless"))) {
            result = "cloudformation";
            return false;
        }
        if (key == "Resources") resources = true;
        return true;
    });
    if (result.empty() && resources &&
        (contains(bytes, "Type: AWS::") || contains(bytes, "Type: 'AWS::") || contains(bytes, "Type: \"AWS::"))) {
        result = "cloudformation";
    }
    return result;
}

bool looks_like_terraform(std::string_view bytes) {
    static constexpr std::array<std::string_view, 8> k_starts = {"resource \"", "data \"", "provider \"", "module \"",
                                                                "variable \"", "output \"", "terraform {", "locals {"};
    bool found = false;
    for_each_line(bytes, [&](std::string_view line) {
        for (std::string_view p : k_starts) {
            if (starts_with(line, p) && trim(line).back() == '{') found = true;
        }
        return !found;
    });
    return found;
}

std::string sniff_conf_format(std::string_view bytes) {
    static constexpr std::array<std::string_view, 6> k_pjsip_types = {"endpoint", "transport", "aor", "auth",
                                                                     "registration", "identify"};
    static constexpr std::array<std::string_view, 4> k_chan_sip = {"allowguest", "tlsenable", "tlsdontverifyserver",
                                                                  "sipdebug"};
    std::string result;
    for_each_line(bytes, [&](std::string_view raw) {
        std::string_view line = trim(raw);
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos || line.empty() || line[0] == ';') return true;
        std::string_view key = trim(line.substr(0, eq));
        std::string_view value = trim(line.substr(eq + 1));
        if (!value.empty() && value[0] == '>') value = trim(value.substr(1));
        if ((key == "exten" || key == "same") && contains(value, ",")) {
            result = "asterisk-dialplan";
            return false;
        }
        if (key == "type" && std::find(k_pjsip_types.begin(), k_pjsip_types.end(), value) != k_pjsip_types.end()) {
            result = "asterisk-sip";
        } else if (std::find(k_chan_sip.begin(), k_chan_sip.end(), key) != k_chan_sip.end() && result.empty()) {
            result = "asterisk-sip";
        }
        return true;
    });
    return result;
}

bool has_ini_sections(std::string_view bytes) {
    bool found = false;
    for_each_line(bytes, [&](std::string_view raw) {
        found = is_section_line(trim(raw));
        return !found;
    });
    return found;
}

}  // namespace ccscan::analyzers
