// JSON parser (analyzers/json_parser.h) through `analyze` as format "json".
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ccscan::fuzz::analyze_as("json", "fuzz/input.json", ccscan::fuzz::as_text(data, size));
    return 0;
}
