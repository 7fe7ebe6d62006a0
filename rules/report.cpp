#include "rules/report.h"

namespace ccscan::rules {

std::string_view to_string(FileStatus s) {
    switch (s) {
        case FileStatus::scanned: return "scanned";
        case FileStatus::skipped: return "skipped";
        case FileStatus::failed: return "failed";
    }
    return "scanned";
}

std::string_view to_string(ControlStatus s) {
    switch (s) {
        case ControlStatus::fail: return "fail";
        case ControlStatus::pass: return "pass";
        case ControlStatus::not_applicable: return "not_applicable";
        case ControlStatus::manual: return "manual";
        case ControlStatus::waived: return "waived";
    }
    return "manual";
}

}  // namespace ccscan::rules
