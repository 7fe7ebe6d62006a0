// .ccscan.yaml loader (cli/config.h): the input is written to a scratch file and loaded
// (options, policy, waivers, redaction key).
#include "cli/config.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = ccscan::fuzz::scratch_file(".ccscan.yaml", ccscan::fuzz::as_text(data, size));
    auto config = ccscan::cli::load_config(path);
    if (!config.ok()) ccscan::fuzz::require(!config.error().message.empty(), "config error without a message");
    return 0;
}
