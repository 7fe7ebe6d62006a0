#include "analyzers/flow/ncco_adapter.h"

#include "analyzers/flow/connect_adapter.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

void ncco_props(FlowNode& n, const Node& a, const SensitivityLexicon& lex) {
    const std::string& t = n.platform_type;
    if (t == "talk") {
        n.kind = FlowKind::prompt;
        n.props["prompt_text"] = std::string(a.get("text"));
    } else if (t == "stream") {
        n.kind = FlowKind::prompt;
    } else if (t == "input") {
        n.kind = FlowKind::collect_input;
        if (const Node* dtmf = a.find("dtmf")) {
            if (!dtmf->get("maxDigits").empty()) n.props["max_digits"] = std::string(dtmf->get("maxDigits"));
        }
        n.writes.push_back("dtmf.digits");
        n.sensitivity = lex.classify_name(n.id);
    } else if (t == "record") {
        n.kind = FlowKind::recording;
        n.props["recording"] = "on";
        if (a.find("transcription")) n.props["transcribe"] = "true";
    } else if (t == "conversation") {
        n.kind = FlowKind::transfer;
        if (truthy(a.get("record"))) n.props["recording"] = "on";
    } else if (t == "connect") {
        n.kind = FlowKind::transfer;
        if (const Node* eps = a.find("endpoint")) {
            for (const Node& ep : eps->children) {
                if (ep.get("type") == "websocket") {
                    n.kind = FlowKind::streaming;
                    n.props["streaming"] = "on";
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
            if (!n.props.count("url")) {
                if (std::string url = find_url(v.value); !url.empty()) n.props["url"] = url;
            }
        });
        if (n.kind == FlowKind::collect_input && n.sensitivity == Sensitivity::none && prev < b.size()) {
            // The prompt spoken just before the input says what it is for.
            const FlowNode& p = b.node(prev);
            if (auto it = p.props.find("prompt_text"); it != p.props.end()) n.sensitivity = lex.classify_text(it->second);
        }
        std::string what = n.props.count("prompt_text") ? n.props["prompt_text"] : n.props.count("url") ? n.props["url"] : "";
        n.label = node_label(n.platform_type, what);
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
