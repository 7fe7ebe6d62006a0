// `ccscan-pull.json`: the provenance of a pulled folder. Platform, endpoint, the account or
// organisation (masked), when, which API operations were called how often, what could not be
// read, and the SHA-256 of every file written. `scan` carries it into the report's evidence and
// `verify` re-checks the files against it. Never holds a credential: every string is passed
// through the session's scrubber before it is stored, and the test suite searches the file for
// the planted secrets.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers::pull {

inline constexpr const char* k_manifest_name = "ccscan-pull.json";

struct OperationCount {
    int calls = 0;     // requests sent, retries included
    int retries = 0;
    int failures = 0;  // calls that ended in an error
};

struct PullFailure {
    std::string resource;   // "contact flow 'Payments' (3f2a...)"
    std::string operation;  // "connect:DescribeContactFlow"
    std::string error;      // scrubbed message
};

struct PulledFile {
    std::string path;  // relative to the output folder, '/'-separated
    std::string sha256;
    std::uint64_t bytes = 0;
    std::string source;  // what it was read from: "connect:DescribeContactFlow 3f2a..."
};

struct PullManifest {
    std::string tool;      // "ccscan 0.1.0"
    std::string platform;  // "amazon-connect" | "twilio" | "genesys-cloud"
    std::string endpoint;  // base URL(s) called
    std::string region;
    std::string account;   // masked: the last four characters only
    std::string scope;     // instance id, account sid (masked), organisation
    std::string pulled_at; // UTC, ISO 8601
    bool complete = true;  // false when a failure stopped the pull early (credentials, throttling)
    std::map<std::string, OperationCount> operations;
    std::vector<PullFailure> failures;
    std::vector<PulledFile> files;  // sorted by path
};

std::string manifest_to_json(const PullManifest& m);
Result<PullManifest> manifest_from_json(const std::string& text, const std::string& path);
// "********9012": all but the last four characters hidden.
std::string mask_identifier(const std::string& id);

}  // namespace ccscan::analyzers::pull
