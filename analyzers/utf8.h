// UTF-8 encoding of one code point, for parsers that decode escapes (\uXXXX in JSON, HCL and
// .properties). Surrogates and values beyond U+10FFFF become U+FFFD.
#pragma once

#include <cstdint>
#include <string>

namespace ccscan::analyzers {

void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace ccscan::analyzers
