#include "rules/message.h"

namespace ccscan::rules {

std::string render_message(std::string_view tmpl, const MessageVars& vars) {
    std::string out;
    out.reserve(tmpl.size());
    std::size_t i = 0;
    while (i < tmpl.size()) {
        auto open = tmpl.find("{{", i);
        if (open == std::string_view::npos) break;
        auto close = tmpl.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out.append(tmpl.substr(i, open - i));
        std::string_view name = tmpl.substr(open + 2, close - open - 2);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (auto it = vars.find(name); it != vars.end()) out += it->second;
        i = close + 2;
    }
    out.append(tmpl.substr(i));
    return out;
}

}  // namespace ccscan::rules
