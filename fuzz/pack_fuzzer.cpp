// Rule pack loader (rules/pack_loader.h): the input is written to a scratch .yaml file and loaded
// as a single-file pack (header, rules, selectors, every matcher kind, embedded rule tests).
#include "fuzz/fuzz_support.h"
#include "rules/pack_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = ccscan::fuzz::scratch_file(".pack.yaml", ccscan::fuzz::as_text(data, size));
    auto pack = ccscan::rules::load_pack(path);
    if (!pack.ok()) ccscan::fuzz::require(!pack.error().message.empty(), "pack error without a message");
    return 0;
}
