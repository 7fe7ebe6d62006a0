#include "rules/rule.h"

#include <algorithm>

#include "analyzers/format_registry.h"
#include "analyzers/glob.h"

namespace ccscan::rules {

bool Selector::applies(std::string_view format, std::string_view path) const {
    if (!formats.empty()) {
        const analyzers::FormatInfo* info = analyzers::find_format(format);
        bool ok = std::any_of(formats.begin(), formats.end(), [&](const std::string& f) {
            return f == format || (info && info->syntax == f);
        });
        if (!ok) return false;
    }
    if (!paths.empty() &&
        std::none_of(paths.begin(), paths.end(), [&](const std::string& g) { return analyzers::glob_match(g, path); })) {
        return false;
    }
    return std::none_of(exclude_paths.begin(), exclude_paths.end(),
                        [&](const std::string& g) { return analyzers::glob_match(g, path); });
}

}  // namespace ccscan::rules
