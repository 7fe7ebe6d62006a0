#include "analyzers/flow/archy_adapter.h"

#include <optional>

#include <re2/re2.h>

#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_sniff.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

// "Task.cardNumber" style variables inside expressions.
void archy_refs(const Node& node, std::vector<std::string>& out) {
    for_each_scalar(node, [&](const Node& v) {
        const std::string& s = v.value;
        for (std::string_view scope : {"Task.", "Flow.", "State.", "Call.", "Common."}) {
            for (std::size_t p = s.find(scope); p != std::string::npos; p = s.find(scope, p + 1)) {
                std::size_t e = p + scope.size();
                while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '_' || s[e] == '.')) ++e;
                add_unique(out, s.substr(p, e - p));
            }
        }
    });
}

// refId from "/inboundCall/tasks/task[Pay_11]" -> "Pay_11".
std::string ref_target(std::string_view ref) {
    std::size_t lb = ref.rfind('['), rb = ref.rfind(']');
    if (lb == std::string_view::npos || rb == std::string_view::npos || rb < lb) return std::string(ref);
    return std::string(ref.substr(lb + 1, rb - lb - 1));
}

class ArchyBuilder {
public:
    ArchyBuilder(const std::string& path, const std::string& name, std::string flow_type, const SensitivityLexicon& lex)
        : m_b(path, "genesys-archy", name), m_flow_type(std::move(flow_type)), m_lex(lex) {}

    GraphBuilder& builder() { return m_b; }

    // A sequence of actions; returns the nodes whose path continues after the sequence.
    std::vector<std::uint32_t> sequence(const Node& actions, std::vector<std::uint32_t> preds, const std::string& cond) {
        std::string c = cond;
        for (const Node& item : actions.children) {
            if (item.children.empty()) continue;
            const Node& a = item.kind == NodeKind::object && item.children.size() == 1 ? item.children[0] : item;
            std::uint32_t idx = action(a);
            for (std::uint32_t p : preds) m_b.edge(p, idx, c);
            c.clear();
            preds = continuation(a, idx);
        }
        return preds;
    }

    std::uint32_t add_node(FlowNode n) {
        n.raw["flow_type"] = m_flow_type;
        return m_b.add(std::move(n));
    }

private:
    std::uint32_t action(const Node& a) {
        FlowNode n;
        n.platform_type = a.key;
        std::string name(a.get("name"));
        n.id = name.empty() ? a.key + "@" + std::to_string(a.span.start.line) : name;
        if (m_b.has(n.id)) n.id += "@" + std::to_string(a.span.start.line);
        // From the action's key ("- collectInput:") to the end of its body.
        n.span = a.key_span.known() ? Span{a.key_span.start, a.span.end} : a.span;
        const std::string& t = a.key;
        std::string prompt;
        for (std::string_view k : {"inputAudio", "audio", "prompts"}) {
            if (const Node* au = a.find(k)) prompt = subtree_text(*au);
        }
        n.prompt_text = prompt;
        if (t == "collectInput" || t == "getInput") {
            n.kind = FlowKind::collect_input;
            if (const Node* in = a.find("inputData")) n.writes.push_back(subtree_text(*in));
            if (const Node* d = a.find("digits")) n.input.max_digits = digit_count(subtree_text(*d));
            n.input.sensitivity = m_lex.classify_text(prompt);
            for (const std::string& w : n.writes) {
                if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = m_lex.classify_name(w);
            }
            if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = m_lex.classify_name(name);
        } else if (t == "playAudio" || t == "playAudioOnSilence") {
            n.kind = FlowKind::prompt;
        } else if (t == "setParticipantData" || t == "updateData" || t == "setUUIData") {
            n.kind = FlowKind::set_data;
            if (t != "updateData") n.persist = Persist::participant_data;
            if (const Node* st = a.find("statements")) archy_writes(*st, n.writes);
        } else if (t == "callData" || t == "callLambda" || t == "callDataAction" || t == "sendResponse") {
            n.kind = FlowKind::invoke;
        } else if (t == "transferToFlowSecure" || t == "transferToFlow" || t == "callCommonModule") {
            n.kind = FlowKind::transfer;
            if (const Node* tf = a.find("targetFlow")) n.transfer.flow = std::string(tf->get("name"));
            if (n.transfer.flow.empty()) n.transfer.flow = subtree_text(a.find("targetFlow") ? *a.find("targetFlow") : a);
            n.transfer.secure = t == "transferToFlowSecure";
        } else if (t == "transferToAcd" || t == "transferToUser" || t == "transferToNumber" || t == "transferToVoicemail" ||
                   t == "transferToGroup") {
            n.kind = FlowKind::transfer;
        } else if (t == "disconnect" || t == "endTask" || t == "exitBotFlow" || t == "endState" || t == "returnToCaller") {
            n.kind = FlowKind::end;
        } else if (t == "callBotFlow" || t == "callDigitalBotFlow" || t == "callLexV2Bot" || t == "callDialogflowCXBot") {
            n.kind = FlowKind::bot;
        } else if (t == "setRecordingState" || t == "enableParticipantRecord") {
            n.kind = FlowKind::recording;
            n.actions.recording = truthy(subtree_text(a.find("state") ? *a.find("state") : a)) ? Recording::on : Recording::off;
        } else if (t == "decision" || t == "switch" || t == "loop" || t == "jumpToTask" || t == "jumpToMenu" ||
                   t == "jumpToState" || t == "changeState" || t == "setLanguage" || t == "evaluateScheduleGroup" ||
                   t == "findQueue" || t == "findUser" || t == "setScreenPop" || t == "setWhisperAudio") {
            n.kind = FlowKind::other;
            if (t == "setScreenPop") n.kind = FlowKind::set_data;
        } else {
            m_b.note(a.span, "unknown Archy action '" + t + "' (treated as 'other')");
        }
        static const Node k_empty{};
        archy_refs(a.find("outputs") ? k_empty : a, n.reads);
        if (const Node* in = a.find("inputData")) {
            std::vector<std::string> own;
            archy_refs(*in, own);
            for (const std::string& v : own) std::erase(n.reads, v);
        }
        for_each_scalar(a, [&](const Node& v) {
            if (n.url.empty()) n.url = find_url(v.value);
        });
        n.label = node_label(t, prompt.empty() ? n.id : prompt);
        std::uint32_t idx = add_node(std::move(n));
        for (std::string_view k : {"targetTaskRef", "targetMenuRef", "targetStateRef"}) {
            if (std::string ref(a.get(k)); !ref.empty()) m_b.edge_to(idx, ref_target(ref), "jump");
        }
        return idx;
    }

    static void archy_writes(const Node& statements, std::vector<std::string>& out) {
        for_each_scalar(statements, [&](const Node& v) {
            if (v.key == "variable") add_unique(out, v.value);
        });
    }

    // Nested outputs run their own sequences and join after the action.
    std::vector<std::uint32_t> continuation(const Node& a, std::uint32_t idx) {
        const std::string& t = a.key;
        bool terminal = t == "disconnect" || t == "transferToAcd" || t == "transferToFlowSecure" || t == "transferToFlow" ||
                        t == "jumpToTask" || t == "jumpToMenu" || t == "jumpToState" || t == "endTask" || t == "transferToVoicemail";
        std::vector<std::uint32_t> next;
        const Node* outputs = a.find("outputs");
        bool has_branches = false;
        if (outputs) {
            for (const Node& o : outputs->children) {
                const Node* acts = o.find("actions");
                if (!acts) {
                    if (!terminal) next.push_back(idx);
                    continue;
                }
                has_branches = true;
                std::vector<std::uint32_t> ends = sequence(*acts, {idx}, "output:" + o.key);
                next.insert(next.end(), ends.begin(), ends.end());
            }
        }
        if (!has_branches && !terminal) next.push_back(idx);
        if (terminal && !has_branches) return {};
        return next;
    }

    GraphBuilder m_b;
    std::string m_flow_type;
    const SensitivityLexicon& m_lex;
};

void add_blocks(ArchyBuilder& ab, const Node& flow, std::string_view list_key, std::string_view item_key) {
    const Node* list = flow.find(list_key);
    if (!list) return;
    for (const Node& item : list->children) {
        const Node* block = item.find(item_key);
        if (!block) continue;
        FlowNode n;
        n.id = std::string(block->get("refId"));
        if (n.id.empty()) n.id = std::string(block->get("name"));
        n.platform_type = std::string(item_key);
        n.kind = FlowKind::other;
        n.label = std::string(item_key) + " '" + std::string(block->get("name")) + "'";
        n.span = block->span;
        if (const Node* audio = block->find("audio")) n.prompt_text = subtree_text(*audio);
        if (item_key == "menu") n.kind = FlowKind::prompt;
        std::uint32_t idx = ab.add_node(std::move(n));
        if (const Node* acts = block->find("actions")) ab.sequence(*acts, {idx}, "");
        if (const Node* choices = block->find("choices")) {
            for (const Node& ch : choices->children) {
                if (ch.children.empty()) continue;
                const Node& c = ch.children[0];
                std::string dtmf(c.get("dtmf"));
                std::string cond = "dtmf:" + (dtmf.rfind("Digit_", 0) == 0 ? dtmf.substr(6) : dtmf);
                if (const Node* task = c.find("task"); task && task->find("actions")) {
                    ab.sequence(*task->find("actions"), {idx}, cond);
                    continue;
                }
                const Node* act = c.find("action");
                Node single = c;
                if (act && !act->children.empty()) {
                    single = act->children[0];
                } else {
                    single.key = c.key == "menuTask" ? "jumpToTask" : c.key == "menuTransferToAcd" ? "transferToAcd"
                                 : c.key == "menuDisconnect" ? "disconnect" : c.key == "menuSubMenu" ? "jumpToMenu" : c.key;
                }
                Node holder;
                holder.kind = NodeKind::object;
                holder.children.push_back(std::move(single));
                Node wrapper;
                wrapper.kind = NodeKind::array;
                wrapper.children.push_back(std::move(holder));
                ab.sequence(wrapper, {idx}, cond);
            }
        }
    }
}

}  // namespace

std::vector<FlowGraph> build_genesys_archy(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                           std::vector<Diagnostic>& notes) {
    std::vector<FlowGraph> out;
    for (const Node& flow : doc.root.children) {
        if (flow.kind != NodeKind::object) continue;
        std::string name(flow.get("name"));
        ArchyBuilder ab(file.path, name.empty() ? flow.key : name, flow.key, lex);
        GraphBuilder& b = ab.builder();
        FlowNode entry;
        entry.id = "(entry)";
        entry.kind = FlowKind::entry;
        entry.platform_type = flow.key;
        entry.label = flow.key + " '" + name + "'";
        entry.span = flow.span;
        std::uint32_t e = ab.add_node(std::move(entry));
        std::uint32_t start = e;
        if (const Node* greet = flow.find("initialGreeting")) {
            FlowNode g;
            g.id = "(initialGreeting)";
            g.kind = FlowKind::prompt;
            g.platform_type = "initialGreeting";
            g.prompt_text = subtree_text(*greet);
            g.label = node_label("initialGreeting", g.prompt_text);
            g.span = greet->span;
            start = ab.add_node(std::move(g));
            b.edge(e, start);
        }
        add_blocks(ab, flow, "menus", "menu");
        add_blocks(ab, flow, "tasks", "task");
        add_blocks(ab, flow, "states", "state");
        if (const Node* acts = flow.find("actions")) ab.sequence(*acts, {start}, "");  // bot/workflow style
        if (std::string ref(flow.get("startUpRef")); !ref.empty()) b.edge_to(start, ref_target(ref));
        out.push_back(b.finish(notes));
        refine_sensitivity_by_digits(out.back());
    }
    return out;
}

bool sniff_genesys_archy(const SniffInput& in) {
    static const RE2 k_archy("(?m)^(inboundCall|inqueueCall|outboundCall|secureCall|inboundChat|inboundEmail|inboundShortMessage|commonModule|bot|digitalBot|workflow|voicemail|voiceSurvey|inboundMessage)\\s*:");
    // The flow type is the document's first top-level key (not any key named `bot:`).
    static const RE2 k_first_key("(?m)^([A-Za-z_][\\w]*)\\s*:");
    std::string first;
    std::string_view body = in.head;
    while (!body.empty()) {  // skip comments, directives and `---` before the first key
        std::size_t nl = body.find('\n');
        std::string_view line = body.substr(0, nl);
        if (!line.empty() && line[0] != '#' && line[0] != '%' && line.substr(0, 3) != "---" &&
            !std::isspace(static_cast<unsigned char>(line[0]))) {
            break;
        }
        body = nl == std::string_view::npos ? std::string_view() : body.substr(nl + 1);
    }
    return RE2::PartialMatch(body.substr(0, body.find('\n')), k_first_key, &first) && RE2::FullMatch(first + ":", k_archy);
}

}  // namespace ccscan::analyzers::flow
