// The Document path language used by `config` rules.
//
//   Actions[*].Parameters.StoreInput      member, any array item, member
//   resource.aws_connect_instance.*       any member of an object
//   **.InputEncryption                    recursive descent (any depth, including zero)
//   Response.Gather.@numDigits            XML element children and an attribute
//   "a.b"['x y']                          quoted keys
//   Actions[0]                            an array index
//   Actions[Type=GetParticipantInput]     array items (or members) whose child Type equals a value
//   Resources.*.Properties.Content|json   a string holding JSON, parsed and navigated further
//
// Select returns every node the path reaches, each with a stable structural key (array items
// are named by their Identifier/id/name/sid/refId child when they have one, not by index), which
// fingerprints use so that reordering or inserting items does not change them.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::rules::config {

struct PathSegment {
    enum class Type { key, any_key, any_item, index, recursive, attribute, filter, json } type = Type::key;
    std::string name;   // key / attribute name / filter child key
    std::string value;  // filter value
    long index = 0;
};

struct Path {
    std::vector<PathSegment> segments;
    std::string text;
};

// Parses a path; the error message names the offending character offset.
analyzers::Result<Path> parse_path(std::string_view text);

struct Hit {
    const analyzers::Node* node = nullptr;
    std::string key;  // structural key from the selection root
};

// Owns nodes created during selection (parsed embedded JSON); must outlive the hits.
class Selector {
public:
    void select(const analyzers::Node& from, const Path& path, std::vector<Hit>& out,
                const std::string& base_key = {});

private:
    void walk(const analyzers::Node& node, const Path& path, std::size_t seg, const std::string& key,
              std::vector<Hit>& out, int depth);
    std::deque<analyzers::Node> m_owned;
};

// Stable name of an array item: "Identifier=abc" when it has an identifying child, else "#N".
std::string item_key(const analyzers::Node& item, std::size_t index);
// The identifying name of a node (its Identifier/name/id/Name/refId/sid child, else its key).
std::string display_name(const analyzers::Node& node);

}  // namespace ccscan::rules::config
