// Helpers for the XML adapters (TwiML, VoiceXML/CCXML, FreeSWITCH) over the Document of
// parse_xml: elements are nodes of kind `element`, attributes children of kind `attribute`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/document.h"

namespace ccscan::analyzers::flow {

// The attribute's value, or empty.
std::string xml_attr(const Node& element, std::string_view name);
// The element's children that are elements, in order.
std::vector<const Node*> xml_children(const Node& element);

}  // namespace ccscan::analyzers::flow
