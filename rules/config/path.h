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
#include <functional>
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

// How a hit's structural key is spelled, one step per level descended; the key is built only
// for the hits that need one (a `**` selection visits every node of a 5,000-action flow).
class KeyTrail {
public:
    enum class Step { member, attribute, item, json };
    // A trail without a base spells no keys (selections whose keys nobody reads).
    explicit KeyTrail(const std::string* base) : m_base(base) {}
    void push(Step step, const analyzers::Node* child, std::size_t index) {
        if (m_base) m_steps.push_back({step, child, index});
    }
    void pop() {
        if (m_base) m_steps.pop_back();
    }
    std::string key() const;

private:
    struct Entry {
        Step step;
        const analyzers::Node* child;
        std::size_t index;
    };
    const std::string* m_base;
    std::vector<Entry> m_steps;
};

// Owns nodes created during selection (parsed embedded JSON); must outlive the hits.
class Selector {
public:
    using Visit = std::function<void(const analyzers::Node&, const KeyTrail&)>;
    // Every node the path reaches, with its key.
    void select(const analyzers::Node& from, const Path& path, std::vector<Hit>& out,
                const std::string& base_key = {});
    // Every node the path reaches, without keys (conditions compare values only).
    void select_nodes(const analyzers::Node& from, const Path& path, std::vector<const analyzers::Node*>& out);
    // Calls visit for each node the path reaches, in selection order; the trail builds its key.
    void visit(const analyzers::Node& from, const Path& path, const std::string& base_key, const Visit& visit);

private:
    template <typename Sink>
    void walk(const analyzers::Node& node, const Path& path, std::size_t seg, KeyTrail& trail, Sink& sink, int depth);
    std::deque<analyzers::Node> m_owned;
};

// Stable name of an array item: "Identifier=abc" when it has an identifying child, else "#N".
std::string item_key(const analyzers::Node& item, std::size_t index);
// The identifying name of a node (its Identifier/name/id/Name/refId/sid child, else its key).
std::string display_name(const analyzers::Node& node);

}  // namespace ccscan::rules::config
