// Java .properties parser (analyzers/ini_parser.h: parse_properties) through `analyze`.
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ccscan::fuzz::analyze_as("properties", "fuzz/input.properties", ccscan::fuzz::as_text(data, size));
    return 0;
}
