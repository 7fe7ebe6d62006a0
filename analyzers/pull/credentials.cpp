#include "analyzers/pull/credentials.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>

namespace ccscan::analyzers::pull {

namespace {

using Section = std::map<std::string, std::string>;
using IniFile = std::map<std::string, Section>;

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The AWS shared files are INI: [section], key = value, '#' or ';' comments.
std::optional<IniFile> read_ini(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    IniFile ini;
    std::string line, section;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line.front() == '[' && line.back() == ']') {
            section = trim(line.substr(1, line.size() - 2));
            continue;
        }
        const auto eq = line.find('=');
        if (eq == std::string::npos || section.empty()) continue;
        ini[section][trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    }
    return ini;
}

std::string home_file(EnvLookup env, const char* var, const char* rel) {
    std::string set = env(var);
    if (!set.empty()) return set;
    std::string home = env("HOME");
    return home.empty() ? std::string() : home + "/" + rel;
}

const Section* find_section(const std::optional<IniFile>& ini, const std::string& name) {
    if (!ini) return nullptr;
    auto it = ini->find(name);
    return it == ini->end() ? nullptr : &it->second;
}

std::string get(const Section* s, const char* key) {
    if (!s) return "";
    auto it = s->find(key);
    return it == s->end() ? "" : it->second;
}

Diagnostic cred_error(const std::string& message) { return make_diagnostic("pull-credentials", "", {}, message); }

}  // namespace

std::string process_env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::vector<std::string> AwsCredentials::secrets() const { return {access_key_id, secret_access_key, session_token}; }
std::vector<std::string> TwilioCredentials::secrets() const { return {username, password, account_sid}; }
std::vector<std::string> GenesysCredentials::secrets() const { return {client_id, client_secret}; }

Result<AwsCredentials> resolve_aws(const std::string& profile_opt, const std::string& region_opt, EnvLookup env) {
    AwsCredentials c;
    std::string profile = !profile_opt.empty() ? profile_opt : env("AWS_PROFILE");
    if (profile.empty()) profile = "default";
    const std::string cred_path = home_file(env, "AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials");
    const std::string config_path = home_file(env, "AWS_CONFIG_FILE", ".aws/config");
    const auto cred_file = read_ini(cred_path);
    const auto config_file = read_ini(config_path);
    const Section* cred = find_section(cred_file, profile);
    const Section* conf = find_section(config_file, profile == "default" ? "default" : "profile " + profile);

    // An explicit --profile wins over environment keys, as in the AWS CLI.
    if (profile_opt.empty() && !env("AWS_ACCESS_KEY_ID").empty()) {
        c.access_key_id = env("AWS_ACCESS_KEY_ID");
        c.secret_access_key = env("AWS_SECRET_ACCESS_KEY");
        c.session_token = env("AWS_SESSION_TOKEN");
        c.source = "environment";
        if (c.secret_access_key.empty()) return cred_error("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    } else {
        const Section* from = get(cred, "aws_access_key_id").empty() ? conf : cred;
        c.access_key_id = get(from, "aws_access_key_id");
        c.secret_access_key = get(from, "aws_secret_access_key");
        c.session_token = get(from, "aws_session_token");
        c.source = "profile " + profile + " (" + (from == cred ? cred_path : config_path) + ")";
        if (c.access_key_id.empty() || c.secret_access_key.empty()) {
            if (!get(conf, "sso_session").empty() || !get(conf, "sso_start_url").empty() || !get(conf, "role_arn").empty() ||
                !get(conf, "credential_process").empty()) {
                return cred_error("AWS profile '" + profile + "' uses SSO, an assumed role or a credential process, which ccscan does not run; "
                                  "export temporary keys first (aws configure export-credentials --profile " + profile + " --format env)");
            }
            return cred_error("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give a profile with keys in " +
                              cred_path + " (--profile or AWS_PROFILE; tried '" + profile + "')");
        }
    }
    c.region = region_opt;
    if (c.region.empty()) c.region = env("AWS_REGION");
    if (c.region.empty()) c.region = env("AWS_DEFAULT_REGION");
    if (c.region.empty()) c.region = get(conf, "region");
    if (c.region.empty()) return cred_error("no AWS region: give --region, set AWS_REGION, or set region in " + config_path);
    return c;
}

Result<TwilioCredentials> resolve_twilio(EnvLookup env) {
    TwilioCredentials c;
    c.account_sid = env("TWILIO_ACCOUNT_SID");
    if (c.account_sid.empty()) return cred_error("no Twilio account: set TWILIO_ACCOUNT_SID (and TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET)");
    if (!env("TWILIO_API_KEY").empty()) {
        c.username = env("TWILIO_API_KEY");
        c.password = env("TWILIO_API_SECRET");
        if (c.password.empty()) return cred_error("TWILIO_API_KEY is set but TWILIO_API_SECRET is not");
    } else {
        c.username = c.account_sid;
        c.password = env("TWILIO_AUTH_TOKEN");
        if (c.password.empty()) return cred_error("no Twilio credentials: set TWILIO_AUTH_TOKEN, or TWILIO_API_KEY and TWILIO_API_SECRET");
    }
    return c;
}

Result<GenesysCredentials> resolve_genesys(const std::string& region_opt, EnvLookup env) {
    GenesysCredentials c;
    c.client_id = env("GENESYS_CLOUD_CLIENT_ID");
    c.client_secret = env("GENESYS_CLOUD_CLIENT_SECRET");
    c.region = !region_opt.empty() ? region_opt : env("GENESYS_CLOUD_REGION");
    if (c.client_id.empty() || c.client_secret.empty()) {
        return cred_error("no Genesys Cloud credentials: set GENESYS_CLOUD_CLIENT_ID and GENESYS_CLOUD_CLIENT_SECRET (an OAuth client "
                          "with the client-credentials grant and a read-only role)");
    }
    if (c.region.empty()) c.region = "mypurecloud.com";
    return c;
}

}  // namespace ccscan::analyzers::pull
