// XML templates (analyzers/xml_templates.cpp): blank_templates keeps length and line breaks,
// then the blanked VoiceXML is parsed as a template file (.vxml.jsp) and its flows built.
#include <cstdlib>

#include "analyzers/xml_parser.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = ccscan::fuzz::as_text(data, size);
    std::string blanked = ccscan::analyzers::blank_templates(text);
    ccscan::fuzz::require(blanked.size() == text.size(), "blank_templates changed the length");
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool line_break = text[i] == '\n' || text[i] == '\r';
        ccscan::fuzz::require(!line_break || blanked[i] == text[i], "blank_templates dropped a line break");
        ccscan::fuzz::require(blanked[i] == text[i] || blanked[i] == ' ', "blank_templates wrote other than spaces");
    }
    ccscan::fuzz::analyze_as("voicexml", "fuzz/menu.vxml.jsp", text);
    return 0;
}
