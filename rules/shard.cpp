#include "rules/shard.h"

#include <charconv>

#include "analyzers/hash.h"

namespace ccscan::rules {

int shard_of(std::string_view path, int count) {
    if (count <= 1) return 1;
    // The 256-bit digest as a big-endian number, reduced mod count one hex digit at a time.
    const std::string hex = analyzers::sha256_hex(path);
    std::uint64_t r = 0;
    for (char c : hex) {
        const int digit = c <= '9' ? c - '0' : c - 'a' + 10;
        r = (r * 16 + static_cast<std::uint64_t>(digit)) % static_cast<std::uint64_t>(count);
    }
    return static_cast<int>(r) + 1;
}

bool ShardSpec::owns(std::string_view path) const { return shard_of(path, count) == index; }

analyzers::Result<ShardSpec> parse_shard(std::string_view text) {
    auto fail = [&](const std::string& why) {
        return analyzers::make_diagnostic("usage", "", {}, "--shard " + std::string(text) + ": " + why);
    };
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return fail("expected K/N, e.g. 2/3 (shard 2 of 3)");
    auto number = [](std::string_view s, int& out) {
        if (s.empty() || s.size() > 6) return false;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && end == s.data() + s.size();
    };
    ShardSpec spec;
    if (!number(text.substr(0, slash), spec.index) || !number(text.substr(slash + 1), spec.count))
        return fail("expected K/N with whole numbers, e.g. 2/3");
    if (spec.count < 1) return fail("N must be at least 1");
    if (spec.index < 1 || spec.index > spec.count) return fail("K must be between 1 and N (" + std::to_string(spec.count) + ")");
    return spec;
}

}  // namespace ccscan::rules
