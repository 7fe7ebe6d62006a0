// Small text helpers shared by every layer (ASCII only: identifiers, keys and format names,
// never user-facing prose). For suffixes and prefixes use C++20 `starts_with`/`ends_with`.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::analyzers {

// ASCII lower-case copy.
std::string lower(std::string_view text);
// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);
// `text` without the leading and trailing characters in `chars`.
std::string_view trim(std::string_view text, std::string_view chars = " \t\r\n");
// "Natural" order: digit runs compare as numbers ("pci-dss:2.2.4" < "pci-dss:10.5.1").
bool natural_less(std::string_view a, std::string_view b);

}  // namespace ccscan::analyzers
