#include "rules/registry.h"

#include "rules/code/code_matcher.h"
#include "rules/config/config_matcher.h"
#include "rules/content/content_matcher.h"
#include "rules/content/filename_matcher.h"
#include "rules/flow/flow_matcher.h"

namespace ccscan::rules {

// Every matcher kind, in the order `ccscan rules kinds` lists them.
const std::vector<MatcherKind>& matcher_kinds() {
    static const std::vector<MatcherKind> k_kinds = {
        {"config", "path + conditions over a Document (JSON, YAML, XML, INI, HCL, properties)", &config::make_config_matcher},
        {"flow", "state, ordering and taint properties over IVR flow graphs, across transfers", &flow::make_flow_matcher},
        {"code", "tree-sitter queries with predicates and intra-procedural taint over source code", &code::make_code_matcher},
        {"content", "built-in detectors (PAN, SSN, IBAN, phone, e-mail, keys) and user patterns over any text", &content::make_content_matcher},
        {"filename", "built-in content detectors over a file's relative path (file and folder names)", &content::make_filename_matcher},
    };
    return k_kinds;
}

const MatcherKind* find_matcher_kind(std::string_view name) {
    for (const MatcherKind& k : matcher_kinds()) {
        if (k.name == name) return &k;
    }
    return nullptr;
}

}  // namespace ccscan::rules
