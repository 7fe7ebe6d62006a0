// The validators and masks a content detector names (rules/data/detectors.yaml `validator:` and
// `mask:`, pack patterns' `mask:`), each resolved to its functions once, when the catalogue or
// the pack loads: a detection calls them through DetectorSpec's pointers and never compares a
// name. An unknown name is a load error at the name's position (rules/content/detectors.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ccscan::rules::content {

struct Validator {
    std::string_view name;
    bool (*accepts)(std::string_view candidate);  // checksum / structure of a regex hit
    bool card = false;                            // card numbers: a detection gets the brand and the test-card lookup
};

struct Mask {
    std::string_view name;
    // The value as the keyed hash and the test-card list see it (digits only for numbers).
    std::string (*normalize)(std::string_view value);
    // The masked evidence; `detector` and `key` are used by secrets (type + keyed hash) only.
    std::string (*show)(std::string_view detector, std::string_view value, std::string_view key);
};

// By name; nullptr when there is none.
const Validator* find_validator(std::string_view name);
const Mask* find_mask(std::string_view name);
// The defaults of a detector that names none: no validator ("none"), the secret mask.
const Validator& default_validator();
const Mask& default_mask();
// Every name, in table order (error messages, suggestions).
std::vector<std::string> validator_names();
std::vector<std::string> mask_names();

}  // namespace ccscan::rules::content
