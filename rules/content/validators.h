// Validators for content detector candidates: checksums and structural rules that turn a regex
// hit into a detection (Luhn + card brand ranges, SSN area/group/serial, IBAN country length +
// mod-97, E.164 length, e-mail shape, Shannon entropy for secrets). Pure functions on ASCII.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::rules::content {

std::string digits_only(std::string_view s);
bool luhn_valid(std::string_view digits);
// Brand name ("visa", "mastercard", "amex", "discover", "jcb", "diners", "unionpay") when the
// digits fall in a brand's IIN range with a length that brand issues; empty otherwise.
std::string card_brand(std::string_view digits);
bool valid_pan(std::string_view candidate);
bool valid_ssn(std::string_view candidate);
bool valid_iban(std::string_view candidate);
bool valid_phone(std::string_view candidate);
bool valid_email(std::string_view candidate);
// Bits per character; secrets and keys are usually above 3.
double shannon_entropy(std::string_view s);

}  // namespace ccscan::rules::content
