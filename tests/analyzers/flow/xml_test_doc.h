// Test-only: an XML Document in the shape analyzers/document.h specifies (element nodes, their
// attributes first as `attribute` children, trimmed text as the element's value), built with
// pugixml, with 1-based line/column spans from byte offsets. Lets the XML flow adapters be
// tested independently of the XML parser module. The test stops when the text does not parse.
#pragma once

#include <string>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::test {

inline void xml_convert(const pugi::xml_node& x, analyzers::Node& out, const analyzers::LineIndex& lines,
                        const std::string& text) {
    out.kind = analyzers::NodeKind::element;
    out.key = x.name();
    auto off = static_cast<std::size_t>(x.offset_debug());
    std::size_t start = off > 0 && text[off - 1] == '<' ? off - 1 : off;
    out.span.start = lines.position(start);
    std::size_t end = text.find('>', start);
    out.span.end = lines.position(end == std::string::npos ? start : end);
    out.span.end.column += 1;
    for (const pugi::xml_attribute& a : x.attributes()) {
        analyzers::Node attr;
        attr.kind = analyzers::NodeKind::attribute;
        attr.key = a.name();
        attr.value = a.value();
        attr.span = out.span;
        out.children.push_back(std::move(attr));
    }
    std::string value;
    for (const pugi::xml_node& c : x.children()) {
        if (c.type() == pugi::node_element) {
            analyzers::Node child;
            xml_convert(c, child, lines, text);
            out.children.push_back(std::move(child));
        } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            std::string t = c.value();
            std::size_t b = t.find_first_not_of(" \t\r\n"), e = t.find_last_not_of(" \t\r\n");
            if (b != std::string::npos) value += (value.empty() ? "" : " ") + t.substr(b, e - b + 1);
        }
    }
    out.value = value;
}

inline analyzers::Document xml_document(const std::string& text) {
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
    INFO("XML: " << parsed.description() << " at byte " << parsed.offset);
    REQUIRE(parsed);  // a fixture that does not parse must not yield an empty flow
    analyzers::Document d;
    d.format = "xml";
    analyzers::LineIndex lines(text);
    xml_convert(doc.document_element(), d.root, lines, text);
    return d;
}

}  // namespace ccscan::test
