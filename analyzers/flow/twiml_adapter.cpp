#include "analyzers/flow/twiml_adapter.h"

#include <re2/re2.h>

#include "analyzers/flow/graph_builder.h"
#include "analyzers/flow/xml_helpers.h"
#include "analyzers/format_sniff.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

std::string inner_text(const Node& e) {
    std::string out = e.value;
    for (const Node* c : xml_children(e)) {
        std::string t = inner_text(*c);
        if (!t.empty()) out += (out.empty() ? "" : " ") + t;
    }
    return out;
}

void verb_props(FlowNode& n, const Node& e, const SensitivityLexicon& lex) {
    const std::string& v = n.platform_type;
    if (v == "Gather") {
        n.kind = FlowKind::collect_input;
        n.prompt_text = inner_text(e);
        n.input.max_digits = digit_count(xml_attr(e, "numDigits"));
        n.writes.push_back("Digits");
        n.input.sensitivity = lex.classify_text(n.prompt_text);
    } else if (v == "Pay") {
        n.kind = FlowKind::payment_capture;
        n.input.sensitivity = Sensitivity::pan;
    } else if (v == "Record") {
        n.kind = FlowKind::recording;
        n.voicemail = true;
        n.transcribe = truthy(xml_attr(e, "transcribe"));
    } else if (v == "Start" || v == "Stop") {
        bool start = v == "Start";
        for (const Node* c : xml_children(e)) {
            if (c->key == "Recording") {
                n.kind = FlowKind::recording;
                n.actions.recording = start ? Recording::on : Recording::off;
            } else if (c->key == "Stream" || c->key == "Siprec" || c->key == "Transcription") {
                n.kind = FlowKind::streaming;
                n.actions.streaming = start ? Switch::on : Switch::off;
                if (c->key == "Stream" && start) n.stream_url = xml_attr(*c, "url");
            }
        }
    } else if (v == "Dial") {
        n.kind = FlowKind::transfer;
        std::string rec = xml_attr(e, "record");
        if (!rec.empty() && rec != "do-not-record" && rec != "false") n.actions.recording = Recording::on;
    } else if (v == "Say" || v == "Play") {
        n.kind = FlowKind::prompt;
        n.prompt_text = inner_text(e);
    } else if (v == "Redirect" || v == "Connect") {
        n.kind = v == "Connect" ? FlowKind::streaming : FlowKind::invoke;
        if (v == "Connect") {
            n.actions.streaming = Switch::on;
            for (const Node* c : xml_children(e)) {
                if (c->key == "Stream") n.stream_url = xml_attr(*c, "url");
            }
        }
    } else if (v == "Sms" || v == "Message") {
        n.kind = FlowKind::invoke;
        n.message = MessageChannel::sms;
    } else if (v == "Hangup" || v == "Reject") {
        n.kind = FlowKind::end;
    } else if (v == "Enqueue" || v == "Leave" || v == "Refer") {
        n.kind = FlowKind::transfer;
    } else if (v == "Pause" || v == "Echo") {
        n.kind = FlowKind::other;
    }
}

}  // namespace

std::vector<FlowGraph> build_twiml(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                   std::vector<Diagnostic>& notes) {
    GraphBuilder b(file.path, "twiml", flow_name_from_path(file.path));
    std::uint32_t prev = b.add_entry("(entry)", doc.root.key, "<" + doc.root.key + ">", doc.root.span);
    bool open = true;
    std::size_t i = 0;
    for (const Node* e : xml_children(doc.root)) {
        FlowNode n;
        n.platform_type = e->key;
        n.id = std::to_string(i++) + ":" + e->key;
        n.span = e->span;
        n.kind = FlowKind::other;
        verb_props(n, *e, lex);
        if (n.kind == FlowKind::other && n.platform_type != "Pause" && n.platform_type != "Echo") {
            b.note(e->span, "unknown TwiML verb <" + e->key + "> (treated as 'other')");
        }
        for_each_scalar(*e, [&](const Node& s) {
            if (n.url.empty()) n.url = find_url(s.value);
        });
        const std::string& what = n.prompt_text;
        n.label = node_label("<" + e->key + ">", what);
        // Gather with an action, Redirect, Hangup hand control away: later verbs run only on the
        // fall-through paths (Gather without input falls through).
        bool ends = n.kind == FlowKind::end || n.platform_type == "Redirect";
        std::uint32_t idx = b.add(std::move(n));
        if (open) b.edge(prev, idx);
        prev = idx;
        open = !ends;
    }
    std::vector<FlowGraph> out;
    out.push_back(b.finish(notes));
    refine_sensitivity_by_digits(out.back());
    return out;
}

bool sniff_twiml(const SniffInput& in) { return in.root == "response"; }

}  // namespace ccscan::analyzers::flow
