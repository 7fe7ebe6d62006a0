#include <catch2/catch.hpp>

#include "rules/rule_controls.h"

using namespace ccscan::rules;

TEST_CASE("controls by sensitivity: PCI DSS only where card data is in play", "[rules][controls]") {
    std::vector<std::string> all = {"gdpr:Art.32", "pci-dss:3.3.1", "pci-dss:10.2.1"};
    std::vector<ConditionalControls> cond = {{{"card"}, {"pci-dss:3.3.1", "pci-dss:10.2.1"}}};
    CHECK(controls_for(all, 1, cond, "pan") == all);
    CHECK(controls_for(all, 1, cond, "cvv") == all);
    CHECK(controls_for(all, 1, cond, "phone") == std::vector<std::string>{"gdpr:Art.32"});
    CHECK(controls_for(all, 1, cond, "none") == std::vector<std::string>{"gdpr:Art.32"});
    CHECK(controls_for(all, 1, cond, "") == std::vector<std::string>{"gdpr:Art.32"});
    CHECK(controls_for(all, 3, {}, "") == all);
}

TEST_CASE("controls by sensitivity: condition names", "[rules][controls]") {
    CHECK(sensitivity_satisfies("card", "expiry"));
    CHECK_FALSE(sensitivity_satisfies("card", "ssn"));
    CHECK(sensitivity_satisfies("personal", "ssn"));
    CHECK_FALSE(sensitivity_satisfies("personal", "pan"));
    CHECK(sensitivity_satisfies("any", "email"));
    CHECK_FALSE(sensitivity_satisfies("any", "none"));
    CHECK(sensitivity_satisfies("unknown", ""));
    CHECK_FALSE(sensitivity_satisfies("unknown", "pan"));
    CHECK(sensitivity_satisfies("dob", "dob"));
}
