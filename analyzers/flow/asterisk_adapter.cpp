#include "analyzers/flow/asterisk_adapter.h"

#include <algorithm>
#include <map>
#include <set>

#include <re2/re2.h>

#include "analyzers/flow/dialplan_refs.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_sniff.h"

namespace ccscan::analyzers::flow {

namespace {

struct Prio {
    std::string exten;
    int number = 0;
    std::string label;
    std::string app;  // as written
    std::string args;
    Span span;
};

struct Context {
    std::string name;
    Span span;
    std::vector<Prio> prios;
    std::vector<std::pair<std::string, Span>> includes;
};

std::string trim(std::string_view s) { return std::string(analyzers::trim(s, " \t\r")); }

// Strips a `;` comment (a `\;` is an escaped semicolon).
std::string strip_comment(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == ';' && (i == 0 || line[i - 1] != '\\')) return std::string(line.substr(0, i));
    }
    return std::string(line);
}

// Splits on commas outside parentheses/brackets.
std::vector<std::string> split_args(std::string_view s) {
    std::vector<std::string> out;
    int depth = 0;
    std::string cur;
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') ++depth;
        if (c == ')' || c == ']' || c == '}') --depth;
        if (c == ',' && depth <= 0) {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    out.push_back(trim(cur));
    return out;
}

// "n(label),App(args)" or "1,App(args)" after the extension.
bool parse_step(std::string_view rest, Prio& p, int last) {
    std::size_t comma = rest.find(',');
    if (comma == std::string_view::npos) return false;
    std::string prio = trim(rest.substr(0, comma));
    std::string app = trim(rest.substr(comma + 1));
    if (auto lp = prio.find('('); lp != std::string::npos) {
        std::size_t rp = prio.find(')', lp);
        p.label = prio.substr(lp + 1, rp == std::string::npos ? std::string::npos : rp - lp - 1);
        prio = prio.substr(0, lp);
    }
    if (prio == "n") {
        p.number = last + 1;
    } else if (prio == "hint") {
        return false;
    } else if (!prio.empty() && prio.find_first_not_of("0123456789") == std::string::npos && prio.size() < 9) {
        p.number = parse_int(prio);
    } else {
        p.number = last + 1;
    }
    std::size_t lp = app.find('(');
    if (lp == std::string::npos) {
        p.app = app;
    } else {
        p.app = trim(app.substr(0, lp));
        std::size_t rp = app.rfind(')');
        p.args = app.substr(lp + 1, rp == std::string::npos || rp < lp ? std::string::npos : rp - lp - 1);
    }
    return !p.app.empty();
}

// `#include file`, `#include "file"`, `#tryinclude <file>`: the file joins this one's
// configuration unit (`#exec` runs a program: nothing to link).
void include_directive(const std::string& line, std::vector<std::string>& includes) {
    std::string l = lower(line);
    std::size_t skip = l.rfind("#include", 0) == 0 ? 8 : l.rfind("#tryinclude", 0) == 0 ? 11 : 0;
    if (skip == 0) return;
    std::string target = trim(line.substr(skip));
    if (target.size() >= 2 && (target.front() == '"' || target.front() == '<')) target = target.substr(1, target.size() - 2);
    target = trim(target);
    if (!target.empty()) includes.push_back(target);
}

std::vector<Context> parse_contexts(const std::string& text, GraphBuilder& notes_sink, std::vector<std::string>& file_includes) {
    std::vector<Context> out;
    std::map<std::string, int> last_prio;
    std::string last_exten;
    std::uint32_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view raw(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
        pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
        ++line_no;
        std::string line = trim(strip_comment(raw));
        if (!line.empty() && line[0] == '#') {
            include_directive(line, file_includes);
            continue;
        }
        if (line.empty()) continue;
        std::size_t indent = raw.find_first_not_of(" \t");
        Span span{{line_no, static_cast<std::uint32_t>(indent + 1)},
                  {line_no, static_cast<std::uint32_t>(indent + line.size() + 1)}};
        if (line[0] == '[') {
            std::size_t rb = line.find(']');
            Context c;
            c.name = trim(line.substr(1, rb == std::string::npos ? std::string::npos : rb - 1));
            c.span = span;
            out.push_back(std::move(c));
            last_prio.clear();
            continue;
        }
        if (out.empty()) continue;
        std::size_t arrow = line.find("=>");
        std::size_t eq = line.find('=');
        std::size_t sep = arrow != std::string::npos ? arrow : eq;
        if (sep == std::string::npos) continue;
        std::string key = lower(trim(line.substr(0, sep)));
        std::string rest = trim(line.substr(sep + (arrow != std::string::npos ? 2 : 1)));
        Context& ctx = out.back();
        if (key == "include") {
            ctx.includes.emplace_back(trim(rest), span);
        } else if (key == "exten" || key == "same") {
            Prio p;
            p.span = span;
            if (key == "exten") {
                std::size_t comma = rest.find(',');
                if (comma == std::string::npos) continue;
                last_exten = trim(rest.substr(0, comma));
                rest = rest.substr(comma + 1);
            }
            p.exten = last_exten;
            if (!parse_step(rest, p, last_prio[p.exten])) continue;
            last_prio[p.exten] = p.number;
            ctx.prios.push_back(std::move(p));
        } else if (key != "switch" && key != "ignorepat") {
            if (ctx.name != "general" && ctx.name != "globals") notes_sink.note(span, "dialplan line not understood: '" + key + "'");
        }
    }
    return out;
}

struct AppInfo {
    std::string_view name;  // lower case
    FlowKind kind;
};

constexpr AppInfo k_apps[] = {
    {"answer", FlowKind::other}, {"wait", FlowKind::other}, {"ringing", FlowKind::other},
    {"progress", FlowKind::other}, {"set", FlowKind::set_data}, {"setvar", FlowKind::set_data},
    {"mixmonitor", FlowKind::recording}, {"monitor", FlowKind::recording}, {"stopmixmonitor", FlowKind::recording},
    {"stopmonitor", FlowKind::recording}, {"pausemonitor", FlowKind::recording},
    {"unpausemonitor", FlowKind::recording}, {"record", FlowKind::recording},
    {"read", FlowKind::collect_input}, {"readexten", FlowKind::collect_input}, {"background", FlowKind::prompt},
    {"playback", FlowKind::prompt}, {"saydigits", FlowKind::prompt}, {"saynumber", FlowKind::prompt},
    {"sayalpha", FlowKind::prompt}, {"controlplayback", FlowKind::prompt}, {"waitexten", FlowKind::other},
    {"verbose", FlowKind::logging}, {"noop", FlowKind::logging}, {"log", FlowKind::logging},
    {"dumpchan", FlowKind::logging}, {"system", FlowKind::invoke}, {"trysystem", FlowKind::invoke},
    {"agi", FlowKind::invoke}, {"eagi", FlowKind::invoke}, {"fastagi", FlowKind::invoke}, {"deadagi", FlowKind::invoke},
    {"sendtext", FlowKind::invoke}, {"sms", FlowKind::invoke}, {"dial", FlowKind::transfer},
    {"queue", FlowKind::transfer}, {"voicemail", FlowKind::recording}, {"hangup", FlowKind::end},
    {"return", FlowKind::end}, {"macroexit", FlowKind::end}, {"goto", FlowKind::other}, {"gotoif", FlowKind::other},
    {"gosub", FlowKind::transfer}, {"gosubif", FlowKind::transfer}, {"macro", FlowKind::transfer},
    {"chanspy", FlowKind::other}, {"playtones", FlowKind::other}, {"musiconhold", FlowKind::hold},
    {"congestion", FlowKind::end}, {"busy", FlowKind::end}, {"authenticate", FlowKind::collect_input},
    {"senddtmf", FlowKind::other}, {"page", FlowKind::transfer}, {"confbridge", FlowKind::transfer},
    {"stasis", FlowKind::invoke}, {"execif", FlowKind::other}, {"while", FlowKind::other},
    {"endwhile", FlowKind::other}, {"gotoiftime", FlowKind::other}, {"directory", FlowKind::other},
    {"voicemailmain", FlowKind::other}, {"userevent", FlowKind::logging}, {"celgenuserevent", FlowKind::logging},
    {"forkcdr", FlowKind::other}, {"resetcdr", FlowKind::other}, {"nocdr", FlowKind::other}, {"echo", FlowKind::other},
};

// Prompt file names as words ("enter-card-number" -> "enter card number").
std::string file_words(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c == '-' || c == '_' || c == '/' || c == '&') c = ' ';
    }
    return out;
}

void app_props(FlowNode& n, const std::string& app, const std::vector<std::string>& args, const std::string& raw_args,
               const SensitivityLexicon& lex) {
    auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : std::string(); };
    if (app == "mixmonitor" || app == "monitor") {
        n.actions.recording = Recording::on;
        n.recording_file = arg(0);
    } else if (app == "stopmixmonitor" || app == "stopmonitor") {
        n.actions.recording = Recording::off;
    } else if (app == "pausemonitor") {
        n.actions.recording = Recording::paused;
    } else if (app == "unpausemonitor") {
        n.actions.recording = Recording::on;
    } else if (app == "record" || app == "voicemail") {
        n.voicemail = true;
        n.recording_file = arg(0);
    } else if (app == "read" || app == "readexten") {
        n.writes.push_back(arg(0));
        n.prompt_file = arg(1);
        n.prompt_text = file_words(arg(1));
        if (app == "read") n.input.max_digits = digit_count(arg(2));
        n.input.sensitivity = lex.classify_name(arg(0));
        if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = lex.classify_text(file_words(arg(1)));
    } else if (n.kind == FlowKind::prompt) {
        n.prompt_file = arg(0);
        n.prompt_text = file_words(arg(0));
    } else if (n.kind == FlowKind::logging) {
        n.log = true;
    } else if (app == "system" || app == "trysystem") {
        n.raw["command"] = raw_args;
        if (raw_args.find("mail") != std::string::npos) n.message = MessageChannel::email;
    } else if (app == "sendtext" || app == "sms") {
        n.message = MessageChannel::sms;
    } else if (app == "set" || app == "setvar") {
        std::size_t eq = raw_args.find('=');
        std::string var = trim(raw_args.substr(0, eq));
        n.writes.push_back(var);
        if (var.rfind("CDR(", 0) == 0) n.persist = Persist::cdr;
        std::string l = lower(raw_args);
        if (l.find("${curl(") != std::string::npos || l.find("${shell(") != std::string::npos) n.kind = FlowKind::invoke;
    }
}

}  // namespace

namespace {

// Goto target "[[ctx,]exten,]prio" relative to the current node.
struct Target {
    std::string context, exten, prio;
};

Target parse_target(const std::string& spec, const std::string& ctx, const std::string& exten) {
    std::vector<std::string> parts = split_args(spec);
    Target t{ctx, exten, ""};
    if (parts.size() == 1) t.prio = parts[0];
    if (parts.size() == 2) t = {ctx, parts[0], parts[1]};
    if (parts.size() >= 3) t = {parts[0], parts[1], parts[2]};
    if (t.exten.empty()) t.exten = exten;
    if (t.prio.empty()) t.prio = "1";
    return t;
}

class ContextBuilder {
public:
    ContextBuilder(const Context& ctx, const std::string& path, const SensitivityLexicon& lex)
        : m_ctx(ctx), m_b(path, "asterisk-dialplan", ctx.name), m_lex(lex) {}

    FlowGraph build(std::vector<Diagnostic>& notes) {
        m_entry = m_b.add_entry(m_ctx.name, "context", "[" + m_ctx.name + "]", m_ctx.span);
        for (const Prio& p : m_ctx.prios) add_prio(p);
        for (const auto& [exten, first] : m_first) m_b.edge(m_entry, first, "exten:" + exten);
        for (const auto& [inc, span] : m_ctx.includes) {
            FlowNode n;
            n.id = m_ctx.name + ",include," + inc;
            n.kind = FlowKind::transfer;
            n.platform_type = "include";
            n.label = "include => " + inc;
            n.transfer.flow = inc;
            n.span = span;
            m_b.edge(m_entry, m_b.add(std::move(n)), "include");
        }
        for (std::size_t i = 0; i < m_ctx.prios.size(); ++i) add_edges(i);
        FlowGraph g = m_b.finish(notes);
        refine_sensitivity_by_digits(g);
        return g;
    }

private:
    std::string id_of(const std::string& exten, const std::string& prio) const {
        auto lab = m_labels.find(exten + "\n" + prio);
        if (lab != m_labels.end()) return lab->second;
        return m_ctx.name + "," + exten + "," + prio;
    }

    void add_prio(const Prio& p) {
        FlowNode n;
        n.id = m_ctx.name + "," + p.exten + "," + std::to_string(p.number);
        n.platform_type = p.app;
        n.span = p.span;
        std::string app = lower(p.app);
        std::vector<std::string> args = split_args(p.args);
        bool known = false;
        for (const AppInfo& a : k_apps) {
            if (a.name == app) {
                n.kind = a.kind;
                known = true;
            }
        }
        if (!known) m_b.note(p.span, "unknown dialplan application '" + p.app + "' (treated as 'other')");
        app_props(n, app, args, p.args, m_lex);
        dialplan_refs(p.args, n.reads);
        n.url = find_url(p.args);
        n.label = p.exten + "," + std::to_string(p.number) + " " + p.app + "(" + short_text(p.args, 40) + ")";
        if (!p.label.empty()) m_labels[p.exten + "\n" + p.label] = n.id;
        if (!m_first.count(p.exten)) m_first[p.exten] = static_cast<std::uint32_t>(m_b.size());
        m_index.push_back(m_b.add(std::move(n)));
    }

    // Jump to a target: an edge inside this context, or a transfer to another one.
    void jump(std::uint32_t from, const std::string& spec, const Prio& p, const std::string& cond) {
        if (spec.find("${") != std::string::npos) {
            m_b.note(p.span, "computed jump target '" + spec + "' not followed");
            return;
        }
        Target t = parse_target(spec, m_ctx.name, p.exten);
        if (t.context == m_ctx.name) {
            std::string id = id_of(t.exten, t.prio);
            if (m_b.has(id)) {
                m_b.edge(from, m_b.index_of(id), cond);
            } else {
                m_b.note(p.span, "jump to unknown priority '" + spec + "' in [" + m_ctx.name + "]");
            }
            return;
        }
        FlowNode& n = m_b.node(from);
        n.kind = FlowKind::transfer;
        n.transfer.flow = t.context;
        n.transfer.node = t.context + "," + t.exten + "," + t.prio;
    }

    void add_edges(std::size_t i) {
        const Prio& p = m_ctx.prios[i];
        std::uint32_t from = m_index[i];
        std::string app = lower(p.app);
        bool falls_through = app != "hangup" && app != "return" && app != "goto" && app != "macroexit" &&
                             app != "congestion" && app != "busy";
        if (app == "goto") jump(from, p.args, p, "");
        if (app == "gotoif" || app == "gosubif") {
            std::size_t q = p.args.find('?');
            std::string branches = q == std::string::npos ? "" : p.args.substr(q + 1);
            std::size_t colon = branches.find(':');
            std::string yes = trim(branches.substr(0, colon));
            std::string no = colon == std::string::npos ? "" : trim(branches.substr(colon + 1));
            if (!yes.empty()) jump(from, yes, p, "cond:true");
            if (!no.empty()) jump(from, no, p, "cond:false");
            falls_through = yes.empty() || no.empty() || app == "gosubif";
        }
        if (app == "gosub") jump(from, p.args.substr(0, p.args.find('(')), p, "");
        if (app == "macro") {
            m_b.node(from).transfer.flow = "macro-" + split_args(p.args)[0];
        }
        if (app == "background" || app == "waitexten") {
            for (const auto& [exten, first] : m_first) {
                if (exten != p.exten && exten != "i" && exten != "h") m_b.edge(from, first, "dtmf:" + exten);
            }
        }
        if (falls_through && i + 1 < m_ctx.prios.size() && m_ctx.prios[i + 1].exten == p.exten) {
            m_b.edge(from, m_index[i + 1]);
        }
    }

    const Context& m_ctx;
    GraphBuilder m_b;
    const SensitivityLexicon& m_lex;
    std::uint32_t m_entry = 0;
    std::map<std::string, std::uint32_t> m_first;     // exten -> first node
    std::map<std::string, std::string> m_labels;      // exten\nlabel -> node id
    std::vector<std::uint32_t> m_index;               // prio index -> node index
};

}  // namespace

std::vector<FlowGraph> build_asterisk_dialplan(const InputFile& file, const SensitivityLexicon& lex,
                                               std::vector<Diagnostic>& notes) {
    GraphBuilder sink(file.path, "asterisk-dialplan", "");
    std::vector<std::string> includes;
    std::vector<Context> contexts = parse_contexts(file.bytes, sink, includes);
    std::vector<FlowGraph> out;
    for (const Context& c : contexts) {
        if (c.name == "general" || c.name == "globals") continue;
        ContextBuilder cb(c, file.path, lex);
        out.push_back(cb.build(notes));
        out.back().includes = includes;
    }
    if (out.empty() && !includes.empty()) {
        // A root such as extensions.conf that only includes other files still links them into
        // one unit: it becomes a flow with an entry and nothing else.
        GraphBuilder root(file.path, "asterisk-dialplan", "");
        root.add_entry("#include", "#include", "#include " + includes.front(), Span{{1, 1}, {1, 1}});
        out.push_back(root.finish(notes));
        out.back().includes = includes;
    }
    sink.finish(notes);
    return out;
}

bool sniff_asterisk_dialplan(const SniffInput& in) {
    static const RE2 k_dialplan("(?m)^\\s*(exten|same)\\s*=>");
    return RE2::PartialMatch(in.head, k_dialplan);
}

}  // namespace ccscan::analyzers::flow
