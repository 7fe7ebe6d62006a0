#include "rules/cross_artifact.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analyzers/text.h"
#include "rules/flow/flow_analysis.h"
#include "rules/flow/taint.h"
#include "rules/rule.h"

namespace ccscan::rules {

using analyzers::Document;
using analyzers::FlowKind;
using analyzers::FlowNode;
using analyzers::Node;
using analyzers::Sensitivity;

namespace {

// "acme-payment-handler", "paymentHandler", "payment_handler" -> {acme, payment, handler}.
std::vector<std::string> words_of(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(analyzers::lower(cur));
        cur.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (!std::isalnum(c)) {
            flush();
            continue;
        }
        if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(s[i - 1]))) flush();
        cur += static_cast<char>(c);
    }
    flush();
    return out;
}

// File path without folder and extensions ("lambda/payment_handler.py" -> "payment_handler").
std::string stem_of(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return std::string(name.substr(0, name.find('.')));
}

std::string without_extension(std::string_view path) {
    std::size_t slash = path.find_last_of('/');
    std::size_t dot = path.find('.', slash == std::string_view::npos ? 0 : slash + 1);
    return std::string(path.substr(0, dot));
}

bool is_code(std::string_view format) {
    static const std::set<std::string, std::less<>> k_code = {"python", "javascript", "typescript", "tsx", "java",
                                                              "csharp", "go", "php", "ruby"};
    return k_code.count(format) != 0;
}

// The deployed function a node invokes: Connect "arn:aws:lambda:r:a:function:NAME[:alias]",
// a bare name, or the last path segment of a Twilio Functions URL.
std::string invoked_function(const FlowNode& n) {
    if (n.kind != FlowKind::invoke) return {};
    if (auto it = n.raw.find("function"); it != n.raw.end() && !it->second.empty()) {
        const std::string& arn = it->second;
        std::size_t p = arn.find("function:");
        if (p != std::string::npos) {
            std::string rest = arn.substr(p + 9);
            return rest.substr(0, rest.find(':'));
        }
        std::size_t slash = arn.find_last_of("/:");
        return slash == std::string::npos ? arn : arn.substr(slash + 1);
    }
    if (n.url.find(".twil.io/") != std::string::npos) {
        std::string path = n.url.substr(n.url.find(".twil.io/") + 9);
        path = path.substr(0, path.find_first_of("?#"));
        while (!path.empty() && path.back() == '/') path.pop_back();
        std::size_t slash = path.find_last_of('/');
        return slash == std::string::npos ? path : path.substr(slash + 1);
    }
    return {};
}

bool is_suffix(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
    if (part.empty() || part.size() > whole.size()) return false;
    return std::equal(part.rbegin(), part.rend(), whole.rbegin());
}

// The candidate handler files and IaC definitions with their name words split once (a scan
// asks for every invocation node of every flow).
class HandlerIndex {
public:
    HandlerIndex(const std::vector<HandlerDef>& defs, const std::vector<std::string>& code_paths) : m_defs(defs) {
        for (const std::string& p : code_paths) m_paths.push_back({p, without_extension(p), words_of(stem_of(p))});
        for (const HandlerDef& d : defs) m_def_info.push_back({analyzers::lower(d.function), words_of(stem_of(d.module))});
    }

    // Source files that handle `function`: by IaC definition first, else by name.
    const std::vector<std::string>& files(const std::string& function) {
        auto [it, added] = m_files.try_emplace(function);
        if (added) it->second = compute(function);
        return it->second;
    }

private:
    struct PathInfo {
        const std::string& path;
        std::string bare;                // without extension
        std::vector<std::string> words;  // of the stem
    };
    struct DefInfo {
        std::string function;                   // lower-case
        std::vector<std::string> module_words;  // of the module's stem
    };

    std::vector<std::string> compute(const std::string& function) const {
        std::vector<std::string> out;
        std::string fn_lower = analyzers::lower(function);
        for (std::size_t i = 0; i < m_defs.size(); ++i) {
            const HandlerDef& d = m_defs[i];
            if (m_def_info[i].function != fn_lower || d.module.empty()) continue;
            for (const PathInfo& p : m_paths) {
                const std::string& bare = p.bare;
                bool by_path =
                    bare.size() >= d.module.size() && bare.compare(bare.size() - d.module.size(), d.module.size(), d.module) == 0;
                if (by_path || p.words == m_def_info[i].module_words) out.push_back(p.path);
            }
        }
        if (!out.empty()) return out;
        std::vector<std::string> fn = words_of(function);
        for (const PathInfo& p : m_paths) {
            const std::vector<std::string>& stem = p.words;
            // "index"/"handler"/"app" alone name nothing; "payment_handler" in "acme-payment-handler" does.
            if (stem.size() == 1 && (stem[0] == "index" || stem[0] == "handler" || stem[0] == "app" || stem[0] == "main")) continue;
            if (is_suffix(stem, fn)) out.push_back(p.path);
        }
        return out;
    }

    const std::vector<HandlerDef>& m_defs;
    std::vector<DefInfo> m_def_info;
    std::vector<PathInfo> m_paths;
    std::map<std::string, std::vector<std::string>> m_files;  // function -> handler files
};

void terraform_defs(const Node& root, std::vector<HandlerDef>& out) {
    const Node* res = root.find("resource");
    const Node* fns = res ? res->find("aws_lambda_function") : nullptr;
    if (!fns) return;
    for (const Node& f : fns->children) {
        std::string handler(f.get("handler"));
        std::string module = handler.substr(0, handler.rfind('.'));
        std::string name(f.get("function_name"));
        out.push_back({name.empty() ? f.key : name, module});
        if (!name.empty()) out.push_back({f.key, module});
    }
}

void cloudformation_defs(const Node& root, std::vector<HandlerDef>& out) {
    const Node* res = root.find("Resources");
    if (!res) return;
    for (const Node& r : res->children) {
        std::string type(r.get("Type"));
        if (type != "AWS::Lambda::Function" && type != "AWS::Serverless::Function") continue;
        const Node* props = r.find("Properties");
        if (!props) continue;
        std::string handler(props->get("Handler"));
        std::string module = handler.substr(0, handler.rfind('.'));
        std::string code_uri(props->get("CodeUri"));
        if (!code_uri.empty() && module.find('/') == std::string::npos) {
            while (!code_uri.empty() && (code_uri.back() == '/')) code_uri.pop_back();
            if (code_uri.rfind("./", 0) == 0) code_uri = code_uri.substr(2);
            if (!code_uri.empty() && code_uri.find("://") == std::string::npos) module = code_uri + "/" + module;
        }
        std::string name(props->get("FunctionName"));
        out.push_back({r.key, module});
        if (!name.empty()) out.push_back({name, module});
    }
}

void serverless_defs(const Node& root, std::vector<HandlerDef>& out) {
    const Node* fns = root.find("functions");
    const Node* service = root.find("service");
    if (!fns || !service) return;
    for (const Node& f : fns->children) {
        std::string handler(f.get("handler"));
        std::string module = handler.substr(0, handler.rfind('.'));
        std::string name(f.get("name"));
        out.push_back({f.key, module});
        out.push_back({service->value + "-" + f.key, module});  // default deployed name without the stage
        if (!name.empty()) out.push_back({name, module});
    }
}

std::string step_text(const FlowNode& n) {
    std::string s = n.label.empty() ? n.platform_type : n.label;
    s += " (" + std::string(analyzers::to_string(n.kind));
    if (n.input.sensitivity != Sensitivity::none) s += ", " + std::string(analyzers::to_string(n.input.sensitivity));
    return s + ")";
}

bool more_sensitive(Sensitivity flow, std::string_view code) {
    auto card = [](std::string_view s) { return s == "pan" || s == "cvv" || s == "expiry" || s == "pin"; };
    std::string_view f = analyzers::to_string(flow);
    if (code.empty() || code == "none") return true;
    return card(f) && !card(code);
}

}  // namespace

std::vector<HandlerDef> handler_defs(const Document& doc, std::string_view format) {
    std::vector<HandlerDef> out;
    const Node& root = doc.root;
    if (format == "terraform") terraform_defs(root, out);
    if (format == "cloudformation") cloudformation_defs(root, out);
    if (format == "yaml") serverless_defs(root, out);
    if (root.kind == analyzers::NodeKind::array && format == "yaml") {
        for (const Node& d : root.children) serverless_defs(d, out);
    }
    return out;
}

void link_handler_findings(const std::vector<const analyzers::FlowGraph*>& flow_list, const std::vector<HandlerDef>& handlers,
                           const std::vector<InventoryEntry>& inventory, const std::map<std::string, const Rule*>& rules,
                           std::vector<Finding>& findings) {
    std::vector<std::string> code_paths;
    for (const InventoryEntry& e : inventory) {
        // Failed files count too: which files exist decides the match, not whether they parsed
        // (a sharded scan knows another shard's files by path and format only).
        if (e.status != FileStatus::skipped && is_code(e.format)) code_paths.push_back(e.path);
    }
    if (code_paths.empty() || flow_list.empty()) return;
    flow::ScanGraphs graphs(flow_list);
    // Invocations whose handler is in the scan.
    HandlerIndex index(handlers, code_paths);
    std::map<std::uint32_t, const std::vector<std::string>*> handler_of;  // global node index -> files
    for (std::uint32_t g = 0; g < graphs.size(); ++g) {
        for (std::uint32_t i = 0; i < graphs.graph(g).nodes.size(); ++i) {
            std::string fn = invoked_function(graphs.graph(g).nodes[i]);
            if (fn.empty()) continue;
            const std::vector<std::string>& files = index.files(fn);
            if (!files.empty()) handler_of[graphs.global({g, i})] = &files;
        }
    }
    if (handler_of.empty()) return;
    auto is_source = [](const FlowNode& n) {
        return n.kind == FlowKind::collect_input && n.input.sensitivity != Sensitivity::none && !n.input.encrypted.value_or(false);
    };
    auto is_sink = [&](const FlowNode& n) { return !invoked_function(n).empty(); };
    auto is_sanitizer = [](const FlowNode& n) {
        return n.kind == FlowKind::payment_capture || n.input.encrypted.value_or(false);
    };
    std::vector<flow::TaintHit> hits = flow::find_taint(graphs, is_source, is_sink, is_sanitizer);
    flow::StateReach reach(graphs, flow::EffectFn([](const FlowNode&) { return std::optional<int>(); }));
    std::set<std::size_t> linked;
    for (const flow::TaintHit& h : hits) {
        auto files = handler_of.find(graphs.global(h.sink));
        if (files == handler_of.end()) continue;
        const FlowNode& src = graphs.node(h.source);
        const FlowNode& sink = graphs.node(h.sink);
        for (std::size_t k = 0; k < findings.size(); ++k) {
            Finding& f = findings[k];
            auto rule = rules.find(f.rule_id);
            if (rule == rules.end() || rule->second->matcher_kind != "code" || f.path.empty() || linked.count(k)) continue;
            if (std::find(files->second->begin(), files->second->end(), f.location.path) == files->second->end()) continue;
            std::vector<flow::NodeRef> path = reach.path_to(h.source, 0);
            std::vector<flow::NodeRef> rest = flow::shortest_path(graphs, {h.source}, h.sink);
            if (!rest.empty()) path.insert(path.end(), rest.begin() + 1, rest.end());
            std::vector<PathStep> steps;
            for (flow::NodeRef r : path) steps.push_back({{graphs.graph(r.graph).path, graphs.node(r).span}, step_text(graphs.node(r))});
            if (!steps.empty()) steps.back().message += " - passes " + h.variable + " to " + f.location.path;
            f.path.insert(f.path.begin(), steps.begin(), steps.end());
            Location src_loc{graphs.graph(h.source.graph).path, src.span};
            if (std::find(f.related.begin(), f.related.end(), src_loc) == f.related.end()) f.related.insert(f.related.begin(), src_loc);
            f.message += " (the handler receives " + std::string(analyzers::to_string(src.input.sensitivity)) + " data that flow '" +
                         graphs.graph(h.source.graph).name + "' collects at " + src.label + " and passes at " + sink.label + ")";
            if (more_sensitive(src.input.sensitivity, f.sensitivity)) {
                f.sensitivity = std::string(analyzers::to_string(src.input.sensitivity));
                const Rule& r = *rule->second;
                f.controls = controls_for(r.controls, r.unconditional_controls, r.controls_by_sensitivity, f.sensitivity);
            }
            linked.insert(k);
        }
    }
}

}  // namespace ccscan::rules
