#include "rules/redact.h"

#include <cctype>

#include "analyzers/hash.h"

namespace ccscan::rules {
namespace {

std::string digits_of(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    }
    return out;
}

}  // namespace

std::string keyed_hash(std::string_view key, std::string_view value) {
    if (key.empty()) return {};
    return analyzers::hmac_sha256_hex(key, value).substr(0, 16);
}

std::string mask_pan(std::string_view pan) {
    std::string d = digits_of(pan);
    std::size_t n = d.size();
    // Never reveal more than half of the digits, and never more than 6 + 4.
    std::size_t head = n >= 13 ? 6 : n / 4;
    std::size_t tail = n >= 13 ? 4 : n / 4;
    std::string out = d.substr(0, head);
    out.append(n - head - tail, '*');
    out += d.substr(n - tail);
    return out;
}

std::string mask_secret(std::string_view type, std::string_view value, std::string_view key) {
    std::string out = "[" + std::string(type) + ", " + std::to_string(value.size()) + " chars";
    if (!key.empty()) out += ", hmac:" + keyed_hash(key, value);
    return out + "]";
}

std::string mask_opaque(std::string_view type, std::string_view value) {
    return "[" + std::string(type) + ", " + std::to_string(value.size()) + " chars]";
}

std::string mask_ssn(std::string_view ssn) {
    std::string d = digits_of(ssn);
    return "***-**-" + (d.size() >= 4 ? d.substr(d.size() - 4) : std::string("****"));
}

std::string mask_phone(std::string_view phone) {
    std::string d = digits_of(phone);
    if (d.size() < 6) return std::string(d.size(), '*');
    std::string out = phone.size() > 0 && phone[0] == '+' ? "+" : "";
    out.append(d.size() - 2, '*');
    out += d.substr(d.size() - 2);
    return out;
}

std::string mask_email(std::string_view email) {
    auto at = email.find('@');
    if (at == std::string_view::npos || at == 0) return "***";
    return std::string(1, email[0]) + "***" + std::string(email.substr(at));
}

std::string mask_iban(std::string_view iban) {
    std::string compact;
    for (char c : iban) {
        if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    }
    if (compact.size() < 10) return std::string(compact.size(), '*');
    return compact.substr(0, 4) + std::string(compact.size() - 8, '*') +
           compact.substr(compact.size() - 4);
}

}  // namespace ccscan::rules
