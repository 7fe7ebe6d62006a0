// Where ccscan finds its data (rules/packs, rules/frameworks, rules/data, the pack schema):
// $CCSCAN_DATA_DIR, else next to the binary (build/ccscan -> <repo>/rules; an installed
// bin/ccscan -> ../share/ccscan).
#pragma once

#include <string>

namespace ccscan::cli {

std::string data_root();

}  // namespace ccscan::cli
