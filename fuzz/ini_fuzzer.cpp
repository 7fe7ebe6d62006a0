// INI / Asterisk .conf parser (analyzers/ini_parser.h) and the Asterisk dialplan flow adapter
// (analyzers/flow/asterisk_adapter.h): the input is analysed as "asterisk-dialplan" (document
// plus flow graphs from the text) and as plain "ini".
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = ccscan::fuzz::as_text(data, size);
    ccscan::fuzz::analyze_as("asterisk-dialplan", "fuzz/extensions.conf", text);
    ccscan::fuzz::analyze_as("ini", "fuzz/input.ini", text);
    return 0;
}
