// Document: the config tree every structured format is parsed into (JSON, YAML, XML, INI-style
// .conf, .properties, Terraform HCL), with a source span on every node.
//
// Shape per format (rules address it with the path language in rules/path.h):
// - JSON/YAML: object (children keyed, in source order, duplicates kept), array, scalar.
//   Multi-document YAML: the root is an array of the documents, flagged `multi_document`.
// - XML: element nodes; `key` is the element's qualified name; attributes are children of kind
//   `attribute` (key = attribute name) placed first; child elements follow; the element's own
//   text (trimmed, concatenated) is its `value`.
// - INI/.conf: root object; each `[section]` is an object child (key = section name, `tag` holds
//   template arguments such as "(!)" or "(tmpl)"); `key = value` and `key => value` lines are
//   scalar children (`tag` is "=>" for the arrow form). Lines before the first section belong to
//   a section named "" . `#include x` becomes a scalar with key "#include".
// - .properties: root object of scalars.
// - Terraform HCL: see docs/document-model.md; blocks become objects keyed by type then labels
//   (`resource.aws_connect_instance.main.contact_flow_logs_enabled`); repeated nested blocks of
//   one type become an array; expressions that are not literals keep their source text as a
//   scalar with scalar_type `expression`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers {

enum class NodeKind : std::uint8_t { object, array, scalar, element, attribute };
enum class ScalarType : std::uint8_t { string, number, boolean, null, expression };

struct Node {
    NodeKind kind = NodeKind::scalar;
    ScalarType scalar_type = ScalarType::string;
    std::string key;    // member key / element or attribute name; empty for array items and roots
    std::string value;  // scalar text (JSON strings unescaped), element text, attribute value
    std::string tag;    // format-specific extra (YAML tag, INI "=>" / template args)
    Span span;          // the whole node (for a member: the value)
    Span key_span;      // the key token, when there is one
    std::vector<Node> children;

    bool is_container() const {
        return kind == NodeKind::object || kind == NodeKind::array || kind == NodeKind::element;
    }
    // First child with this key, or nullptr.
    const Node* find(std::string_view child_key) const;
    // The scalar value of child `child_key`, or empty.
    std::string_view get(std::string_view child_key) const;
};

struct Document {
    std::string format;  // format id (see analyzers/format_registry.h)
    Node root;
    bool multi_document = false;
    std::vector<Diagnostic> notes;  // non-fatal: constructs the parser did not understand
};

// Limits every parser honours; exceeding one is a Diagnostic, never a crash or a hang.
struct ParseLimits {
    std::size_t max_depth = 512;
    std::size_t max_nodes = 5'000'000;
    std::size_t max_alias_expansion = 100'000;  // YAML: nodes produced through aliases
    std::size_t max_bytes = 64u * 1024u * 1024u;
};

}  // namespace ccscan::analyzers
