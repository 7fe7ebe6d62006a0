#include "analyzers/flow/xml_helpers.h"

namespace ccscan::analyzers::flow {

std::string xml_attr(const Node& element, std::string_view name) {
    for (const Node& c : element.children) {
        if (c.kind == NodeKind::attribute && c.key == name) return c.value;
    }
    return {};
}

std::vector<const Node*> xml_children(const Node& element) {
    std::vector<const Node*> out;
    for (const Node& c : element.children) {
        if (c.kind == NodeKind::element) out.push_back(&c);
    }
    return out;
}

}  // namespace ccscan::analyzers::flow
