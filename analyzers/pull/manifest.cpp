#include "analyzers/pull/manifest.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace ccscan::analyzers::pull {

using Json = nlohmann::ordered_json;

std::string mask_identifier(const std::string& id) {
    if (id.empty()) return "";
    if (id.size() <= 4) return std::string(id.size(), '*');
    return std::string(id.size() - 4, '*') + id.substr(id.size() - 4);
}

std::string manifest_to_json(const PullManifest& m) {
    Json j;
    j["format"] = 1;
    j["tool"] = m.tool;
    j["platform"] = m.platform;
    j["endpoint"] = m.endpoint;
    j["region"] = m.region;
    j["account"] = m.account;
    j["scope"] = m.scope;
    j["pulled_at"] = m.pulled_at;
    j["complete"] = m.complete;
    j["operations"] = Json::object();
    for (const auto& [name, c] : m.operations) j["operations"][name] = {{"calls", c.calls}, {"retries", c.retries}, {"failures", c.failures}};
    j["failures"] = Json::array();
    for (const PullFailure& f : m.failures) j["failures"].push_back({{"resource", f.resource}, {"operation", f.operation}, {"error", f.error}});
    std::vector<PulledFile> files = m.files;
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    j["files"] = Json::array();
    for (const PulledFile& f : files) j["files"].push_back({{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}, {"source", f.source}});
    return j.dump(2) + "\n";
}

namespace {

std::string str(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Result<PullManifest> manifest_from_json(const std::string& text, const std::string& path) {
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_diagnostic("pull-manifest", path, {}, "not a ccscan pull manifest (invalid JSON)");
    if (!j.contains("platform") || !j.contains("files") || !j["files"].is_array()) {
        return make_diagnostic("pull-manifest", path, {}, "not a ccscan pull manifest (no platform or files)");
    }
    PullManifest m;
    m.tool = str(j, "tool");
    m.platform = str(j, "platform");
    m.endpoint = str(j, "endpoint");
    m.region = str(j, "region");
    m.account = str(j, "account");
    m.scope = str(j, "scope");
    m.pulled_at = str(j, "pulled_at");
    m.complete = !j.contains("complete") || !j["complete"].is_boolean() || j["complete"].get<bool>();
    if (j.contains("operations") && j["operations"].is_object()) {
        for (auto it = j["operations"].begin(); it != j["operations"].end(); ++it) {
            OperationCount c;
            if (it->is_object()) {
                c.calls = it->value("calls", 0);
                c.retries = it->value("retries", 0);
                c.failures = it->value("failures", 0);
            }
            m.operations[it.key()] = c;
        }
    }
    if (j.contains("failures") && j["failures"].is_array()) {
        for (const Json& f : j["failures"]) {
            if (f.is_object()) m.failures.push_back({str(f, "resource"), str(f, "operation"), str(f, "error")});
        }
    }
    for (const Json& f : j["files"]) {
        if (!f.is_object()) continue;
        PulledFile pf{str(f, "path"), str(f, "sha256"), 0, str(f, "source")};
        if (f.contains("bytes") && f["bytes"].is_number_unsigned()) pf.bytes = f["bytes"].get<std::uint64_t>();
        m.files.push_back(std::move(pf));
    }
    return m;
}

}  // namespace ccscan::analyzers::pull
