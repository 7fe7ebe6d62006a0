#include "rules/code/code_matcher.h"

#include "analyzers/flow/sensitivity.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

#include "analyzers/code/languages.h"
#include "analyzers/code/syntax_tree_impl.h"
#include "analyzers/text_mask.h"
#include "rules/code/lazy_query.h"
#include "rules/code/query.h"
#include "rules/code/query_prefilter.h"
#include "rules/code/taint.h"
#include "rules/code/taint_prefilter.h"
#include "rules/finding_groups.h"
#include "rules/message.h"
#include "rules/pack_support.h"
#include "rules/redact.h"
#include "rules/rule.h"

namespace ccscan::rules::code {

using analyzers::Node;

namespace {

std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (ws && !space && !out.empty()) out += ' ';
        if (!ws) out += c;
        space = ws;
    }
    return out;
}

bool has_long_digit_run(std::string_view s) {
    int run = 0;
    for (char c : s) {
        run = (c >= '0' && c <= '9') ? run + 1 : (c == ' ' || c == '-') ? run : 0;
        if (run >= 9) return true;
    }
    return false;
}

// A URL without user info (http://host/path) is an endpoint, not a secret.
bool plain_url(std::string_view s) {
    std::string_view body = s;
    while (!body.empty() && (body.front() == '"' || body.front() == '\'' || body.front() == '`')) body.remove_prefix(1);
    if (body.rfind("http://", 0) != 0 && body.rfind("https://", 0) != 0) return false;
    return body.find('@') == std::string_view::npos && body.find('?') == std::string_view::npos;
}

// Quoted parts of code shown as "..." (they may hold secrets or card data).
std::string blank_quotes(std::string_view s) {
    std::string out;
    char quote = 0;
    for (char c : s) {
        if (quote) {
            if (c == quote) {
                out += "...";
                out += c;
                quote = 0;
            }
            continue;
        }
        if (c == '"' || c == '\'' || c == '`') quote = c;
        out += c;
    }
    return out;
}

// Capture text for messages: literals may be secrets or card data, so they are masked unless
// they are a plain URL; quoted parts of larger code are blanked.
std::string safe_capture(const analyzers::SyntaxTree& tree, TSNode n) {
    const char* type = ts_node_type(n);
    std::string text = one_line(tree.text(n));
    const bool literal = std::strstr(type, "string") || std::strstr(type, "literal") || std::strstr(type, "number") ||
                         std::strstr(type, "integer");
    if (has_long_digit_run(text) || (literal && !plain_url(text))) return mask_opaque("literal", text);
    if (!literal) text = blank_quotes(text);
    return analyzers::shorten_masked(text, 77);
}

class CodeMatcher : public Matcher {
public:
    std::map<std::string, std::shared_ptr<const LazyQuery>, std::less<>> queries;
    std::optional<TaintSpec> taint;
    std::string report = "report";
    std::vector<Literal> prefilter;  // given by the rule (exact): one must be in the file
    // Derived: per language, what the file must hold for the query to match (nullopt: nothing
    // that can be tested), and the taint spec's source/sink literals.
    std::map<std::string, std::optional<QueryPrefilter>, std::less<>> query_prefilters;
    std::optional<TaintPrefilter> taint_prefilter;

    bool needs_syntax() const override { return true; }

    std::optional<analyzers::Diagnostic> prepare(std::string_view format) const override {
        auto it = queries.find(format);
        if (it == queries.end() || it->second->get().ok()) return std::nullopt;
        return it->second->get().error();
    }

    // Semgrep-style: a file that cannot hold a match of the query of its language nor a source
    // and a sink of the taint spec is not parsed for this rule.
    bool may_match(std::string_view bytes, std::string_view format) const override { return may_match_in(format, DirectFinder(bytes)); }

    bool may_match_in(std::string_view format, const LiteralFinder& file) const override {
        if (!prefilter.empty() && std::none_of(prefilter.begin(), prefilter.end(), [&](const Literal& w) { return file.holds(w); }))
            return false;
        // A file that is not code (a CloudFormation or Terraform template) is parsed for the
        // function code embedded in it, which scan_embedded_code prefilters on its own.
        if (!analyzers::code::language_for(format)) return true;
        if (auto it = query_prefilters.find(format); it != query_prefilters.end() && (!it->second || it->second->may_match(file)))
            return true;
        return taint_prefilter && taint_prefilter->may_match(file, format);
    }

    void literals(std::vector<Literal>& out) const override {
        out.insert(out.end(), prefilter.begin(), prefilter.end());
        for (const auto& [lang, q] : query_prefilters) {
            if (q) q->literals(out);
        }
        if (taint_prefilter) taint_prefilter->literals(out);
    }

    void match_file(const Rule& rule, const FileContext& ctx, std::vector<Finding>& out) const override {
        const analyzers::SyntaxTree* tree = ctx.parsed.syntax.get();
        if (!tree) return;
        const std::string_view tmpl = rule.message_template.empty() ? rule.title : rule.message_template;
        if (auto it = queries.find(tree->language()); it != queries.end() && it->second->get().ok())
            run_query(*it->second->get().value(), *tree, tmpl, ctx, out);
        if (taint) run_taint(*tree, tmpl, ctx, out);
    }

private:
    // The class of data a hit is about: its source's name (cardNumber -> pan) or, for a whole
    // payload (`event`, `event.Details.Parameters`), the most sensitive class the file's own
    // identifiers and strings name ("none" when they name none).
    // "event['Details']['Parameters']" -> "event": hits of one payload share a cause.
    static std::string source_root(const std::string& source) {
        std::size_t end = source.find_first_of(".[(-");
        return source.substr(0, end);
    }

    static std::string data_class(const std::string& source, const std::string& text, std::optional<std::string>& file_class) {
        const auto& lex = analyzers::SensitivityLexicon::builtin();
        analyzers::Sensitivity s = lex.classify_name(source);
        if (s != analyzers::Sensitivity::none) return std::string(analyzers::to_string(s));
        if (!file_class) file_class = std::string(analyzers::to_string(lex.classify_text(analyzers::normalize_identifier(text))));
        return *file_class;
    }

    void run_query(const CompiledQuery& q, const analyzers::SyntaxTree& tree, std::string_view tmpl, const FileContext& ctx,
                   std::vector<Finding>& out) const {
        for (const QueryMatch& m : q.run(tree)) {
            if (m.captures.empty()) continue;
            const TSNode* at = m.find(report);
            TSNode node = at ? *at : m.captures.front().second;
            Finding f;
            f.location = {ctx.file.path, tree.span(node)};
            // The code with its quoted parts blanked: no literal value (a password, a card
            // number) is part of a fingerprint that leaves the machine.
            f.fingerprint_key = tree.language() + ":" + analyzers::mask_digit_runs(blank_quotes(one_line(tree.text(node))));
            MessageVars vars{{"language", tree.language()}, {"capture", safe_capture(tree, node)}};
            for (const auto& [name, n] : m.captures) vars.emplace(std::string(name), safe_capture(tree, n));
            f.message = render_message(tmpl, vars);
            out.push_back(std::move(f));
        }
    }

    // The taint rules of a file share one walk of its tree: the first of them to run walks it for
    // every code taint rule in ctx.rules and leaves each rule's hits in ctx.kind_state.
    struct SharedTaint {
        std::map<const TaintSpec*, std::vector<TaintHit>> hits;
    };

    std::vector<TaintHit> taint_hits(const analyzers::SyntaxTree& tree, const FileContext& ctx) const {
        if (!ctx.rules) return find_taint(tree, *taint, ctx.file.path);
        auto [it, fresh] = ctx.kind_state.try_emplace("code.taint");
        if (fresh) {
            auto shared = std::make_shared<SharedTaint>();
            std::vector<const TaintSpec*> specs;
            for (const Rule* r : *ctx.rules) {
                const auto* m = dynamic_cast<const CodeMatcher*>(r->matcher.get());
                if (m && m->taint) specs.push_back(&*m->taint);
            }
            std::vector<std::vector<TaintHit>> all = find_taint_all(tree, specs, ctx.file.path);
            for (std::size_t i = 0; i < specs.size(); ++i) shared->hits[specs[i]] = std::move(all[i]);
            it->second = std::move(shared);
        }
        auto& hits = static_cast<SharedTaint*>(it->second.get())->hits;
        auto mine = hits.find(&*taint);
        // Not among ctx.rules, or taken already (two rules sharing this matcher): a walk of its own.
        if (mine == hits.end()) return find_taint(tree, *taint, ctx.file.path);
        std::vector<TaintHit> out = std::move(mine->second);
        hits.erase(mine);
        return out;
    }

    void run_taint(const analyzers::SyntaxTree& tree, std::string_view tmpl, const FileContext& ctx, std::vector<Finding>& out) const {
        std::optional<std::string> file_class;  // what the file as a whole handles, computed on first use
        // One source logged or sent in several places is one finding (the others related).
        FindingGroups groups;
        for (TaintHit& h : taint_hits(tree, ctx)) {
            Finding f;
            f.sensitivity = data_class(h.source, ctx.file.bytes, file_class);
            f.location = {ctx.file.path, tree.span(h.sink)};
            f.fingerprint_key = tree.language() + ":taint:" + h.callee + ":" + blank_quotes(h.source);
            f.path = std::move(h.steps);
            MessageVars vars{{"language", tree.language()}, {"callee", h.callee}, {"source", h.source},
                             {"capture", h.callee}};
            f.message = render_message(tmpl, vars);
            groups.add(source_root(h.source), 0, std::move(f));
        }
        groups.flush(out);
    }
};

std::optional<analyzers::Diagnostic> add_query(const PackContext& ctx, const Node& at, const std::string& lang, const std::string& text,
                                               CodeMatcher& m) {
    if (!analyzers::code::language_for(lang)) {
        std::vector<std::string> names;
        for (const auto& l : analyzers::code::code_languages()) names.emplace_back(l.id);
        std::string hint = did_you_mean(lang, names);
        return spec_error(ctx, at, "unknown code language '" + lang + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    auto q = std::make_shared<LazyQuery>(lang, text, spec_error(ctx, at, ""));
    if (ctx.compile_queries && !q->get().ok()) return q->get().error();
    m.queries[lang] = std::move(q);
    return std::nullopt;
}

std::optional<analyzers::Diagnostic> read_taint(const PackContext& ctx, const Node& t, TaintSpec& spec) {
    if (auto e = check_keys(ctx, t, {"sources", "sinks", "sanitizers"}, "code taint")) return e;
    SpecReader r{ctx, {}};
    const Node* sources = r.mapping(t, "sources", true);
    const Node* sinks = r.mapping(t, "sinks", true);
    spec.sanitizers = r.strings(t, "sanitizers").value_or(std::vector<std::string>{});
    if (!r.ok()) return r.error;
    if (auto e = check_keys(ctx, *sources, {"names", "paths", "whole"}, "taint sources")) return e;
    spec.source_names = r.strings(*sources, "names").value_or(std::vector<std::string>{});
    spec.source_paths = r.strings(*sources, "paths").value_or(std::vector<std::string>{});
    spec.source_whole = r.strings(*sources, "whole").value_or(std::vector<std::string>{});
    for (std::string& p : spec.source_paths) {
        std::string n;
        for (char c : p) {
            if (c != ' ') n += c == '"' ? '\'' : c;
        }
        p = n;
    }
    for (std::string& s : spec.sanitizers) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (const Node& lang : sinks->children) {
        if (lang.key != "any" && !analyzers::code::language_for(lang.key))
            return spec_error(ctx, lang, "unknown code language '" + lang.key + "' in taint sinks");
        spec.sinks[lang.key] = r.strings(*sinks, lang.key).value_or(std::vector<std::string>{});
    }
    if (!r.ok()) return r.error;
    if (spec.source_names.empty() && spec.source_paths.empty() && spec.source_whole.empty())
        return spec_error(ctx, *sources, "taint sources need 'names', 'paths' or 'whole'");
    return std::nullopt;
}

}  // namespace

Result<std::shared_ptr<const Matcher>> make_code_matcher(const Node& spec, const PackContext& ctx) {
    if (auto e = check_keys(ctx, spec, {"languages", "query", "queries", "report", "prefilter", "taint"}, "code matcher")) return *e;
    auto m = std::make_shared<CodeMatcher>();
    SpecReader r{ctx, {}};
    auto languages = r.strings(spec, "languages");
    auto query = r.string(spec, "query");
    const Node* queries = r.mapping(spec, "queries");
    auto report = r.string(spec, "report");
    auto prefilter = r.strings(spec, "prefilter");
    const Node* taint = r.mapping(spec, "taint");
    if (!r.ok()) return *r.error;
    if (!query && !queries && !taint) return spec_error(ctx, spec, "code matcher needs 'query', 'queries' or 'taint'");
    if (query && !languages) return spec_error(ctx, *spec.find("query"), "'query' needs 'languages' (or use 'queries' per language)");
    if (query) {
        for (const std::string& l : *languages) {
            if (auto e = add_query(ctx, *spec.find("query"), l, *query, *m)) return *e;
        }
    }
    if (queries) {
        for (const Node& q : queries->children) {
            if (auto e = add_query(ctx, q, q.key, q.value, *m)) return *e;
        }
    }
    if (report) m->report = *report;
    if (taint) {
        m->taint.emplace();
        if (auto e = read_taint(ctx, *taint, *m->taint)) return *e;
    }
    if (prefilter) {
        for (const std::string& w : *prefilter) m->prefilter.push_back(make_literal(LiteralMode::exact, w));
    }
    for (const auto& [lang, q] : m->queries) m->query_prefilters[lang] = QueryPrefilter::from_text(q->text());
    if (m->taint) m->taint_prefilter.emplace(*m->taint);
    return std::shared_ptr<const Matcher>(std::move(m));
}

}  // namespace ccscan::rules::code
