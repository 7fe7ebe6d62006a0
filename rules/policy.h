// Organisation policy parameters (`policy:` in .ccscan.yaml), with documented defaults.
// Packs state the rule; the organisation states its numbers. Rules reference parameters as
// `${policy.NAME}` in condition values, or read them by name in matchers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccscan::rules {

struct PolicyParameter {
    std::string name;
    std::string description;
    std::vector<std::string> default_value;  // one element for scalars
    bool is_list = false;
};

// The documented parameters and their defaults (see docs/configuration.md).
const std::vector<PolicyParameter>& policy_parameters();

class Policy {
public:
    Policy();  // defaults
    // Sets a parameter; unknown names are rejected by the config loader before this is called.
    void set(const std::string& name, std::vector<std::string> values);
    std::optional<std::string> scalar(std::string_view name) const;
    std::vector<std::string> list(std::string_view name) const;
    std::optional<double> number(std::string_view name) const;
    bool has(std::string_view name) const;
    // Every parameter and its values, in name order, as one unambiguous text (result cache key).
    std::string canonical() const;

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_values;
};

}  // namespace ccscan::rules
