#include "analyzers/flow/freeswitch_adapter.h"

#include "analyzers/flow/asterisk_adapter.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/flow/twiml_adapter.h"

namespace ccscan::analyzers::flow {

namespace {

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

std::string file_words(std::string s) {
    for (char& c : s) {
        if (c == '-' || c == '_' || c == '/' || c == '.') c = ' ';
    }
    return s;
}

void app_props(FlowNode& n, const std::string& app, const std::string& data, const SensitivityLexicon& lex, bool& known) {
    std::vector<std::string> w = words(data);
    auto arg = [&](std::size_t i) { return i < w.size() ? w[i] : std::string(); };
    known = true;
    if (app == "record_session") {
        n.kind = FlowKind::recording;
        n.props["recording"] = "on";
        n.props["recording_file"] = data;
    } else if (app == "stop_record_session") {
        n.kind = FlowKind::recording;
        n.props["recording"] = "off";
    } else if (app == "record_session_mask") {
        n.kind = FlowKind::recording;
        n.props["recording"] = "paused";
    } else if (app == "record_session_unmask") {
        n.kind = FlowKind::recording;
        n.props["recording"] = "on";
    } else if (app == "play_and_get_digits") {
        // min max tries timeout terminators file invalid_file var regexp ...
        n.kind = FlowKind::collect_input;
        n.props["max_digits"] = arg(1);
        n.props["prompt"] = arg(5);
        n.props["prompt_text"] = file_words(arg(5));
        n.writes.push_back(arg(7));
        n.sensitivity = lex.classify_name(arg(7));
        if (n.sensitivity == Sensitivity::none) n.sensitivity = lex.classify_text(file_words(arg(5)));
    } else if (app == "read") {
        // min max file var timeout terminators
        n.kind = FlowKind::collect_input;
        n.props["max_digits"] = arg(1);
        n.props["prompt"] = arg(2);
        n.props["prompt_text"] = file_words(arg(2));
        n.writes.push_back(arg(3));
        n.sensitivity = lex.classify_name(arg(3));
        if (n.sensitivity == Sensitivity::none) n.sensitivity = lex.classify_text(file_words(arg(2)));
    } else if (app == "playback" || app == "speak" || app == "say") {
        n.kind = FlowKind::prompt;
        n.props["prompt"] = data;
        n.props["prompt_text"] = file_words(data);
    } else if (app == "log" || app == "info" || app == "event") {
        n.kind = FlowKind::logging;
        n.props["log"] = "true";
    } else if (app == "set" || app == "export" || app == "set_user" || app == "hash") {
        n.kind = FlowKind::set_data;
        std::string var = data.substr(0, data.find('='));
        n.writes.push_back(var);
        if (data.find("${curl(") != std::string::npos) n.kind = FlowKind::invoke;
    } else if (app == "curl" || app == "socket" || app == "lua" || app == "python" || app == "javascript" ||
               app == "system" || app == "httapi") {
        n.kind = FlowKind::invoke;
    } else if (app == "bridge" || app == "conference" || app == "fifo" || app == "callcenter" || app == "voicemail") {
        n.kind = FlowKind::transfer;
    } else if (app == "transfer" || app == "execute_extension") {
        n.kind = FlowKind::transfer;
        // transfer <ext> [XML <context>]
        if (w.size() >= 3) {
            n.props["target_flow"] = w[2];
            n.props["target_node"] = w[2] + "," + w[0];
        }
    } else if (app == "hangup") {
        n.kind = FlowKind::end;
    } else if (app == "answer" || app == "sleep" || app == "pre_answer" || app == "ring_ready" || app == "respond" ||
               app == "sched_hangup" || app == "park" || app == "playback_terminators") {
        n.kind = FlowKind::other;
    } else {
        n.kind = FlowKind::other;
        known = false;
    }
}

}  // namespace

std::vector<FlowGraph> build_freeswitch(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                        std::vector<Diagnostic>& notes) {
    std::vector<FlowGraph> out;
    std::vector<const Node*> contexts;
    std::function<void(const Node&)> find_contexts = [&](const Node& e) {
        if (e.key == "context") {
            contexts.push_back(&e);
            return;
        }
        for (const Node* c : xml_children(e)) find_contexts(*c);
    };
    find_contexts(doc.root);
    std::vector<std::string> includes;
    std::function<void(const Node&)> find_includes = [&](const Node& e) {
        if (iequals(e.key, "X-PRE-PROCESS") && iequals(xml_attr(e, "cmd"), "include") && !xml_attr(e, "data").empty()) {
            includes.push_back(xml_attr(e, "data"));
        }
        for (const Node* c : xml_children(e)) find_includes(*c);
    };
    find_includes(doc.root);
    for (const Node* ctx : contexts) {
        std::string cname = xml_attr(*ctx, "name");
        GraphBuilder b(file.path, "freeswitch-xml", cname);
        std::uint32_t e = b.add_entry(cname, "context", "<context name=\"" + cname + "\">", ctx->span);
        for (const Node* ext : xml_children(*ctx)) {
            if (ext->key != "extension") continue;
            std::string ename = xml_attr(*ext, "name");
            std::vector<std::uint32_t> tail{e};
            std::string cond = "exten:" + ename;
            for (const Node* c : xml_children(*ext)) {
                if (c->key != "condition") continue;
                std::vector<std::uint32_t> anti_tail = tail;
                std::string expr = xml_attr(*c, "expression");
                std::string ccond = expr.empty() ? cond : "cond:" + expr;
                std::string acond = expr.empty() ? cond : "cond:!" + expr;
                std::vector<std::uint32_t> next;
                for (const Node* a : xml_children(*c)) {
                    bool anti = a->key == "anti-action";
                    if (a->key != "action" && !anti) continue;
                    FlowNode n;
                    n.platform_type = xml_attr(*a, "application");
                    std::string data = xml_attr(*a, "data");
                    n.id = cname + "," + ename + "," + std::to_string(a->span.start.line) + ":" + std::to_string(a->span.start.column);
                    n.span = a->span;
                    bool known = true;
                    app_props(n, n.platform_type, data, lex, known);
                    if (!known) b.note(a->span, "unknown FreeSWITCH application '" + n.platform_type + "' (treated as 'other')");
                    dialplan_refs(data, n.reads);
                    if (std::string url = find_url(data); !url.empty()) n.props["url"] = url;
                    n.label = n.platform_type + "(" + short_text(data, 40) + ")";
                    std::uint32_t idx = b.add(std::move(n));
                    std::vector<std::uint32_t>& t = anti ? anti_tail : tail;
                    for (std::uint32_t p : t) b.edge(p, idx, anti ? acond : ccond);
                    (anti ? acond : ccond).clear();
                    t = {idx};
                }
                next = tail;
                if (anti_tail != tail) next.insert(next.end(), anti_tail.begin(), anti_tail.end());
                tail = next;
                cond.clear();
            }
        }
        out.push_back(b.finish(notes));
        out.back().includes = includes;
        refine_sensitivity_by_digits(out.back());
    }
    return out;
}

}  // namespace ccscan::analyzers::flow
