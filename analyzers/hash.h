// SHA-256 and HMAC-SHA256 (OpenSSL), hex-encoded. Used for input hashes in the inventory,
// pack hashes, keyed fingerprints of sensitive values.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::analyzers {

std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace ccscan::analyzers
