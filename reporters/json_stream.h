// A streaming writer for the JSON documents reporters produce (the native JSON report, SARIF):
// members and array items are written to an std::ostream as they come, so rendering holds one
// item in memory, not the document. The bytes are exactly those of
// `json_document(dom.dump(2, ' ', false, replace))` for the DOM the same calls would have built:
// nlohmann's pretty layout (2-space indent, `"key": value`, `[]`/`{}` when empty), invalid UTF-8
// replaced by U+FFFD, and unsafe code points as \u escapes (reporters/escape.h). Leaves and small
// items are nlohmann values dumped in place at the current depth.
//
// Usage is checked by asserts (a key only inside an object, one value per key, balanced
// begin/end); the writer never throws on content.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccscan::reporters {

class JsonStream {
public:
    explicit JsonStream(std::ostream& out) : m_out(out) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The name of the next member; the value follows with value() or begin_*().
    void key(std::string_view name);
    // A whole value (a leaf, or an item small enough to build).
    void value(const nlohmann::ordered_json& v);

    template <class T>
    void member(std::string_view name, const T& v) {
        key(name);
        value(nlohmann::ordered_json(v));
    }

private:
    struct Level {
        bool object = false;
        bool empty = true;
    };
    void before_value();  // separator and indent before a value in an array / after a key
    void indent(std::size_t depth);

    std::ostream& m_out;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

// `v` as nlohmann dumps it with `indent` spaces per level (-1: compact), invalid UTF-8 replaced,
// then through json_document: the bytes a DOM-based writer produced for that value.
std::string dump_json(const nlohmann::ordered_json& v, int indent);

}  // namespace ccscan::reporters
