// Format detection by content (analyzers/format_sniff.h): the input is sniffed under a name that
// gives no hint, then analysed as whatever format was detected.
#include "analyzers/format_registry.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = ccscan::fuzz::as_text(data, size);
    ccscan::analyzers::Detection d = ccscan::analyzers::detect_format("fuzz/data.txt", text);
    ccscan::fuzz::require(ccscan::analyzers::find_format(d.format) != nullptr, "detected an unknown format id");
    if (!d.unsupported && d.format != "text") ccscan::fuzz::analyze_as(d.format, "fuzz/data.txt", text);
    return 0;
}
