#include "rules/matcher.h"

namespace ccscan::rules {

void Matcher::match_file(const Rule&, const FileContext&, std::vector<Finding>&) const {}
void Matcher::match_scan(const Rule&, const ScanContext&, std::vector<Finding>&) const {}

}  // namespace ccscan::rules
