#include "analyzers/flow/connect_legacy.h"

#include <re2/re2.h>

#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_sniff.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

// parameters: [{name, value}] -> the first value of `name`.
std::string param(const Node& module, std::string_view name) {
    const Node* params = module.find("parameters");
    if (!params) return {};
    for (const Node& p : params->children) {
        if (p.get("name") == name) {
            const Node* v = p.find("value");
            if (!v) return {};
            return v->is_container() ? subtree_text(*v) : v->value;
        }
    }
    return {};
}

void legacy_refs(const Node& module, std::vector<std::string>& reads) {
    const Node* params = module.find("parameters");
    if (!params) return;
    for (const Node& p : params->children) {
        std::string ns(p.get("namespace"));
        std::string value = p.find("value") ? subtree_text(*p.find("value")) : std::string();
        if (!ns.empty() && ns != "null") {
            add_unique(reads, "$." + std::string(ns == "User Defined" ? "Attributes" : ns) + "." + value);
        }
        if (value.find("$.") != std::string::npos) add_unique(reads, value.substr(value.find("$.")));
    }
}

FlowNode make_legacy_node(const Node& m, const SensitivityLexicon& lex, GraphBuilder& b) {
    FlowNode n;
    n.id = std::string(m.get("id"));
    n.platform_type = std::string(m.get("type"));
    n.span = m.span;
    const std::string& t = n.platform_type;
    std::string text = param(m, "Text");
    n.prompt_text = text;
    if (t == "StoreUserInput" || t == "GetUserInput") {
        n.kind = FlowKind::collect_input;
        bool store = t == "StoreUserInput";
        n.input.store = store;
        n.input.encrypted = truthy(param(m, "EncryptEntry"));
        n.input.max_digits = digit_count(param(m, "MaxDigits"));
        if (store) n.writes.push_back("$.StoredCustomerInput");
        n.input.sensitivity = lex.classify_text(text);
    } else if (t == "SetRecordingBehavior") {
        n.kind = FlowKind::recording;
        std::string option = param(m, "RecordingBehaviorOption");
        n.actions.recording = iequals(option, "Disable") || iequals(option, "None") ? Recording::off : Recording::on;
    } else if (t == "SetLoggingBehavior") {
        n.kind = FlowKind::logging;
        n.actions.logging = iequals(param(m, "LoggingBehavior"), "Enable") ? Switch::on : Switch::off;
    } else if (t == "SetAttributes") {
        n.kind = FlowKind::set_data;
        n.persist = Persist::attributes;
        if (const Node* params = m.find("parameters")) {
            for (const Node& p : params->children) {
                std::string key(p.get("key"));
                if (!key.empty()) n.writes.push_back("$.Attributes." + key);
            }
        }
    } else if (t == "InvokeExternalResource") {
        n.kind = FlowKind::invoke;
        n.raw["function"] = param(m, "FunctionArn");
        n.writes.push_back("$.External");
    } else if (t == "Transfer") {
        n.kind = FlowKind::transfer;
        if (std::string target = param(m, "ContactFlowId"); !target.empty()) n.transfer.flow = tail_segment(target);
    } else if (t == "PlayPrompt") {
        n.kind = FlowKind::prompt;
    } else if (t == "Disconnect") {
        n.kind = FlowKind::end;
    } else if (t == "SetEventHook" || t == "CheckAttribute" || t == "SetQueue" || t == "SetVoice" ||
               t == "CheckHoursOfOperation" || t == "SetCallbackNumber" || t == "Loop") {
        n.kind = FlowKind::other;
    } else {
        b.note(m.span, "unknown legacy Amazon Connect module type '" + t + "' (treated as 'other')");
    }
    legacy_refs(m, n.reads);
    n.label = node_label(t, text.empty() ? n.id : text);
    return n;
}

}  // namespace

FlowGraph build_connect_legacy_root(const Node& root, const std::string& path, const std::string& name,
                                    const SensitivityLexicon& lex, std::vector<Diagnostic>& notes) {
    GraphBuilder b(path, "amazon-connect-flow-legacy", name);
    std::uint32_t e = b.add_entry("(entry)", "contactFlow", "start of " + name, root.span);
    b.edge_to(e, std::string(root.get("start")));
    if (const Node* modules = root.find("modules")) {
        for (const Node& m : modules->children) {
            FlowNode n = make_legacy_node(m, lex, b);
            bool is_input = n.kind == FlowKind::collect_input;
            std::uint32_t i = b.add(std::move(n));
            if (const Node* branches = m.find("branches")) {
                for (const Node& br : branches->children) {
                    std::string cond(br.get("condition"));
                    std::string value(br.get("value"));
                    std::string label = cond == "Success" ? "" : cond == "Evaluate" ? (is_input ? "dtmf:" : "cond:") + value : "error:" + cond;
                    b.edge_to(i, std::string(br.get("transition")), label);
                }
            }
        }
    }
    FlowGraph g = b.finish(notes);
    refine_sensitivity_by_digits(g);
    return g;
}

bool sniff_amazon_connect_legacy(const SniffInput& in) {
    static const RE2 k_legacy("\"modules\"\\s*:\\s*\\[");
    return RE2::PartialMatch(in.head, k_legacy) &&
           (contains(in.head, "\"contactFlow\"") || contains(in.head, "\"branches\"") || contains(in.head, "\"start\""));
}

}  // namespace ccscan::analyzers::flow
