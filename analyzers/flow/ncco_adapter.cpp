#include "analyzers/flow/ncco_adapter.h"

#include <cctype>

#include <re2/re2.h>

#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_sniff.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

// The words of a webhook's path: `https://x.example/webhooks/verify-pin` -> "webhooks verify pin".
std::string url_path_words(std::string_view url) {
    std::size_t scheme = url.find("://");
    std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    if (path == std::string_view::npos) return "";
    std::string out(url.substr(path, url.find_first_of("?#", path) - path));
    for (char& c : out) {
        if (c == '/' || c == '-' || c == '_' || c == '.') c = ' ';
    }
    return out;
}

std::string first_url(const Node* urls) {
    if (!urls) return "";
    if (!urls->value.empty()) return urls->value;
    return urls->children.empty() ? "" : urls->children[0].value;
}

// Placeholders a server template puts into talk text (`{{card_number}}`, `${cardNumber}`,
// `{cardNumber}`): read back to the caller. A masked form (last four, ending) is not a read-back.
void readback(FlowNode& n, std::string_view text, const SensitivityLexicon& lex) {
    for (std::size_t p = text.find('{'); p != std::string_view::npos; p = text.find('{', p + 1)) {
        std::size_t s = p;
        while (s < text.size() && (text[s] == '{' || text[s] == ' ')) ++s;
        std::size_t e = s;
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '.')) ++e;
        p = s - 1;  // the next search starts after the braces just skipped (linear on "{{{{...")
        if (e == s || e >= text.size() || (text[e] != '}' && text[e] != ' ')) continue;
        std::string name(text.substr(s, e - s));
        std::string words = normalize_identifier(name);
        for (std::string_view masked : {" last ", " ending ", " masked ", " suffix ", " tail ", " mask "}) {
            if (words.find(masked) != std::string::npos) words.clear();
        }
        if (words.empty()) continue;
        add_unique(n.reads, name);
        Sensitivity cls = lex.classify_name(name);
        if (cls != Sensitivity::none && n.reads_back == Sensitivity::none) n.reads_back = cls;
    }
}

void ncco_props(FlowNode& n, const Node& a, const SensitivityLexicon& lex) {
    const std::string& t = n.platform_type;
    if (t == "talk") {
        n.kind = FlowKind::prompt;
        n.prompt_text = std::string(a.get("text"));
        readback(n, a.get("text"), lex);
    } else if (t == "stream") {
        n.kind = FlowKind::prompt;
    } else if (t == "input") {
        n.kind = FlowKind::collect_input;
        if (const Node* dtmf = a.find("dtmf")) {
            n.input.max_digits = digit_count(dtmf->get("maxDigits"));
        }
        n.writes.push_back("dtmf.digits");
        n.input.sensitivity = lex.classify_name(n.id);
        // The webhook that receives the digits often says what they are (`/webhooks/card-number`).
        if (n.input.sensitivity == Sensitivity::none)
            n.input.sensitivity = lex.classify_text(url_path_words(first_url(a.find("eventUrl"))));
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
                    n.stream_url = std::string(ep.get("uri"));
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
        // The node's endpoint: an unencrypted one (http://, ws://) first, else the first URL.
        std::string secure_url;
        for_each_scalar(a, [&](const Node& v) {
            std::string url = find_url(v.value);
            if (url.empty()) return;
            bool plain = url.rfind("http://", 0) == 0 || url.rfind("ws://", 0) == 0;
            if (plain && n.url.empty()) n.url = url;
            if (!plain && secure_url.empty()) secure_url = url;
        });
        if (n.url.empty()) n.url = secure_url;
        int max_digits = n.input.max_digits;
        if (n.kind == FlowKind::collect_input && n.input.sensitivity == Sensitivity::none && prev < b.size() &&
            (max_digits == 0 || max_digits > 2)) {
            // The prompt spoken just before the input says what it is for (unless the input is
            // a one- or two-key choice: "press 1 to confirm").
            const FlowNode& p = b.node(prev);
            if (!p.prompt_text.empty()) n.input.sensitivity = lex.classify_text(p.prompt_text);
        }
        // A talk action is labelled by its text (even when empty), any other by its URL.
        std::string what = n.platform_type == "talk" ? n.prompt_text : n.url;
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

bool sniff_vonage_ncco(const SniffInput& in) {
    static const RE2 k_ncco("^\\s*\\[\\s*\\{\\s*\"action\"\\s*:");
    static const RE2 k_ncco_any("\"action\"\\s*:\\s*\"(talk|stream|input|record|connect|conversation|notify)\"");
    return RE2::PartialMatch(in.head, k_ncco) || (skip_space(in.head).substr(0, 1) == "[" && RE2::PartialMatch(in.head, k_ncco_any));
}

}  // namespace ccscan::analyzers::flow
