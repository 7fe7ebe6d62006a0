#include "analyzers/flow/lex_adapter.h"

#include "analyzers/flow/graph_builder.h"

namespace ccscan::analyzers::flow {

namespace {

// The path segment after `marker` (`.../Intents/PayBill/...` -> "PayBill"), or "".
std::string segment_after(const std::string& path, std::string_view marker) {
    std::string probe = "/" + path;
    std::size_t p = probe.find("/" + std::string(marker) + "/");
    if (p == std::string::npos) return "";
    std::size_t s = p + marker.size() + 2;
    return probe.substr(s, probe.find('/', s) - s);
}

// The bot folder of a V2 export: the segment before `BotLocales`.
std::string bot_from_path(const std::string& path) {
    std::size_t p = path.find("/BotLocales/");
    if (p == std::string::npos || p == 0) return "";
    std::size_t s = path.rfind('/', p - 1);
    std::size_t from = s == std::string::npos ? 0 : s + 1;
    return path.substr(from, p - from);
}

std::string prompt_text(const Node& slot) {
    std::string text;
    if (const Node* e = slot.find("valueElicitationSetting")) {
        for_each_scalar(*e, [&](const Node& v) {
            if (v.key == "value" && text.size() < 400) text += v.value + " ";
        });
    }
    return text;
}

const Node* slot_name_node(const Node& slot) {
    if (const Node* n = slot.find("slotName")) return n;
    return slot.find("name");
}

void add_slot(GraphBuilder& b, std::uint32_t entry, const Node& slot, const std::string& intent,
              const SensitivityLexicon& lex) {
    const Node* name_node = slot_name_node(slot);
    if (!name_node || name_node->value.empty()) return;
    FlowNode n;
    n.kind = FlowKind::bot;
    n.platform_type = "LexSlot";
    n.id = (intent.empty() ? "" : intent + "/") + name_node->value;
    n.span = name_node->span;
    std::string type(slot.get("slotTypeName"));
    if (type.empty()) type = slot.get("slotType");
    std::string prompt = prompt_text(slot);
    n.input.sensitivity = lex.classify_name(name_node->value);
    if (n.input.sensitivity == Sensitivity::none && type.rfind("AMAZON.", 0) != 0) n.input.sensitivity = lex.classify_name(type);
    if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = lex.classify_text(prompt);
    n.prompt_text = prompt;
    n.raw["slot_type"] = type;
    const Node* obf = slot.find("obfuscationSetting");
    std::string setting = obf ? std::string(obf->value.empty() ? obf->get("obfuscationSettingType") : obf->value) : "";
    n.input.obfuscated = !(setting.empty() || iequals(setting, "None"));
    n.writes.push_back("$.Lex.Slots." + name_node->value);
    n.label = "slot " + name_node->value + (intent.empty() ? "" : " (intent " + intent + ")");
    std::uint32_t i = b.add(std::move(n));
    b.edge(entry, i);
}

}  // namespace

std::vector<FlowGraph> build_amazon_lex(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                        std::vector<Diagnostic>& notes) {
    std::vector<FlowGraph> out;
    const Node& root = doc.root;
    const Node* v1 = root.find("resource");
    bool v2_slot = slot_name_node(root) && (root.find("slotTypeName") || root.find("obfuscationSetting") ||
                                             root.find("valueElicitationSetting"));
    if (!v2_slot && !(v1 && v1->find("intents"))) return out;
    std::string bot = v2_slot ? bot_from_path(file.path) : std::string(v1->get("name"));
    if (bot.empty()) bot = flow_name_from_path(file.path);
    GraphBuilder b(file.path, "amazon-lex", bot);
    std::uint32_t entry = b.add_entry("(bot)", "LexBot", "bot " + bot, root.span);
    if (v2_slot) {
        add_slot(b, entry, root, segment_after(file.path, "Intents"), lex);
    } else {
        for (const Node& intent : v1->find("intents")->children) {
            if (const Node* slots = intent.find("slots")) {
                for (const Node& s : slots->children) add_slot(b, entry, s, std::string(intent.get("name")), lex);
            }
        }
    }
    out.push_back(b.finish(notes));
    return out;
}

}  // namespace ccscan::analyzers::flow
