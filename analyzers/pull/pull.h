// `ccscan pull`: reads a contact center's live configuration through the vendor's read-only
// APIs and writes it into a folder in the formats ccscan scans, with a `ccscan-pull.json`
// manifest (analyzers/pull/manifest.h). Platforms: Amazon Connect (with its Lex V2 bots and
// Lambda functions), Twilio, Genesys Cloud; one file per platform (connect_pull.cpp, ...).
// Nothing here prints: progress goes through the callback, problems into the result and the
// manifest. A resource that cannot be read is recorded as failed and the rest is written; a
// credential or throttling failure stops the pull (the manifest says it is incomplete).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/pull/api_session.h"
#include "analyzers/pull/credentials.h"
#include "analyzers/pull/manifest.h"

namespace ccscan::analyzers::pull {

struct PullOptions {
    std::string platform;  // connect | twilio | genesys (and the long names)
    std::string output;    // folder
    std::string instance_id;  // Amazon Connect
    std::string region;       // AWS region or Genesys Cloud region domain
    std::string profile;      // AWS profile
    SessionOptions session;
    std::string tool = "ccscan";
    EnvLookup env = &process_env;
    // step (a short label), done, total (0: unknown)
    std::function<void(const std::string&, std::size_t, std::size_t)> progress;
    // Tests replace the backoff sleep.
    std::function<void(std::chrono::milliseconds)> sleep;
};

struct PullResult {
    PullManifest manifest;
    std::vector<Diagnostic> problems;  // failures (also in the manifest), scrubbed
    bool stopped = false;              // a fatal failure ended the pull early
};

// The platform names `pull` accepts, canonical first.
const std::vector<std::string>& pull_platforms();
// "connect" -> "amazon-connect", ...; empty when unknown.
std::string canonical_platform(const std::string& name);

// Runs a pull. An error result means nothing was pulled (unknown platform, no credentials, the
// output folder cannot be created); otherwise the manifest has been written.
Result<PullResult> run_pull(const PullOptions& options);

}  // namespace ccscan::analyzers::pull
