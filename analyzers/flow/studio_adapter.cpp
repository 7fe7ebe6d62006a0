#include "analyzers/flow/studio_adapter.h"

#include <map>

#include <re2/re2.h>

#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_sniff.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

// Legacy PascalCase widget names -> current types.
std::string canonical_type(const std::string& t) {
    static const std::map<std::string, std::string, std::less<>> k_legacy = {
        {"Trigger", "trigger"}, {"Gather", "gather-input-on-call"}, {"Pay", "capture-payments"},
        {"Record", "record-voicemail"}, {"RecordVoicemail", "record-voicemail"}, {"RecordCall", "record-call"},
        {"SayPlay", "say-play"}, {"Say", "say-play"}, {"Dial", "connect-call-to"}, {"Enqueue", "enqueue-call"},
        {"Split", "split-based-on"}, {"SetVariables", "set-variables"}, {"SendMessage", "send-message"},
        {"HttpRequest", "make-http-request"}, {"Function", "run-function"}, {"RunFunction", "run-function"},
        {"Subflow", "run-subflow"}, {"SendToFlex", "send-to-flex"}, {"Stream", "fork-stream"},
        {"ForkStream", "fork-stream"}, {"Redirect", "add-twiml-redirect"}};
    auto it = k_legacy.find(t);
    return it == k_legacy.end() ? t : it->second;
}

void widget_props(FlowNode& n, const std::string& type, const Node& props, const SensitivityLexicon& lex) {
    auto get = [&](std::string_view k) { return std::string(props.get(k)); };
    std::string say = get("say");
    n.prompt_text = say;
    if (type == "trigger") {
        n.kind = FlowKind::entry;
    } else if (type == "say-play") {
        n.kind = FlowKind::prompt;
    } else if (type == "gather-input-on-call") {
        n.kind = FlowKind::collect_input;
        n.input.max_digits = digit_count(get("number_of_digits"));
        n.writes = {"widgets." + n.id + ".Digits", "widgets." + n.id + ".SpeechResult"};
        n.input.sensitivity = lex.classify_text(say);
        if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = lex.classify_name(n.id);
    } else if (type == "capture-payments") {
        n.kind = FlowKind::payment_capture;
        n.input.sensitivity = Sensitivity::pan;
        n.raw["payment_connector"] = get("payment_connector");
        n.writes = {"widgets." + n.id + ".PaymentToken"};
    } else if (type == "record-call") {
        n.kind = FlowKind::recording;
        n.actions.recording = truthy(get("record_call")) ? Recording::on : Recording::off;
        n.writes = {"widgets." + n.id + ".RecordingUrl", "widgets." + n.id + ".RecordingSid"};
    } else if (type == "record-voicemail") {
        n.kind = FlowKind::recording;
        n.voicemail = true;
        n.transcribe = truthy(get("transcribe"));
        n.writes = {"widgets." + n.id + ".RecordingUrl", "widgets." + n.id + ".TranscriptionText"};
    } else if (type == "connect-call-to" || type == "enqueue-call" || type == "send-to-flex") {
        n.kind = FlowKind::transfer;
        if (truthy(get("record"))) n.actions.recording = Recording::on;
        if (!get("sip_password").empty()) n.raw["secret"] = "sip_password";
        if (type == "send-to-flex") n.raw["flex"] = "true";
    } else if (type == "make-outgoing-call-v2") {
        n.kind = FlowKind::other;
        if (truthy(get("record"))) n.actions.recording = Recording::on;
    } else if (type == "fork-stream") {
        n.kind = FlowKind::streaming;
        n.actions.streaming = get("stream_action") == "stop" ? Switch::off : Switch::on;
        if (n.actions.streaming == Switch::on) n.stream_url = get("stream_url");
    } else if (type == "connect-virtual-agent") {
        n.kind = FlowKind::bot;
    } else if (type == "set-variables") {
        n.kind = FlowKind::set_data;
        if (const Node* vars = props.find("variables")) {
            for (const Node& v : vars->children) {
                std::string key(v.get("key"));
                n.writes.push_back("flow.variables." + key);
                if (lex.classify_name(key) != Sensitivity::none) n.sensitive_key = key;
            }
        }
    } else if (type == "send-message" || type == "send-and-wait-for-reply") {
        n.kind = FlowKind::invoke;
        n.message = MessageChannel::sms;
    } else if (type == "make-http-request" || type == "run-function" || type == "add-twiml-redirect") {
        n.kind = FlowKind::invoke;
        n.method = get("method");
    } else if (type == "run-subflow") {
        n.kind = FlowKind::transfer;
        n.transfer.flow = get("flow_sid");
    } else if (type == "split-based-on") {
        n.kind = FlowKind::other;
    }
}

// Legacy exports point transitions at a widget's `sid` (FF...) rather than its name.
using SidNames = std::map<std::string, std::string, std::less<>>;

void add_transitions(const Node& state, std::uint32_t index, const SidNames& sids, GraphBuilder& b) {
    const Node* tr = state.find("transitions");
    if (!tr) return;
    for (const Node& t : tr->children) {
        std::string next(t.get("next"));
        if (next.empty()) continue;
        if (auto it = sids.find(next); it != sids.end()) next = it->second;
        std::string event(t.get("event"));
        std::string cond = event == "next" || event == "incomingCall" ? "" : event;
        if (const Node* conds = t.find("conditions"); conds && !conds->children.empty()) {
            const Node& c = conds->children[0];
            std::string label(c.get("friendly_name"));
            cond = "cond:" + (label.empty() ? std::string(c.get("value")) : label);
        }
        b.edge_to(index, next, cond);
    }
}

// Messages (SMS, WhatsApp) that carry personal data: a gathered value (widgets.W.Digits of a
// widget that collected a date of birth, an SSN, an account number) or a flow variable / API
// parameter whose name says what it is (flow.data.date_of_birth). Card data from widgets is
// CCS-FLOW-012's taint; phone numbers and e-mail addresses are where messages go, not content.
void mark_personal_data(FlowGraph& g, const SensitivityLexicon& lex) {
    std::map<std::string, Sensitivity, std::less<>> collected;
    for (const FlowNode& n : g.nodes) {
        if (n.kind == FlowKind::collect_input) collected[n.id] = n.input.sensitivity;
    }
    auto personal = [](Sensitivity s) {
        return s == Sensitivity::ssn || s == Sensitivity::bank_account || s == Sensitivity::dob;
    };
    for (FlowNode& n : g.nodes) {
        if (n.message == MessageChannel::none) continue;
        for (const std::string& ref : n.reads) {
            Sensitivity s = Sensitivity::none;
            if (ref.rfind("widgets.", 0) == 0) {
                std::string widget = ref.substr(8, ref.find('.', 8) - 8);
                auto it = collected.find(widget);
                if (it != collected.end()) s = it->second;
            } else if (ref.rfind("flow.", 0) == 0 || ref.rfind("trigger.", 0) == 0) {
                s = lex.classify_name(ref.substr(ref.find_last_of('.') + 1));
            }
            if (personal(s) || (s != Sensitivity::none && ref.rfind("flow.", 0) == 0 && s != Sensitivity::phone &&
                                s != Sensitivity::email)) {
                n.personal_data = s;
                break;
            }
        }
    }
}

}  // namespace

void liquid_refs(std::string_view text, std::vector<std::string>& out) {
    for (std::size_t p = text.find("{{"); p != std::string_view::npos; p = text.find("{{", p + 2)) {
        std::size_t s = p + 2;
        while (s < text.size() && text[s] == ' ') ++s;
        std::size_t e = s;
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '.' || text[e] == '-')) ++e;
        if (e > s) add_unique(out, std::string(text.substr(s, e - s)));
    }
}

FlowGraph build_studio_root(const Node& root, const std::string& path, const std::string& name, const Span& embed_span,
                            const SensitivityLexicon& lex, std::vector<Diagnostic>& notes) {
    GraphBuilder b(path, "twilio-studio-flow", name);
    static const Node k_empty{};
    if (const Node* states = root.find("states")) {
        SidNames sids;
        for (const Node& s : states->children) {
            if (!s.get("sid").empty() && !s.get("name").empty()) sids.emplace(s.get("sid"), s.get("name"));
        }
        for (const Node& s : states->children) {
            FlowNode n;
            n.id = std::string(s.get("name"));
            n.platform_type = std::string(s.get("type"));
            n.span = embed_span.known() ? embed_span : s.span;
            std::string type = canonical_type(n.platform_type);
            const Node* pp = s.find("properties");
            const Node& props = pp ? *pp : k_empty;
            widget_props(n, type, props, lex);
            if (n.kind == FlowKind::other && type != "split-based-on" && type != "make-outgoing-call-v2") {
                b.note(s.span, "unknown Twilio Studio widget type '" + n.platform_type + "' (treated as 'other')");
            }
            for_each_scalar(props, [&](const Node& v) {
                liquid_refs(v.value, n.reads);
                if (n.url.empty()) n.url = find_url(v.value);
            });
            std::string what = !n.prompt_text.empty() ? n.prompt_text : n.id;
            n.label = node_label(n.platform_type, what);
            std::uint32_t i = b.add(std::move(n));
            add_transitions(s, i, sids, b);
        }
    }
    std::string initial(root.get("initial_state"));
    b.set_entry_id(initial.empty() ? "Trigger" : initial);
    FlowGraph g = b.finish(notes);
    refine_sensitivity_by_digits(g);
    mark_personal_data(g, lex);
    return g;
}

std::vector<FlowGraph> build_twilio_studio(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                           std::vector<Diagnostic>& notes) {
    std::string name(doc.root.get("friendly_name"));
    if (name.empty()) name = flow_name_from_path(file.path);
    const Node* def = doc.root.find("definition");  // API export: {friendly_name, definition: {...}}
    std::vector<FlowGraph> out;
    out.push_back(build_studio_root(def && def->find("states") ? *def : doc.root, file.path, name, {}, lex, notes));
    return out;
}

bool sniff_twilio_studio(const SniffInput& in) {
    static const RE2 k_studio("\"initial_state\"\\s*:|schemas\\.twilio\\.com/studio");
    static const RE2 k_studio_states("\"states\"\\s*:\\s*\\[");
    return RE2::PartialMatch(in.head, k_studio) || (RE2::PartialMatch(in.head, k_studio_states) && contains(in.head, "\"transitions\""));
}

}  // namespace ccscan::analyzers::flow
