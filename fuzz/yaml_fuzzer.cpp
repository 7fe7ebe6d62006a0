// YAML parser (analyzers/yaml_parser.h: yaml-cpp events, anchors, aliases, merge keys, multiple
// documents) through `analyze` as format "yaml".
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ccscan::fuzz::analyze_as("yaml", "fuzz/input.yaml", ccscan::fuzz::as_text(data, size));
    return 0;
}
