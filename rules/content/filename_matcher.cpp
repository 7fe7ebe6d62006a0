#include "rules/content/filename_matcher.h"

#include "analyzers/text_mask.h"
#include "rules/content/detectors.h"
#include "rules/message.h"
#include "rules/pack_support.h"
#include "rules/rule.h"

namespace ccscan::rules::content {

namespace {

class FilenameMatcher : public Matcher {
public:
    explicit FilenameMatcher(std::shared_ptr<const ContentScanner> scanner) : m_scanner(std::move(scanner)) {}

    void match_file(const Rule& rule, const FileContext& ctx, std::vector<Finding>& out) const override {
        static const std::set<std::string, std::less<>> k_none;
        const bool skip_test_cards = ctx.policy.scalar("test_card_numbers").value_or("true") != "false";
        const std::string& path = ctx.file.path;
        for (const Detection& d : m_scanner->scan(path, skip_test_cards ? builtin_catalog().test_cards : k_none, ctx.hash_key)) {
            if (d.test_value) continue;
            Finding f;
            f.location = {path, {{1, 1}, {1, 1}}};
            f.evidence = d.evidence;
            // The masked path: the hidden digits are not part of what the fingerprint hashes.
            f.fingerprint_key = "filename:" + d.detector->id + ":" + analyzers::mask_digit_runs(path) + ":" + std::to_string(d.begin);
            MessageVars vars{{"detector", d.detector->id}, {"description", d.detector->description}, {"evidence", d.evidence}};
            f.message = render_message(rule.message_template.empty() ? rule.title : rule.message_template, vars);
            out.push_back(std::move(f));
        }
    }

private:
    std::shared_ptr<const ContentScanner> m_scanner;
};

}  // namespace

Result<std::shared_ptr<const Matcher>> make_filename_matcher(const analyzers::Node& spec, const PackContext& ctx) {
    if (auto e = check_keys(ctx, spec, {"detectors"}, "filename matcher")) return *e;
    SpecReader r{ctx, {}};
    auto ids = r.strings(spec, "detectors", true);
    if (!r.ok()) return *r.error;
    const Catalog& cat = builtin_catalog();
    std::vector<std::string> known;
    for (const DetectorSpec& d : cat.detectors) known.push_back(d.id);
    std::vector<const DetectorSpec*> specs;
    for (const std::string& id : *ids) {
        const DetectorSpec* d = cat.find(id);
        if (!d) {
            std::string hint = did_you_mean(id, known);
            return spec_error(ctx, *spec.find("detectors"), "unknown detector '" + id + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        specs.push_back(d);
    }
    if (specs.empty()) return spec_error(ctx, spec, "filename matcher needs 'detectors'");
    auto scanner = ContentScanner::build(std::move(specs));
    if (!scanner.ok()) return spec_error(ctx, spec, scanner.error().message);
    return std::shared_ptr<const Matcher>(std::make_shared<FilenameMatcher>(std::move(scanner.value())));
}

}  // namespace ccscan::rules::content
