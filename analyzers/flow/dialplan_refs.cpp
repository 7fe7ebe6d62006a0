#include "analyzers/flow/dialplan_refs.h"

#include <cctype>

#include "analyzers/flow/graph_builder.h"

namespace ccscan::analyzers::flow {

void dialplan_refs(std::string_view text, std::vector<std::string>& out) {
    for (std::size_t p = text.find("${"); p != std::string_view::npos; p = text.find("${", p + 2)) {
        std::size_t s = p + 2, e = s;
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_')) ++e;
        if (e < text.size() && text[e] == '(') {
            std::size_t close = text.find(')', e);
            if (close != std::string_view::npos) e = close + 1;
        }
        if (e > s) add_unique(out, std::string(text.substr(s, e - s)));
    }
}

}  // namespace ccscan::analyzers::flow
