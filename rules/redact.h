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
// `key`: the scan's hash key (ScanOptions::hash_key); the preview carries a keyed hash of the
// value only when there is one.
std::string mask_secret(std::string_view type, std::string_view value, std::string_view key);
std::string mask_ssn(std::string_view ssn);
std::string mask_phone(std::string_view phone);
std::string mask_email(std::string_view email);
std::string mask_iban(std::string_view iban);
// Anything else sensitive (config values, code literals): type and length only.
std::string mask_opaque(std::string_view type, std::string_view value);

// Keyed hash of a value (HMAC-SHA256 under `key`, first 16 hex digits): lets a user confirm
// that two findings are the same value, or that a value they know is the one found, without
// revealing it. There is no built-in key: with a public key, a masked PAN's hidden digits (about
// 10^5 candidates) or a weak password could be recovered offline by hashing candidates. The CLI
// passes a per-installation random key (cli/hash_key.h) or one the user gives; an empty key
// gives an empty hash. Fingerprints never use it (they carry no value at all).
std::string keyed_hash(std::string_view key, std::string_view value);

}  // namespace ccscan::rules
