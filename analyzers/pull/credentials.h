// Credentials for `ccscan pull`, resolved the way each vendor's own tools resolve them:
// - AWS: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN from the environment,
//   else the profile (--profile, AWS_PROFILE, "default") of AWS_SHARED_CREDENTIALS_FILE
//   (~/.aws/credentials) and AWS_CONFIG_FILE (~/.aws/config, "[profile NAME]" sections);
//   region from --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`.
// - Twilio: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN, or TWILIO_API_KEY / TWILIO_API_SECRET.
// - Genesys Cloud: GENESYS_CLOUD_CLIENT_ID / _SECRET / _REGION (OAuth client credentials).
// Secret values are held here and by the HTTP layer only; every error message names the
// variable or file that is missing, never a value. `secrets()` lists every value that must
// never appear in any output, so the session can scrub messages before they leave it.
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers::pull {

// Environment lookups go through this so tests can resolve credentials without touching the
// process environment.
using EnvLookup = std::string (*)(const char* name);
std::string process_env(const char* name);

struct AwsCredentials {
    std::string access_key_id, secret_access_key, session_token;
    std::string region;
    std::string source;  // "environment" or "profile NAME (FILE)": for messages, never a value
    std::vector<std::string> secrets() const;
};

struct TwilioCredentials {
    std::string account_sid;  // the account the API paths name
    std::string username, password;  // account SID + auth token, or API key + secret
    std::vector<std::string> secrets() const;
};

struct GenesysCredentials {
    std::string client_id, client_secret;
    std::string region;  // "mypurecloud.com", "mypurecloud.ie", "usw2.pure.cloud", ...
    std::vector<std::string> secrets() const;
};

Result<AwsCredentials> resolve_aws(const std::string& profile, const std::string& region, EnvLookup env = &process_env);
Result<TwilioCredentials> resolve_twilio(EnvLookup env = &process_env);
Result<GenesysCredentials> resolve_genesys(const std::string& region, EnvLookup env = &process_env);

}  // namespace ccscan::analyzers::pull
