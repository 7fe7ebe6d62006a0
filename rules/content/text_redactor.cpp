#include "rules/content/text_redactor.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "analyzers/text_mask.h"
#include "rules/content/detectors.h"

namespace ccscan::rules::content {

namespace {

const ContentScanner* all_detectors() {
    static const std::shared_ptr<const ContentScanner> k_scanner = [] {
        std::vector<const DetectorSpec*> specs;
        for (const DetectorSpec& d : builtin_catalog().detectors) specs.push_back(&d);
        auto s = ContentScanner::build(std::move(specs));
        return s.ok() ? s.value() : nullptr;
    }();
    return k_scanner.get();
}

}  // namespace

std::string redact_text(std::string_view text, std::string_view hash_key) {
    const ContentScanner* scanner = all_detectors();
    if (!scanner || text.empty() || !scanner->any(text)) return analyzers::mask_digit_runs(text);
    static const std::set<std::string, std::less<>> k_no_test_cards;
    std::string out;
    std::size_t at = 0;
    for (const Detection& d : scanner->scan(text, k_no_test_cards, hash_key)) {
        if (d.begin < at) {
            // Overlaps one already replaced (a PAN that is also a phone): hide what sticks out.
            if (d.end > at) out.append(d.end - at, '*');
            at = std::max(at, d.end);
            continue;
        }
        out.append(text.substr(at, d.begin - at));
        out += d.evidence;
        at = d.end;
    }
    out.append(text.substr(at));
    return analyzers::mask_digit_runs(out);
}

}  // namespace ccscan::rules::content
