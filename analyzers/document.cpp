#include "analyzers/document.h"

namespace ccscan::analyzers {

const Node* Node::find(std::string_view child_key) const {
    for (const Node& c : children) {
        if (c.key == child_key) return &c;
    }
    return nullptr;
}

std::string_view Node::get(std::string_view child_key) const {
    const Node* c = find(child_key);
    return c ? std::string_view(c->value) : std::string_view();
}

}  // namespace ccscan::analyzers
