// Masking of sensitive values. Every value a detector or rule finds goes through one of these
// before it is stored in a Finding; nothing else in ccscan formats a sensitive value.
//
// - PAN: at most the first six and last four digits ("411111******1111"); shorter numbers show
//   fewer (never more than half of the digits).
// - Secrets and keys: no characters at all, only type, length and a keyed hash.
// - SSN: "***-**-" plus the last four; phone: country prefix and last two; e-mail: first
//   character of the local part and the domain; IBAN: country code, check digits and last four.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::rules {

std::string mask_pan(std::string_view pan);
std::string mask_secret(std::string_view type, std::string_view value);
std::string mask_ssn(std::string_view ssn);
std::string mask_phone(std::string_view phone);
std::string mask_email(std::string_view email);
std::string mask_iban(std::string_view iban);
// Anything else sensitive: type and length only.
std::string mask_opaque(std::string_view type, std::string_view value);

// Keyed hash of a value (HMAC-SHA256, first 16 hex digits): lets a user confirm that two
// findings are the same value, or that a value they know is the one found, without revealing it.
// The key defaults to a built-in constant and is replaced by set_fingerprint_key (config
// `redaction.key` or CCSCAN_FINGERPRINT_KEY) for organisations that want per-tenant keys.
std::string keyed_hash(std::string_view value);
void set_fingerprint_key(std::string key);

}  // namespace ccscan::rules
