#include "analyzers/flow/voicexml_adapter.h"

#include <functional>
#include <map>

#include <re2/re2.h>

#include "analyzers/flow/graph_builder.h"
#include "analyzers/flow/xml_helpers.h"
#include "analyzers/format_sniff.h"
#include "analyzers/flow/label.h"

namespace ccscan::analyzers::flow {

namespace {

std::vector<std::string> split_names(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

class VxmlBuilder {
public:
    VxmlBuilder(const std::string& path, const std::string& name, const SensitivityLexicon& lex)
        : m_b(path, "voicexml", name), m_lex(lex) {}

    FlowGraph build(const Node& root, std::vector<Diagnostic>& notes) {
        std::uint32_t e = m_b.add_entry("(entry)", "vxml", "<vxml>", root.span);
        m_doc_props = properties(root, {});
        bool first = true;
        for (const Node* c : xml_children(root)) {
            if (c->key != "form" && c->key != "menu") continue;
            std::uint32_t f = form(*c);
            if (first) m_b.edge(e, f);
            first = false;
        }
        return m_b.finish(notes);
    }

private:
    // `builtin:dtmf/digits?length=16` (src or type), or an inline SRGS grammar whose items repeat
    // a digit rule (`<item repeat="16">`, `repeat="13-19"`): the most digits it accepts.
    // Returns the grammar's rule ids.
    static std::string grammar(const Node& g, FlowNode& n) {
        int max = std::max(n.input.max_digits, digits_in_spec(xml_attr(g, "src")));
        std::string rules;
        std::function<void(const Node&)> walk = [&](const Node& e) {
            if (e.key == "rule" || e.key == "grammar") rules += xml_attr(e, e.key == "rule" ? "id" : "root") + " ";
            if (e.key == "item") {
                std::string rep = xml_attr(e, "repeat");
                std::size_t dash = rep.find('-');
                int hi = parse_int(dash == std::string::npos ? rep : rep.substr(dash + 1));
                max = std::max(max, hi > 0 ? hi : parse_int(rep));
            }
            for (const Node* c : xml_children(e)) walk(*c);
        };
        walk(g);
        if (max > 0) n.input.max_digits = max;
        return rules;
    }

    static int digits_in_spec(const std::string& spec) {
        if (auto p = spec.find("maxlength="); p != std::string::npos) return parse_int(spec.substr(p + 10));
        if (auto p = spec.find("length="); p != std::string::npos) return parse_int(spec.substr(p + 7));
        return 0;
    }

    static std::map<std::string, std::string> properties(const Node& scope, std::map<std::string, std::string> inherited) {
        for (const Node* c : xml_children(scope)) {
            if (c->key == "property") inherited[xml_attr(*c, "name")] = xml_attr(*c, "value");
        }
        return inherited;
    }

    std::uint32_t add(FlowNode n, const Node& e) {
        n.span = e.span;
        if (n.id.empty()) n.id = e.key + "@" + std::to_string(e.span.start.line) + ":" + std::to_string(e.span.start.column);
        if (m_b.has(n.id)) n.id += "@" + std::to_string(e.span.start.line);
        if (n.label.empty()) n.label = "<" + e.key + ">";
        return m_b.add(std::move(n));
    }

    // An input item's variable; a templated name (`name="{{fieldName}}"`, blank after the
    // template is masked) gets one from its position.
    static std::string item_name(const Node& e) {
        std::string name = xml_attr(e, "name");
        if (name.find_first_not_of(" \t\r\n") != std::string::npos) return name;
        return e.key + "@" + std::to_string(e.span.start.line) + ":" + std::to_string(e.span.start.column);
    }

    std::uint32_t form(const Node& f) {
        m_form_items.clear();
        FlowNode n;
        n.id = xml_attr(f, "id");
        n.platform_type = f.key;
        n.kind = FlowKind::other;
        n.label = "<" + f.key + " id=\"" + n.id + "\">";
        std::uint32_t idx = add(std::move(n), f);
        std::map<std::string, std::string> props = properties(f, m_doc_props);
        std::vector<std::uint32_t> tails{idx};
        for (const Node* item : xml_children(f)) tails = element(*item, tails, props);
        return idx;
    }

    // Adds the node for `e` after `preds`; returns the nodes the path continues from.
    std::vector<std::uint32_t> element(const Node& e, std::vector<std::uint32_t> preds,
                                       const std::map<std::string, std::string>& props) {
        const std::string& k = e.key;
        FlowNode n;
        n.platform_type = k;
        n.kind = FlowKind::other;
        bool container = false;
        if (k == "field") {
            n.kind = FlowKind::collect_input;
            n.id = item_name(e);
            n.writes.push_back(n.id);
            m_form_items.push_back(n.id);
            std::string text, rules;
            for (const Node* c : xml_children(e)) {
                if (c->key == "prompt") text += subtree_text(*c) + " ";
                if (c->key == "grammar") rules += grammar(*c, n);
            }
            if (int d = digits_in_spec(xml_attr(e, "type")); d > 0) n.input.max_digits = d;
            while (!text.empty() && text.back() == ' ') text.pop_back();
            n.prompt_text = text;
            auto scoped = properties(e, props);
            n.input.record_utterance = truthy(scoped["recordutterance"]);
            n.input.sensitivity = m_lex.classify_name(n.id);
            if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = m_lex.classify_text(text);
            // An inline grammar names what it collects in its rule ids (`<rule id="cardnum">`).
            if (n.input.sensitivity == Sensitivity::none) n.input.sensitivity = m_lex.classify_text(normalize_identifier(rules));
            container = true;
        } else if (k == "block" || k == "filled" || k == "noinput" || k == "nomatch" || k == "catch" || k == "if") {
            container = true;
        } else if (k == "prompt" || k == "audio") {
            n.kind = FlowKind::prompt;
            n.prompt_text = subtree_text(e);
        } else if (k == "record") {
            n.kind = FlowKind::recording;
            n.voicemail = true;
            n.id = item_name(e);
            n.writes.push_back(n.id);
            m_form_items.push_back(n.id);
            container = true;  // its <filled> uploads the recording
        } else if (k == "log") {
            n.kind = FlowKind::logging;
            n.log = true;
            n.reads = split_names(xml_attr(e, "expr") + " " + subtree_text(e));
        } else if (k == "submit" || k == "data") {
            n.kind = FlowKind::invoke;
            n.method = xml_attr(e, "method").empty() ? "GET" : xml_attr(e, "method");
            n.reads = split_names(xml_attr(e, "namelist"));
            // Without a namelist, <submit> sends every input item of the form (VoiceXML 2.0
            // 5.3.8); a templated namelist (`namelist="{{fieldName}}"`) reads as none.
            if (n.reads.empty() && k == "submit") n.reads = m_form_items;
            n.url = xml_attr(e, k == "submit" ? "next" : "src");
        } else if (k == "transfer") {
            n.kind = FlowKind::transfer;
        } else if (k == "subdialog") {
            n.kind = FlowKind::invoke;
            n.url = xml_attr(e, "src");
        } else if (k == "exit" || k == "disconnect") {
            n.kind = FlowKind::end;
        } else if (k == "goto") {
            n.kind = FlowKind::other;
        } else if (k == "assign" || k == "var") {
            n.kind = FlowKind::set_data;
            n.writes.push_back(xml_attr(e, "name"));
            n.reads = split_names(xml_attr(e, "expr"));
        } else if (k == "property" || k == "grammar" || k == "script" || k == "value" || k == "option" ||
                   k == "choice" || k == "reprompt" || k == "clear" || k == "else" || k == "elseif" ||
                   k == "throw" || k == "return" || k == "initial" || k == "object") {
            return preds;
        } else {
            m_b.note(e.span, "unknown VoiceXML element <" + k + "> (treated as 'other')");
        }
        // Fields and prompts are labelled by their prompt text (even when empty), others by id.
        std::string what = k == "field" || k == "prompt" || k == "audio" ? n.prompt_text : n.id;
        n.label = node_label("<" + k + ">", what);
        if (k == "record") {
            // Its prompts play before recording starts (a notice there counts).
            for (const Node* c : xml_children(e)) {
                if (c->key == "prompt") preds = element(*c, preds, props);
            }
        }
        std::uint32_t idx = add(std::move(n), e);
        for (std::uint32_t p : preds) m_b.edge(p, idx);
        if (k == "goto") {
            std::string next = xml_attr(e, "next");
            if (!next.empty() && next[0] == '#') m_b.edge_to(idx, next.substr(1), "goto");
            return {};
        }
        if (k == "submit" || k == "exit" || k == "disconnect") return {};
        if (!container) return {idx};
        std::vector<std::uint32_t> tails{idx};
        auto scoped = properties(e, props);
        for (const Node* c : xml_children(e)) {
            if ((k == "field" || k == "record") && c->key == "prompt") continue;
            std::string cond = c->key == "noinput" || c->key == "nomatch" ? c->key : "";
            if (!cond.empty()) {
                (void)element(*c, {idx}, scoped);
                continue;
            }
            tails = element(*c, tails, scoped);
        }
        return tails;
    }

    GraphBuilder m_b;
    std::vector<std::string> m_form_items;  // input item variables of the current form
    const SensitivityLexicon& m_lex;
    std::map<std::string, std::string> m_doc_props;
};

}  // namespace

std::vector<FlowGraph> build_voicexml(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                      std::vector<Diagnostic>& notes) {
    VxmlBuilder vb(file.path, flow_name_from_path(file.path), lex);
    std::vector<FlowGraph> out;
    out.push_back(vb.build(doc.root, notes));
    refine_sensitivity_by_digits(out.back());
    return out;
}

std::vector<FlowGraph> build_ccxml(const InputFile& file, const Document& doc, const SensitivityLexicon& /*lex*/,
                                   std::vector<Diagnostic>& notes) {
    GraphBuilder b(file.path, "ccxml", flow_name_from_path(file.path));
    std::uint32_t e = b.add_entry("(entry)", "ccxml", "<ccxml>", doc.root.span);
    std::function<void(const Node&, std::vector<std::uint32_t>&, std::string)> walk =
        [&](const Node& el, std::vector<std::uint32_t>& tail, std::string cond) {
            for (const Node* c : xml_children(el)) {
                if (c->key == "eventprocessor" || c->key == "if") {
                    walk(*c, tail, cond);
                    continue;
                }
                if (c->key == "transition") {
                    std::vector<std::uint32_t> branch{e};
                    walk(*c, branch, "event:" + xml_attr(*c, "event"));
                    continue;
                }
                FlowNode n;
                n.platform_type = c->key;
                n.id = c->key + "@" + std::to_string(c->span.start.line) + ":" + std::to_string(c->span.start.column);
                n.span = c->span;
                n.label = "<" + c->key + ">";
                if (c->key == "dialogstart" || c->key == "dialogprepare") {
                    n.kind = FlowKind::invoke;
                    n.url = xml_attr(*c, "src");
                } else if (c->key == "createcall" || c->key == "redirect") {
                    n.kind = FlowKind::transfer;
                } else if (c->key == "send") {
                    n.kind = FlowKind::invoke;
                    n.url = xml_attr(*c, "target");
                    n.reads = split_names(xml_attr(*c, "namelist"));
                } else if (c->key == "log") {
                    n.kind = FlowKind::logging;
                    n.log = true;
                    n.reads = split_names(xml_attr(*c, "expr"));
                } else if (c->key == "disconnect" || c->key == "exit") {
                    n.kind = FlowKind::end;
                } else {
                    n.kind = FlowKind::other;
                }
                if (find_url(n.url).empty()) n.url.clear();
                std::uint32_t idx = b.add(std::move(n));
                for (std::uint32_t t : tail) b.edge(t, idx, cond);
                cond.clear();
                tail = {idx};
            }
        };
    std::vector<std::uint32_t> tail{e};
    walk(doc.root, tail, "");
    std::vector<FlowGraph> out;
    out.push_back(b.finish(notes));
    return out;
}

bool sniff_voicexml(const SniffInput& in) { return in.root == "vxml"; }

bool sniff_ccxml(const SniffInput& in) { return in.root == "ccxml"; }

}  // namespace ccscan::analyzers::flow
