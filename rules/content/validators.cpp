#include "rules/content/validators.h"

#include <array>
#include <cmath>
#include <map>

namespace ccscan::rules::content {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int prefix_num(std::string_view d, std::size_t n) {
    int v = 0;
    for (std::size_t i = 0; i < n && i < d.size(); ++i) v = v * 10 + (d[i] - '0');
    return v;
}

bool len_in(std::size_t n, std::initializer_list<std::size_t> lens) {
    for (std::size_t l : lens) {
        if (l == n) return true;
    }
    return false;
}

}  // namespace

std::string digits_only(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (is_digit(c)) out += c;
    }
    return out;
}

bool luhn_valid(std::string_view digits) {
    if (digits.empty()) return false;
    int sum = 0;
    bool dbl = false;
    for (std::size_t i = digits.size(); i-- > 0;) {
        if (!is_digit(digits[i])) return false;
        int v = digits[i] - '0';
        if (dbl) {
            v *= 2;
            if (v > 9) v -= 9;
        }
        sum += v;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

std::string card_brand(std::string_view d) {
    const std::size_t n = d.size();
    if (n < 13 || n > 19) return {};
    const int p1 = prefix_num(d, 1), p2 = prefix_num(d, 2), p3 = prefix_num(d, 3), p4 = prefix_num(d, 4);
    const int p6 = prefix_num(d, 6);
    if (p1 == 4 && len_in(n, {13, 16, 19})) return "visa";
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16) return "mastercard";
    if ((p2 == 34 || p2 == 37) && n == 15) return "amex";
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) && n >= 16) return "discover";
    if (p4 >= 3528 && p4 <= 3589 && n >= 16) return "jcb";
    if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14) return "diners";
    if (p2 == 62 && n >= 16) return "unionpay";
    return {};
}

bool valid_pan(std::string_view candidate) {
    std::string d = digits_only(candidate);
    if (d.size() < 13 || d.size() > 19) return false;
    // A run of one repeated digit passes Luhn for some lengths and is never a card.
    if (d.find_first_not_of(d[0]) == std::string::npos) return false;
    return luhn_valid(d) && !card_brand(d).empty();
}

bool valid_ssn(std::string_view candidate) {
    std::string d = digits_only(candidate);
    if (d.size() != 9) return false;
    int area = prefix_num(d, 3);
    int group = prefix_num(d.substr(3), 2);
    int serial = prefix_num(d.substr(5), 4);
    if (area == 0 || area == 666 || area >= 900) return false;
    if (group == 0 || serial == 0) return false;
    // Published example numbers (Woolworth wallet card, SSA advertising) are not personal data.
    return d != "078051120" && d != "219099999";
}

bool valid_iban(std::string_view candidate) {
    static const std::map<std::string, std::size_t, std::less<>> k_lengths = {
        {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
        {"BR", 29}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20},
        {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18},
        {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
        {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24},
        {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24}, {"PL", 28},
        {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24},
        {"SM", 27}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VG", 24}, {"XK", 20}};
    std::string s;
    for (char c : candidate) {
        if (c != ' ') s += c;
    }
    if (s.size() < 15) return false;
    auto it = k_lengths.find(std::string_view(s).substr(0, 2));
    if (it == k_lengths.end() || it->second != s.size()) return false;
    std::string r = s.substr(4) + s.substr(0, 4);
    int mod = 0;
    for (char c : r) {
        if (is_digit(c)) {
            mod = (mod * 10 + (c - '0')) % 97;
        } else if (c >= 'A' && c <= 'Z') {
            int v = c - 'A' + 10;
            mod = (mod * 100 + v) % 97;
        } else {
            return false;
        }
    }
    return mod == 1;
}

bool valid_phone(std::string_view candidate) {
    std::string d = digits_only(candidate);
    if (d.size() < 8 || d.size() > 15) return false;
    return d.find_first_not_of(d[0]) != std::string::npos;
}

bool valid_email(std::string_view candidate) {
    auto at = candidate.find('@');
    if (at == 0 || at == std::string_view::npos) return false;
    std::string_view local = candidate.substr(0, at);
    return local.front() != '.' && local.back() != '.' && local.find("..") == std::string_view::npos;
}

double shannon_entropy(std::string_view s) {
    if (s.empty()) return 0;
    std::array<int, 256> counts{};
    for (unsigned char c : s) ++counts[c];
    double h = 0;
    for (int c : counts) {
        if (c == 0) continue;
        double p = static_cast<double>(c) / static_cast<double>(s.size());
        h -= p * std::log2(p);
    }
    return h;
}

}  // namespace ccscan::rules::content
