#include "rules/severity.h"

namespace ccscan::rules {

std::string_view to_string(Severity s) {
    switch (s) {
        case Severity::critical: return "critical";
        case Severity::high: return "high";
        case Severity::medium: return "medium";
        case Severity::low: return "low";
        case Severity::info: return "info";
    }
    return "info";
}

std::optional<Severity> parse_severity(std::string_view text) {
    for (Severity s : {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info}) {
        if (to_string(s) == text) return s;
    }
    return std::nullopt;
}

double security_severity(Severity s) {
    switch (s) {
        case Severity::critical: return 9.5;
        case Severity::high: return 8.0;
        case Severity::medium: return 5.5;
        case Severity::low: return 3.0;
        case Severity::info: return 1.0;
    }
    return 1.0;
}

}  // namespace ccscan::rules
