#include "rules/embedded_scan.h"

namespace ccscan::rules {

namespace {

void remap(const analyzers::EmbeddedCode& code, Location& loc, const std::string& path) {
    loc.path = path;
    if (!loc.span.known()) return;
    loc.span.start = analyzers::map_position(code, loc.span.start);
    loc.span.end = analyzers::map_position(code, loc.span.end);
    if (loc.span.end < loc.span.start) loc.span.end = loc.span.start;
}

}  // namespace

void scan_embedded_code(const std::vector<const Rule*>& rules, const analyzers::InputFile& file,
                        const analyzers::ParsedFile& parsed, const analyzers::AnalyzeOptions& options,
                        const Policy& policy, std::string_view hash_key, std::vector<Finding>& out,
                        std::vector<const Rule*>& rule_of) {
    for (const analyzers::EmbeddedCode& code : parsed.embedded_code) {
        analyzers::InputFile sub{file.path, file.abs_path, code.text, file.origin, file.git};
        analyzers::AnalyzeOptions o = options;
        o.want_flows = false;
        o.want_syntax = true;
        analyzers::ParsedFile p = analyzers::analyze(sub, code.language, o);
        if (p.failure || !p.syntax) continue;
        FileContext ctx{sub, p, policy, hash_key};
        for (const Rule* r : rules) {
            if (!r->matcher->per_file() || !r->matcher->needs_syntax() || !r->applies_to.applies(code.language, file.path)) continue;
            if (!r->matcher->may_match(code.text, code.language)) continue;
            std::size_t before = out.size();
            r->matcher->match_file(*r, ctx, out);
            for (std::size_t k = before; k < out.size(); ++k) {
                Finding& f = out[k];
                remap(code, f.location, file.path);
                for (Location& rel : f.related) remap(code, rel, file.path);
                for (PathStep& step : f.path) remap(code, step.location, file.path);
                f.fingerprint_key = code.where + "\n" + f.fingerprint_key;
                f.format = code.language;
                rule_of.push_back(r);
            }
        }
    }
}

}  // namespace ccscan::rules
