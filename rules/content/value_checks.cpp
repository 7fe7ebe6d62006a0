#include "rules/content/value_checks.h"

#include <array>

#include "rules/content/validators.h"
#include "rules/redact.h"

namespace ccscan::rules::content {

namespace {

bool any_value(std::string_view /*candidate*/) { return true; }
bool high_entropy(std::string_view candidate) { return shannon_entropy(candidate) >= 3.0; }

std::string as_is(std::string_view value) { return std::string(value); }
std::string without_spaces(std::string_view value) {
    std::string s;
    for (char c : value) {
        if (c != ' ') s += c;
    }
    return s;
}

// Masks that need neither the detector id nor the key.
template <std::string (*F)(std::string_view)>
std::string value_only(std::string_view /*detector*/, std::string_view value, std::string_view /*key*/) {
    return F(value);
}

const std::array<Validator, 7> k_validators = {{
    {"luhn_pan", valid_pan, true},
    {"ssn", valid_ssn},
    {"iban", valid_iban},
    {"phone", valid_phone},
    {"email", valid_email},
    {"entropy", high_entropy},
    {"none", any_value},
}};

const std::array<Mask, 6> k_masks = {{
    {"secret", as_is, mask_secret},
    {"pan", digits_only, value_only<mask_pan>},
    {"ssn", digits_only, value_only<mask_ssn>},
    {"iban", without_spaces, value_only<mask_iban>},
    {"phone", digits_only, value_only<mask_phone>},
    {"email", as_is, value_only<mask_email>},
}};

template <typename T, std::size_t N>
const T* find_in(const std::array<T, N>& table, std::string_view name) {
    for (const T& entry : table) {
        if (entry.name == name) return &entry;
    }
    return nullptr;
}

template <typename T, std::size_t N>
std::vector<std::string> names_of(const std::array<T, N>& table) {
    std::vector<std::string> out;
    out.reserve(N);
    for (const T& entry : table) out.emplace_back(entry.name);
    return out;
}

}  // namespace

const Validator* find_validator(std::string_view name) { return find_in(k_validators, name); }
const Mask* find_mask(std::string_view name) { return find_in(k_masks, name); }
// By name, not by place in the tables: a new entry must not become every detector's default.
const Validator& default_validator() {
    static const Validator& v = *find_validator("none");
    return v;
}
const Mask& default_mask() {
    static const Mask& m = *find_mask("secret");
    return m;
}
std::vector<std::string> validator_names() { return names_of(k_validators); }
std::vector<std::string> mask_names() { return names_of(k_masks); }

}  // namespace ccscan::rules::content
