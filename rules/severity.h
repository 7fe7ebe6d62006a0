// Severity levels, ordered: critical > high > medium > low > info.
#pragma once

#include <optional>
#include <string_view>

namespace ccscan::rules {

enum class Severity { info = 0, low = 1, medium = 2, high = 3, critical = 4 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view text);
// GitHub code scanning's numeric scale: critical 9.5, high 8.0, medium 5.5, low 3.0, info 1.0.
double security_severity(Severity s);

}  // namespace ccscan::rules
