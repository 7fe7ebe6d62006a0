#include "analyzers/flow/freeswitch_adapter.h"

#include <map>

#include <re2/re2.h>

#include "analyzers/flow/dialplan_refs.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/flow/xml_helpers.h"
#include "analyzers/format_sniff.h"

namespace ccscan::analyzers::flow {

namespace {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
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
        if (c == '-' || c == '_' || c == '/' || c == '.' || c == ',' || c == ':') c = ' ';
    }
    return s;
}

// Largest digit count a DTMF regex accepts: `\d{16}`, `^\d{15,16}$`, `[0-9]{13,19}` (0: none).
int regex_max_digits(std::string_view re) {
    static const RE2 k_count("(?:\\\\d|\\[0-9\\])\\{(\\d+)(?:,(\\d*))?\\}");
    int best = 0;
    re2::StringPiece rest(re.data(), re.size());
    std::string lo, hi;
    while (RE2::FindAndConsume(&rest, k_count, &lo, &hi)) best = std::max(best, parse_int(hi.empty() ? lo : hi));
    return best;
}

// Variables the dialplan has set so far (record_path, record_name, ...), to expand file names.
using Vars = std::map<std::string, std::string, std::less<>>;

// Bounded: a few rounds and a few KiB, whatever the variables hold (hostile input cannot make a
// name grow exponentially).
constexpr std::size_t k_max_expanded = 4096;

std::string expand(std::string text, const Vars& vars) {
    for (int round = 0; round < 3; ++round) {
        bool changed = false;
        for (std::size_t p = text.find("${"); p != std::string::npos && text.size() < k_max_expanded;
             p = text.find("${", p + 2)) {
            std::size_t e = text.find('}', p);
            if (e == std::string::npos) break;
            auto it = vars.find(std::string_view(text).substr(p + 2, e - p - 2));
            if (it == vars.end() || it->second.find("${" + it->first + "}") != std::string::npos) continue;
            text.replace(p, e - p + 1, it->second);
            changed = true;
        }
        if (!changed) break;
    }
    return text;
}

// `uuid_record <uuid> start|stop|mask|unmask <path>` anywhere in `data` (api_on_answer,
// ${uuid_record(...)}, bind_digit_action api:...): the recording state it sets, or unset.
Recording uuid_record_state(std::string_view data, std::string& file) {
    std::size_t p = data.find("uuid_record");
    if (p == std::string_view::npos) return Recording::unset;
    std::vector<std::string> w = split(data.substr(p + 11), ' ');
    if (w.size() < 2) return Recording::unset;
    if (w.size() >= 3) file = w[2].substr(0, w[2].find_first_of(",)"));
    if (w[1] == "start") return Recording::on;
    if (w[1] == "unmask") return Recording::on;
    if (w[1] == "mask") return Recording::paused;
    if (w[1] == "stop") return Recording::off;
    return Recording::unset;
}

void recording(FlowNode& n, Recording state, const std::string& file, const Vars& vars) {
    n.kind = FlowKind::recording;
    n.actions.recording = state;
    if (!file.empty()) n.recording_file = expand(file, vars);
}

// set/export: a variable, or a hook that runs an application later (execute_on_answer=...,
// api_on_answer=...): recording hooks are recordings from here on.
void set_props(FlowNode& n, const std::string& data, Vars& vars) {
    n.kind = FlowKind::set_data;
    std::string assignment = data.rfind("nolocal:", 0) == 0 ? data.substr(8) : data;
    std::size_t eq = assignment.find('=');
    std::string var = assignment.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : assignment.substr(eq + 1);
    n.writes.push_back(var);
    bool hook = var.rfind("execute_on_", 0) == 0 || var.rfind("api_on_", 0) == 0 || var.rfind("api_after_", 0) == 0;
    std::string file;
    if (Recording st = uuid_record_state(value, file); st != Recording::unset) return recording(n, st, file, vars);
    if (hook) {
        std::vector<std::string> w = split(value, ' ');
        std::string app = w.empty() ? "" : w[0];
        if (app == "record_session") return recording(n, Recording::on, w.size() > 1 ? w[1] : "", vars);
        if (app == "stop_record_session") return recording(n, Recording::off, "", vars);
    }
    if (data.find("${curl(") != std::string::npos) n.kind = FlowKind::invoke;
    vars[var] = value;
}

// play_and_get_digits min max tries timeout terminators file invalid_file var regexp ...
// read min max file var timeout terminators
void input_props(FlowNode& n, const std::vector<std::string>& w, std::size_t file_at, std::size_t var_at,
                 std::size_t regex_at, const SensitivityLexicon& lex) {
    auto arg = [&](std::size_t i) { return i < w.size() ? w[i] : std::string(); };
    n.kind = FlowKind::collect_input;
    int max = std::max(parse_int(arg(1)), regex_max_digits(arg(regex_at)));
    n.input.max_digits = max;
    n.prompt_file = arg(file_at);
    n.prompt_text = file_words(arg(file_at));
    n.writes.push_back(arg(var_at));
    n.input.sensitivity = lex.classify_name(arg(var_at));
    if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = lex.classify_text(file_words(arg(file_at)));
}

// bind_digit_action realm,digits,action[,args][,leg][,target]: a literal feature code (`*1`)
// is a menu key; a digit regex (`~^\d{16}$`) captures what the caller keys during the call.
void digit_action_props(FlowNode& n, const std::string& data, const SensitivityLexicon& lex) {
    std::vector<std::string> f = split(data, ',');
    std::string digits = f.size() > 1 ? f[1] : "";
    n.kind = FlowKind::other;
    if (digits.empty() || digits[0] != '~') return;
    int max = regex_max_digits(digits);
    if (max < 2) return;
    n.kind = FlowKind::collect_input;
    n.input.max_digits = max;
    std::string words = file_words(data.substr(0, data.find(',')) + " " + (f.size() > 2 ? data.substr(data.find(f[2])) : ""));
    n.prompt_text = words;
    n.input.sensitivity = lex.classify_text(words);
}

void app_props(FlowNode& n, const std::string& app, const std::string& data, const SensitivityLexicon& lex,
               Vars& vars, bool& known) {
    std::vector<std::string> w = split(data, ' ');
    known = true;
    std::string file;
    if (app == "record_session") {
        recording(n, Recording::on, w.empty() ? data : w[0], vars);
    } else if (app == "stop_record_session") {
        recording(n, Recording::off, "", vars);
    } else if (app == "record_session_mask") {
        recording(n, Recording::paused, "", vars);
    } else if (app == "record_session_unmask") {
        recording(n, Recording::on, "", vars);
    } else if (app == "record") {
        recording(n, Recording::unset, w.empty() ? "" : w[0], vars);
        n.voicemail = true;
    } else if (app == "play_and_get_digits") {
        input_props(n, w, 5, 7, 8, lex);
    } else if (app == "read") {
        input_props(n, w, 2, 3, 99, lex);
    } else if (app == "bind_digit_action") {
        digit_action_props(n, data, lex);
    } else if (app == "playback" || app == "speak" || app == "say" || app == "phrase") {
        n.kind = FlowKind::prompt;
        n.prompt_file = data;
        n.prompt_text = file_words(data);
    } else if (app == "log" || app == "info" || app == "event") {
        n.kind = FlowKind::logging;
        n.log = true;
    } else if (app == "set" || app == "export" || app == "set_user" || app == "hash" || app == "push" || app == "unshift") {
        set_props(n, data, vars);
    } else if (app == "curl" || app == "socket" || app == "lua" || app == "python" || app == "javascript" ||
               app == "system" || app == "httapi") {
        n.kind = FlowKind::invoke;
    } else if (app == "bridge" || app == "conference" || app == "fifo" || app == "callcenter" || app == "voicemail") {
        n.kind = FlowKind::transfer;
    } else if (app == "transfer" || app == "execute_extension") {
        n.kind = FlowKind::transfer;
        // transfer <ext> [XML <context>]
        if (w.size() >= 3) {
            n.transfer.flow = w[2];
            n.transfer.node = w[2] + "," + w[0];
        }
    } else if (app == "hangup") {
        n.kind = FlowKind::end;
    } else if (app == "answer" || app == "sleep" || app == "pre_answer" || app == "ring_ready" || app == "respond" ||
               app == "sched_hangup" || app == "park" || app == "playback_terminators" || app == "digit_action_set_realm" ||
               app == "clear_digit_action" || app == "start_dtmf" || app == "stop_dtmf" || app == "unset" ||
               app == "limit" || app == "db" || app == "ring" || app == "endless_playback") {
        n.kind = FlowKind::other;
        if (Recording st = uuid_record_state(data, file); st != Recording::unset) recording(n, st, file, vars);
    } else {
        n.kind = FlowKind::other;
        known = false;
    }
}

// One configuration unit: a `<context>`, or the loose `<extension>`s of a snippet file
// (FusionPBX keeps one extension per file; `<include>` roots hold a few).
struct Unit {
    std::string name;
    const Node* at = nullptr;
    std::vector<const Node*> extensions;
};

void find_units(const Node& e, std::vector<Unit>& contexts, Unit& loose) {
    if (e.key == "context") {
        Unit u{xml_attr(e, "name"), &e, {}};
        for (const Node* c : xml_children(e)) {
            if (c->key == "extension") u.extensions.push_back(c);
        }
        contexts.push_back(std::move(u));
        return;
    }
    if (e.key == "extension") {
        if (!loose.at) loose.at = &e;
        loose.extensions.push_back(&e);
        return;
    }
    for (const Node* c : xml_children(e)) find_units(*c, contexts, loose);
}

class UnitBuilder {
public:
    UnitBuilder(const InputFile& file, const Unit& unit, const SensitivityLexicon& lex)
        : m_b(file.path, "freeswitch-xml", unit.name), m_unit(unit), m_lex(lex) {}

    FlowGraph build(std::vector<Diagnostic>& notes) {
        std::string label = m_unit.at->key == "context" ? "<context name=\"" + m_unit.name + "\">" : "dialplan " + m_unit.name;
        m_entry = m_b.add_entry(m_unit.name, "context", label, m_unit.at->span);
        for (const Node* ext : m_unit.extensions) extension(*ext);
        FlowGraph g = m_b.finish(notes);
        refine_sensitivity_by_digits(g);
        return g;
    }

private:
    void extension(const Node& ext) {
        std::string ename = xml_attr(ext, "name");
        std::vector<std::uint32_t> tail{m_entry};
        std::string cond = "exten:" + ename;
        for (const Node* c : xml_children(ext)) {
            if (c->key != "condition") continue;
            std::vector<std::uint32_t> anti_tail = tail;
            std::string expr = xml_attr(*c, "expression");
            std::string ccond = expr.empty() ? cond : "cond:" + expr;
            std::string acond = expr.empty() ? cond : "cond:!" + expr;
            for (const Node* a : xml_children(*c)) {
                bool anti = a->key == "anti-action";
                if (a->key != "action" && !anti) continue;
                std::uint32_t idx = action(*a, ename);
                std::vector<std::uint32_t>& t = anti ? anti_tail : tail;
                for (std::uint32_t p : t) m_b.edge(p, idx, anti ? acond : ccond);
                (anti ? acond : ccond).clear();
                t = {idx};
            }
            if (anti_tail != tail) tail.insert(tail.end(), anti_tail.begin(), anti_tail.end());
            cond.clear();
        }
    }

    std::uint32_t action(const Node& a, const std::string& ename) {
        FlowNode n;
        n.platform_type = xml_attr(a, "application");
        std::string data = xml_attr(a, "data");
        n.id = m_unit.name + "," + ename + "," + std::to_string(a.span.start.line) + ":" + std::to_string(a.span.start.column);
        n.span = a.span;
        bool known = true;
        app_props(n, n.platform_type, data, m_lex, m_vars, known);
        if (!known) m_b.note(a.span, "unknown FreeSWITCH application '" + n.platform_type + "' (treated as 'other')");
        dialplan_refs(data, n.reads);
        n.url = find_url(data);
        n.label = n.platform_type + "(" + short_text(data, 40) + ")";
        return m_b.add(std::move(n));
    }

    GraphBuilder m_b;
    const Unit& m_unit;
    const SensitivityLexicon& m_lex;
    Vars m_vars;
    std::uint32_t m_entry = 0;
};

}  // namespace

std::vector<FlowGraph> build_freeswitch(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                        std::vector<Diagnostic>& notes) {
    std::vector<Unit> units;
    Unit loose;
    find_units(doc.root, units, loose);
    if (!loose.extensions.empty()) {
        // A snippet belongs to the context it names (FusionPBX `context="..."`), else to its file.
        std::string ctx = xml_attr(*loose.at, "context");
        bool plain = !ctx.empty() && ctx.find("${") == std::string::npos;
        loose.name = plain ? ctx : flow_name_from_path(file.path);
        units.push_back(std::move(loose));
    }
    std::vector<FlowGraph> out;
    for (const Unit& u : units) out.push_back(UnitBuilder(file, u, lex).build(notes));
    // X-PRE-PROCESS include links files into one configuration unit (rules/flow/config_units.h).
    std::vector<std::string> includes;
    std::function<void(const Node&)> find_includes = [&](const Node& e) {
        if (iequals(e.key, "X-PRE-PROCESS") && iequals(xml_attr(e, "cmd"), "include") && !xml_attr(e, "data").empty()) {
            includes.push_back(xml_attr(e, "data"));
        }
        for (const Node* c : xml_children(e)) find_includes(*c);
    };
    find_includes(doc.root);
    for (FlowGraph& g : out) g.includes = includes;
    return out;
}

bool sniff_freeswitch(const SniffInput& in) {
    const std::string& n = in.root;
    auto has = [&](std::string_view needle) { return contains(in.head, needle); };
    if (n == "document" && has("freeswitch")) return true;
    // Dialplan snippets (FusionPBX keeps one `<extension>` per file) have no `<document>`.
    if (n == "extension") return has("<condition") || has("application=");
    return (n == "include" || n == "context" || n == "section" || n == "profile" || n == "configuration") &&
           (has("<extension") || has("application=") || has("<param name=") || has("<gateway") || has("X-PRE-PROCESS") ||
            (n == "configuration" && has(".conf\"")));
}

}  // namespace ccscan::analyzers::flow
