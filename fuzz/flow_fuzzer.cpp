// Flow adapters (analyzers/flow/*): every format of the format table that has flows (its own
// adapter or flows embedded in it). An input that starts with "<format id>\n" is that format
// (the seed corpus, fuzz/corpus/flow, starts each file so); any other input picks the format
// by its first byte. Each format goes through `analyze` (parser, then build_flows), like a
// scanned file.
#include <string>
#include <vector>

#include "analyzers/format_registry.h"
#include "fuzz/fuzz_support.h"

namespace {

const std::vector<const ccscan::analyzers::FormatInfo*>& flow_formats() {
    static const auto k_formats = [] {
        std::vector<const ccscan::analyzers::FormatInfo*> out;
        for (const auto& f : ccscan::analyzers::formats()) {
            if (f.has_flows()) out.push_back(&f);
        }
        return out;
    }();
    return k_formats;
}

// A file name for the format (names only matter for flow names and locations).
std::string path_for(const ccscan::analyzers::FormatInfo& f) {
    std::string_view s = f.syntax;
    return "fuzz/input." + std::string(s == "ini" ? "conf" : s == "hcl" ? "tf" : s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string text(ccscan::fuzz::as_text(data, size));
    const auto& formats = flow_formats();
    const ccscan::analyzers::FormatInfo* format = formats[data[0] % formats.size()];
    if (std::size_t nl = text.find('\n'); nl != std::string::npos) {
        if (const auto* f = ccscan::analyzers::find_format(std::string_view(text).substr(0, nl)); f && f->has_flows()) {
            format = f;
            text.erase(0, nl + 1);
        }
    }
    ccscan::fuzz::analyze_as(format->id, path_for(*format), text);
    return 0;
}
