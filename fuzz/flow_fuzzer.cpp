// Flow adapters (analyzers/flow/*): the first byte of the input picks the format, the rest is the
// file. Each format goes through `analyze` (parser, then build_flows), like a scanned file.
#include <iterator>

#include "fuzz/fuzz_support.h"

namespace {

struct FlowFormat {
    std::string_view format;
    std::string_view path;
};

// The seed corpus (fuzz/corpus/flow) starts each file with the selector of its format:
// 'a' + index.
constexpr FlowFormat k_formats[] = {
    {"amazon-connect-flow", "fuzz/flow.json"},          // a
    {"amazon-connect-flow-legacy", "fuzz/legacy.json"},  // b
    {"twilio-studio-flow", "fuzz/studio.json"},          // c
    {"twiml", "fuzz/voice.xml"},                         // d
    {"genesys-archy", "fuzz/inbound.yaml"},              // e
    {"asterisk-dialplan", "fuzz/extensions.conf"},       // f
    {"freeswitch-xml", "fuzz/dialplan.xml"},             // g
    {"voicexml", "fuzz/menu.vxml"},                      // h
    {"ccxml", "fuzz/call.ccxml"},                        // i
    {"vonage-ncco", "fuzz/ncco.json"},                   // j
    {"cloudformation", "fuzz/stack.yaml"},               // k
    {"terraform", "fuzz/flows.tf"},                      // l
    {"amazon-lex", "fuzz/Bot/BotLocales/en_US/Intents/Pay/Slots/Card/Slot.json"},  // m
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const FlowFormat& f = k_formats[static_cast<std::uint8_t>(data[0] - 'a') % std::size(k_formats)];
    ccscan::fuzz::analyze_as(f.format, std::string(f.path), ccscan::fuzz::as_text(data + 1, size - 1));
    return 0;
}
