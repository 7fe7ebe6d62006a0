#include "analyzers/flow/ncco_adapter.h"

#include "analyzers/flow/connect_adapter.h"
#include "analyzers/flow/graph_builder.h"

namespace ccscan::analyzers::flow {

namespace {

void ncco_props(FlowNode& n, const Node& a, const SensitivityLexicon& lex) {
    const std::string& t = n.platform_type;
    if (t == "talk") {
        n.kind = FlowKind::prompt;
        n.prompt_text = std::string(a.get("text"));
    } else if (t == "stream") {
        n.kind = FlowKind::prompt;
    } else if (t == "input") {
        n.kind = FlowKind::collect_input;
        if (const Node* dtmf = a.find("dtmf")) {
            n.input.max_digits = digit_count(dtmf->get("maxDigits"));
        }
        n.writes.push_back("dtmf.digits");
        n.sensitivity = lex.classify_name(n.id);
    } else if (t == "record") {
        n.kind = FlowKind::recording;
        n.actions.recording = Recording::on;
        if (a.find("transcription")) n.transcribe = true;
    } else if (t == "conversation") {
        n.kind = FlowKind::transfer;
        if (truthy(a.get("record"))) n.actions.recording = Recording::on;
    } else if (t == "connect") {
        n.kind = FlowKind::transfer;
        if (const Node* eps = a.find("endpoint")) {
            for (const Node& ep : eps->children) {
                if (ep.get("type") == "websocket") {
                    n.kind = FlowKind::streaming;
                    n.actions.streaming = Switch::on;
                }
            }
        }
    } else if (t == "notify") {
        n.kind = FlowKind::invoke;
    } else {
        n.kind = FlowKind::other;
    }
}

}  // namespace

std::vector<FlowGraph> build_vonage_ncco(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                         std::vector<Diagnostic>& notes) {
    GraphBuilder b(file.path, "vonage-ncco", flow_name_from_path(file.path));
    std::uint32_t prev = b.add_entry("(entry)", "ncco", "start of NCCO", doc.root.span);
    bool open = true;
    std::size_t i = 0;
    for (const Node& a : doc.root.children) {
        FlowNode n;
        n.platform_type = std::string(a.get("action"));
        n.id = std::to_string(i++) + ":" + n.platform_type;
        n.span = a.span;
        ncco_props(n, a, lex);
        if (n.kind == FlowKind::other) b.note(a.span, "unknown NCCO action '" + n.platform_type + "' (treated as 'other')");
        for_each_scalar(a, [&](const Node& v) {
            if (n.url.empty()) n.url = find_url(v.value);
        });
        if (n.kind == FlowKind::collect_input && n.sensitivity == Sensitivity::none && prev < b.size()) {
            // The prompt spoken just before the input says what it is for.
            const FlowNode& p = b.node(prev);
            if (!p.prompt_text.empty()) n.sensitivity = lex.classify_text(p.prompt_text);
        }
        // A talk action is labelled by its text (even when empty), any other by its URL.
        std::string what = n.platform_type == "talk" ? n.prompt_text : n.url;
        n.label = n.platform_type + (what.empty() ? "" : " '" + short_text(what, 48) + "'");
        bool ends = n.kind == FlowKind::collect_input;
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

}  // namespace ccscan::analyzers::flow
