// GitHub code scanning's `primaryLocationLineHash`: the rolling hash the codeql-action upload
// step (src/fingerprints.ts) computes when a SARIF result has no partial fingerprint. We compute
// the same value ourselves so alerts track across runs even when the SARIF is uploaded through
// the REST API, which does not fill it in.
//
// Per line: a polynomial hash (base 37, 64-bit wrapping) over the next 100 characters from the
// start of that line, skipping spaces and tabs, with \r\n and \r read as \n and the end of the
// file marked by 65535 then zeros; characters are UTF-16 code units, as in JavaScript. The value
// is "<hex>:<n>" where n counts earlier lines with the same hex hash.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ccscan::reporters {

// One hash per line of `content` (index 0 is line 1). An empty file has one line.
std::vector<std::string> line_hashes(std::string_view content);

}  // namespace ccscan::reporters
