// XML parser (analyzers/xml_parser.h, pugixml plus exact spans) through `analyze` as format
// "xml": a file that is not well-formed is retried with its template markup blanked.
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ccscan::fuzz::analyze_as("xml", "fuzz/input.xml", ccscan::fuzz::as_text(data, size));
    return 0;
}
