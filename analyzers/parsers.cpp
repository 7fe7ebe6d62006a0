#include "analyzers/parsers.h"

#include "analyzers/code/code_parser.h"
#include "analyzers/code/languages.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>

#include "analyzers/flow/builder.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/hcl_parser.h"
#include "analyzers/ini_parser.h"
#include "analyzers/json_parser.h"
#include "analyzers/xml_parser.h"
#include "analyzers/yaml_parser.h"

namespace ccscan::analyzers {

Result<Document> parse_document(std::string_view syntax, std::string_view text, const std::string& path, const ParseLimits& limits) {
    if (syntax == "json") return parse_json(text, path, limits);
    if (syntax == "yaml") return parse_yaml(text, path, limits);
    if (syntax == "xml") {
        // Template markup (JSP, PHP, Mustache) is blanked only in template files: FreeSWITCH and
        // plain XML use ${var} as data.
        XmlOptions xo;
        static constexpr std::string_view k_template_ext[] = {".jsp", ".jspx", ".php", ".mustache", ".hbs", ".html", ".htm", ".erb", ".tmpl", ".tpl", ".j2"};
        for (std::string_view ext : k_template_ext) {
            if (std::string_view(path).ends_with(ext)) xo.blank_templates = true;
        }
        return parse_xml(text, path, limits, xo);
    }
    if (syntax == "hcl") return parse_hcl(text, path, limits);
    if (syntax == "ini") return parse_ini(text, path, limits);
    if (syntax == "properties") return parse_properties(text, path, limits);
    Document empty;
    return empty;
}

namespace {

// The lexicon for a set of user extras, built once per distinct set (scans use one).
const SensitivityLexicon& lexicon_for(const std::vector<std::string>& extras, std::vector<Diagnostic>& notes) {
    if (extras.empty()) return SensitivityLexicon::builtin();
    static std::mutex mutex;
    static std::map<std::vector<std::string>, std::pair<SensitivityLexicon, std::vector<Diagnostic>>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(extras);
    if (it == cache.end()) {
        std::vector<Diagnostic> n;
        SensitivityLexicon lex = SensitivityLexicon::with_extras(extras, n);
        it = cache.emplace(extras, std::make_pair(std::move(lex), std::move(n))).first;
    }
    notes.insert(notes.end(), it->second.second.begin(), it->second.second.end());
    return it->second.first;
}

}  // namespace

void build_artifacts(const InputFile& file, ParsedFile& parsed, const AnalyzeOptions& options) {
    if (options.want_flows && has_flow_adapter(parsed.format)) {
        std::vector<Diagnostic> notes;
        const SensitivityLexicon& lex = lexicon_for(options.extra_sensitive_words, notes);
        build_flows(file, parsed, lex);
    }
    if (options.want_syntax && code::language_for(parsed.format)) {
        auto timeout = k_default_parse_timeout;
        if (options.deadline) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*options.deadline - std::chrono::steady_clock::now());
            timeout = std::clamp(left, std::chrono::milliseconds(1), timeout);
        }
        parsed.syntax = parse_code(file, parsed.format, parsed.notes, timeout);
    }
}

}  // namespace ccscan::analyzers
