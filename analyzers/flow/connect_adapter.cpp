#include "analyzers/flow/connect_adapter.h"

#include <regex>

#include <re2/re2.h>

#include "analyzers/flow/label.h"
#include "analyzers/flow/connect_legacy.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_sniff.h"

namespace ccscan::analyzers::flow {

namespace {

// JSONPath references used by Connect ($.StoredCustomerInput, $.Attributes.x, $.External.y).
void collect_refs(const Node& node, std::vector<std::string>& reads) {
    for_each_scalar(node, [&](const Node& n) {
        const std::string& v = n.value;
        for (std::size_t p = v.find("$."); p != std::string::npos; p = v.find("$.", p + 2)) {
            std::size_t e = p + 2;
            while (e < v.size() && (std::isalnum(static_cast<unsigned char>(v[e])) || v[e] == '_' || v[e] == '.' || v[e] == '-')) ++e;
            while (e > p + 2 && v[e - 1] == '.') --e;
            if (e > p + 2) add_unique(reads, v.substr(p, e - p));
        }
    });
}

const Node* find_deep(const Node& node, std::string_view key) {
    if (node.key == key) return &node;
    for (const Node& c : node.children) {
        if (const Node* f = find_deep(c, key)) return f;
    }
    return nullptr;
}

void set_url(FlowNode& n, const Node& params) {
    for_each_scalar(params, [&](const Node& s) {
        if (!n.url.empty()) return;
        n.url = find_url(s.value);
    });
}

void recording_props(FlowNode& n, const Node& params) {
    if (const Node* rp = find_deep(params, "RecordedParticipants")) {
        std::string who;
        for (const Node& c : rp->children) who += (who.empty() ? "" : ",") + c.value;
        n.actions.recording = who.empty() ? Recording::off : Recording::on;
        n.raw["recorded_participants"] = who;
    }
    if (const Node* ivr = find_deep(params, "IVRRecordingBehavior")) {
        n.actions.ivr_recording = iequals(ivr->value, "Enabled") ? Switch::on : Switch::off;
    }
    const Node* analytics = find_deep(params, "AnalyticsBehavior");
    if (!analytics) analytics = find_deep(params, "VoiceAnalyticsBehavior");
    if (analytics) {
        bool enabled = truthy(analytics->get("Enabled"));
        bool redacted = iequals(analytics->get("AnalyticsRedactionBehavior"), "Enabled") &&
                        !iequals(analytics->get("AnalyticsRedactionResults"), "RedactedAndOriginal");
        if (const Node* conf = find_deep(*analytics, "ConversationalAnalyticsRedactionConfiguration")) {
            redacted = truthy(conf->get("Enabled")) && !iequals(conf->get("RedactionResults"), "RedactedAndOriginal");
        }
        n.actions.analytics = !enabled ? Analytics::off : redacted ? Analytics::redacted : Analytics::on;
    }
}

void input_props(FlowNode& n, const Node& action, const Node& params, const SensitivityLexicon& lex) {
    std::string prompt(params.get("Text"));
    if (prompt.empty()) prompt = params.get("SSML");
    n.prompt_text = prompt;
    n.prompt_id = std::string(params.get("PromptId"));
    bool store = truthy(params.get("StoreInput"));
    n.input.store = store;
    const Node* enc = params.find("InputEncryption");
    n.input.encrypted = enc && (enc->find("EncryptionKeyId") || enc->find("Key"));
    if (const Node* max = find_deep(params, "MaximumLength")) n.input.max_digits = digit_count(max->value);
    if (params.find("LexV2Bot") || params.find("LexBot")) {
        n.kind = FlowKind::bot;
        n.writes.push_back("$.Lex.Slots");
    }
    if (store) n.writes.push_back("$.StoredCustomerInput");
    n.input.sensitivity = lex.classify_text(prompt);
    if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = lex.classify_name(action.get("Identifier"));
}

void attribute_props(FlowNode& n, const Node& params, std::string_view scope, const SensitivityLexicon& lex) {
    const Node* attrs = params.find("Attributes");
    if (!attrs) return;
    for (const Node& a : attrs->children) {
        n.writes.push_back(std::string(scope) + a.key);
        if (lex.classify_name(a.key) != Sensitivity::none) n.sensitive_key = a.key;
    }
    collect_refs(*attrs, n.reads);
}

// A value a Lex bot collected, read by name (`$.Lex.Slots.CardNumber`): the slot's name says
// what it holds (the bot is not a collect_input node, so the flow taint does not see it).
void bot_slot_reads(FlowNode& n, const SensitivityLexicon& lex) {
    static constexpr std::string_view k_slots = "$.Lex.Slots.";
    for (const std::string& r : n.reads) {
        if (r.rfind(k_slots, 0) != 0) continue;
        std::string slot = r.substr(k_slots.size(), r.find('.', k_slots.size()) - k_slots.size());
        Sensitivity s = lex.classify_name(slot);
        if (s == Sensitivity::none) continue;
        n.bot_slot = slot;
        n.bot_slot_sensitivity = s;
        return;
    }
}

struct TypeInfo {
    std::string_view type;
    FlowKind kind;
};

// Types that need no special properties: the kind is enough.
constexpr TypeInfo k_plain_types[] = {
    {"MessageParticipant", FlowKind::prompt},
    {"MessageParticipantIteratively", FlowKind::prompt},
    {"TransferContactToQueue", FlowKind::transfer},
    {"TransferContactToAgent", FlowKind::transfer},
    {"TransferParticipantToThirdParty", FlowKind::transfer},
    {"DequeueContactAndTransferToQueue", FlowKind::transfer},
    {"DisconnectParticipant", FlowKind::end},
    {"EndFlowExecution", FlowKind::end},
    {"EndFlowModuleExecution", FlowKind::end},
    {"Compare", FlowKind::other},
    {"CheckHoursOfOperation", FlowKind::other},
    {"CheckMetricData", FlowKind::other},
    {"CheckOutboundCallStatus", FlowKind::other},
    {"DistributeByPercentage", FlowKind::other},
    {"Loop", FlowKind::other},
    {"Wait", FlowKind::other},
    {"UpdateContactTargetQueue", FlowKind::other},
    {"UpdateContactRoutingBehavior", FlowKind::other},
    {"UpdateContactTextToSpeechVoice", FlowKind::other},
    {"UpdateContactEventHooks", FlowKind::other},
    {"UpdateContactData", FlowKind::set_data},
    {"UpdateContactCallbackNumber", FlowKind::set_data},
    {"TagContact", FlowKind::other},
    {"UnTagContact", FlowKind::other},
    {"CreateTask", FlowKind::invoke},
    {"CreateCase", FlowKind::invoke},
    {"UpdateCase", FlowKind::invoke},
    {"GetCase", FlowKind::invoke},
    {"CreateWisdomSession", FlowKind::other},
    {"ResumeContact", FlowKind::other},
    {"CompleteOutboundCall", FlowKind::other},
    {"GetMetricData", FlowKind::other},
    {"SetVoiceId", FlowKind::other},
    {"StartVoiceIdStream", FlowKind::streaming},
};

FlowNode make_node(const Node& action, const SensitivityLexicon& lex, GraphBuilder& b) {
    FlowNode n;
    n.id = std::string(action.get("Identifier"));
    n.platform_type = std::string(action.get("Type"));
    n.span = action.span;
    static const Node k_empty{};
    const Node* pp = action.find("Parameters");
    const Node& params = pp ? *pp : k_empty;
    const std::string& t = n.platform_type;
    if (t == "GetParticipantInput" || t == "StoreUserInput" || t == "GetUserInput" || t == "ConnectParticipantWithLexBot") {
        n.kind = FlowKind::collect_input;
        input_props(n, action, params, lex);
        if (t == "ConnectParticipantWithLexBot") n.kind = FlowKind::bot;
    } else if (t == "UpdateContactRecordingBehavior" || t == "UpdateContactRecordingAndAnalyticsBehavior") {
        n.kind = FlowKind::recording;
        recording_props(n, params);
    } else if (t == "UpdateFlowLoggingBehavior") {
        n.kind = FlowKind::logging;
        n.actions.logging = iequals(params.get("FlowLoggingBehavior"), "Enabled") ? Switch::on : Switch::off;
    } else if (t == "UpdateContactMediaStreamingBehavior") {
        n.kind = FlowKind::streaming;
        n.actions.streaming = iequals(params.get("MediaStreamingState"), "Enabled") ? Switch::on : Switch::off;
    } else if (t == "UpdatePreviousContactParticipantState") {
        n.kind = FlowKind::hold;
        n.actions.hold = params.get("ParticipantState") == "AgentOnHold" ? Switch::on : Switch::off;
    } else if (t == "UpdateContactAttributes") {
        n.kind = FlowKind::set_data;
        n.persist = Persist::attributes;
        attribute_props(n, params, "$.Attributes.", lex);
    } else if (t == "UpdateFlowAttributes") {
        n.kind = FlowKind::set_data;
        attribute_props(n, params, "$.FlowAttributes.", lex);
    } else if (t == "InvokeLambdaFunction" || t == "InvokeExternalResource") {
        n.kind = FlowKind::invoke;
        n.raw["function"] = std::string(params.get("LambdaFunctionARN"));
        n.writes.push_back("$.External");
    } else if (t == "TransferToFlow" || t == "InvokeFlowModule") {
        n.kind = FlowKind::transfer;
        std::string target(params.get(t == "TransferToFlow" ? "ContactFlowId" : "FlowModuleId"));
        n.transfer.flow = tail_segment(target);
    } else if (t == "SendMessage" || t == "SendOutboundEmail") {
        n.kind = FlowKind::invoke;
        n.message = t == "SendOutboundEmail" ? MessageChannel::email : MessageChannel::sms;
    } else {
        bool known = false;
        for (const TypeInfo& info : k_plain_types) {
            if (info.type == t) {
                n.kind = info.kind;
                known = true;
            }
        }
        if (!known) b.note(action.span, "unknown Amazon Connect action type '" + t + "' (treated as 'other')");
        if (t == "MessageParticipant" || t == "MessageParticipantIteratively") {
            std::string text(params.get("Text"));
            if (text.empty()) text = params.get("SSML");
            n.prompt_text = text;
            n.prompt_id = std::string(params.get("PromptId"));
        }
    }
    collect_refs(params, n.reads);
    bot_slot_reads(n, lex);
    set_url(n, params);
    std::string what = !n.prompt_text.empty() ? n.prompt_text : n.id;
    n.label = node_label(n.platform_type, what);
    return n;
}

void add_transitions(const Node& action, std::uint32_t index, bool is_input, GraphBuilder& b) {
    const Node* tr = action.find("Transitions");
    if (!tr) return;
    if (std::string next(tr->get("NextAction")); !next.empty()) b.edge_to(index, next);
    if (const Node* conds = tr->find("Conditions")) {
        for (const Node& c : conds->children) {
            std::string value;
            if (const Node* cond = c.find("Condition")) {
                if (const Node* ops = cond->find("Operands"); ops && !ops->children.empty()) value = ops->children[0].value;
            }
            b.edge_to(index, std::string(c.get("NextAction")), (is_input ? "dtmf:" : "cond:") + value);
        }
    }
    if (const Node* errs = tr->find("Errors")) {
        for (const Node& e : errs->children) {
            b.edge_to(index, std::string(e.get("NextAction")), "error:" + std::string(e.get("ErrorType")));
        }
    }
}

// The Lex bot a bot node talks to, by name: Lex V1 `LexBot.Name`, or the console's metadata
// for V2 (`Metadata.ActionMetadata.<id>.lexV2BotName`; the alias ARN carries only ids). The
// bot's export in the same scan (analyzers/flow/lex_adapter.h) is a graph of that name.
std::string bot_name(const Node& root, const Node& action) {
    if (const Node* params = action.find("Parameters")) {
        if (const Node* v1 = params->find("LexBot"); v1 && !v1->get("Name").empty()) return std::string(v1->get("Name"));
    }
    const Node* meta = root.find("Metadata");
    const Node* actions = meta ? meta->find("ActionMetadata") : nullptr;
    const Node* mine = actions ? actions->find(action.get("Identifier")) : nullptr;
    if (!mine) return "";
    if (!mine->get("lexV2BotName").empty()) return std::string(mine->get("lexV2BotName"));
    const Node* deep = find_deep(*mine, "lexV2BotName");
    return deep ? deep->value : "";
}

// A bot node's target bot, and, when its prompt says nothing, what the bot's name or the
// intents the flow branches on say it collects (`PayWithCreditCard`).
void bot_props(FlowNode& n, const Node& root, const Node& action, const SensitivityLexicon& lex) {
    std::string bot = bot_name(root, action);
    if (!bot.empty()) n.transfer.flow = bot;
    if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = lex.classify_name(bot);
    const Node* tr = action.find("Transitions");
    const Node* conds = tr ? tr->find("Conditions") : nullptr;
    for (std::size_t i = 0; conds && i < conds->children.size() && n.input.sensitivity == Sensitivity::none; ++i) {
        const Node* cond = conds->children[i].find("Condition");
        const Node* ops = cond ? cond->find("Operands") : nullptr;
        if (ops && !ops->children.empty()) n.input.sensitivity = lex.classify_name(ops->children[0].value);
    }
}

void apply_embed_span(FlowGraph& g, const Span& span) {
    if (!span.known()) return;
    for (FlowNode& n : g.nodes) n.span = span;
}

}  // namespace

FlowGraph build_connect_root(const Node& root, const std::string& path, const std::string& name,
                             const Span& embed_span, const SensitivityLexicon& lex, std::vector<Diagnostic>& notes) {
    if (root.find("modules")) {
        FlowGraph g = build_connect_legacy_root(root, path, name, lex, notes);
        apply_embed_span(g, embed_span);
        return g;
    }
    GraphBuilder b(path, "amazon-connect-flow", name);
    std::uint32_t e = b.add_entry("(entry)", root.find("Settings") ? "FlowModule" : "Flow", "start of " + name, root.span);
    if (std::string start(root.get("StartAction")); !start.empty()) {
        b.edge_to(e, start);
    } else {
        b.note(root.span, "flow has no StartAction");
    }
    if (const Node* actions = root.find("Actions")) {
        for (const Node& a : actions->children) {
            FlowNode n = make_node(a, lex, b);
            if (n.kind == FlowKind::bot) bot_props(n, root, a, lex);
            bool is_input = n.kind == FlowKind::collect_input || n.kind == FlowKind::bot;
            std::uint32_t i = b.add(std::move(n));
            add_transitions(a, i, is_input, b);
        }
    }
    FlowGraph g = b.finish(notes);
    refine_sensitivity_by_digits(g);
    apply_embed_span(g, embed_span);
    return g;
}

std::vector<FlowGraph> build_amazon_connect(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                            std::vector<Diagnostic>& notes) {
    std::vector<FlowGraph> out;
    out.push_back(build_connect_root(doc.root, file.path, flow_name_from_path(file.path), {}, lex, notes));
    return out;
}

std::vector<FlowGraph> build_amazon_connect_legacy(const InputFile& file, const Document& doc,
                                                   const SensitivityLexicon& lex, std::vector<Diagnostic>& notes) {
    std::vector<FlowGraph> out;
    std::string name(doc.root.get("name"));
    if (name.empty()) name = flow_name_from_path(file.path);
    out.push_back(build_connect_legacy_root(doc.root, file.path, name, lex, notes));
    return out;
}

bool sniff_amazon_connect(const SniffInput& in) {
    static const RE2 k_connect("\"StartAction\"\\s*:|\"Actions\"\\s*:\\s*\\[");
    return RE2::PartialMatch(in.head, k_connect) && (contains(in.head, "\"Version\"") || contains(in.head, "\"StartAction\"")) &&
           contains(in.bytes, "\"Type\"");
}

}  // namespace ccscan::analyzers::flow
