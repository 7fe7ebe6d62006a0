#include "cli/pull_provenance.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "analyzers/hash.h"
#include "analyzers/pull/manifest.h"

namespace ccscan::cli {

namespace fs = std::filesystem;
namespace pull = analyzers::pull;

namespace {

std::optional<std::string> read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<analyzers::Result<pull::PullManifest>> load(const std::string& root) {
    const fs::path path = fs::path(root) / pull::k_manifest_name;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    auto text = read_file(path);
    if (!text) return analyzers::Result<pull::PullManifest>(analyzers::make_diagnostic("pull-manifest", pull::k_manifest_name, {}, "cannot read the pull manifest"));
    return pull::manifest_from_json(*text, pull::k_manifest_name);
}

}  // namespace

void add_pull_provenance(const std::string& root, rules::ScanInfo& info, std::vector<analyzers::Diagnostic>& diagnostics) {
    auto loaded = load(root);
    if (!loaded) return;
    if (!loaded->ok()) {
        diagnostics.push_back(loaded->error());
        return;
    }
    const pull::PullManifest& m = loaded->value();
    info.options["pull.platform"] = m.platform;
    info.options["pull.endpoint"] = m.endpoint;
    if (!m.region.empty()) info.options["pull.region"] = m.region;
    if (!m.account.empty()) info.options["pull.account"] = m.account;
    if (!m.scope.empty()) info.options["pull.scope"] = m.scope;
    info.options["pull.pulled-at"] = m.pulled_at;
    info.options["pull.files"] = std::to_string(m.files.size());
    info.options["pull.failed"] = std::to_string(m.failures.size()) + (m.complete ? "" : " (pull stopped early: incomplete)");
    if (auto text = read_file(fs::path(root) / pull::k_manifest_name)) info.options["pull.manifest-sha256"] = analyzers::sha256_hex(*text);
    for (const pull::PullFailure& f : m.failures) {
        diagnostics.push_back(analyzers::make_diagnostic("pull-failed", pull::k_manifest_name, {},
                                                         "not pulled, not scanned: " + f.resource + " (" + f.operation + ": " + f.error + ")"));
    }
    for (const pull::PulledFile& f : m.files) {
        auto bytes = read_file(fs::path(root) / f.path);
        if (!bytes || analyzers::sha256_hex(*bytes) != f.sha256) {
            analyzers::Diagnostic d = analyzers::make_diagnostic("pull-drift", f.path, {},
                                                                 bytes ? "changed since it was pulled (SHA-256 differs from ccscan-pull.json)"
                                                                       : "listed in ccscan-pull.json but missing");
            d.level = analyzers::DiagnosticLevel::warning;
            diagnostics.push_back(d);
        }
    }
}

PullCheck verify_pull_manifest(const std::string& root, std::ostream& out) {
    PullCheck c;
    auto loaded = load(root);
    if (!loaded || !loaded->ok()) return c;
    c.present = true;
    for (const pull::PulledFile& f : loaded->value().files) {
        auto bytes = read_file(fs::path(root) / f.path);
        if (!bytes) {
            ++c.missing;
            out << "missing   " << f.path << "  (pulled, per ccscan-pull.json)\n";
        } else if (analyzers::sha256_hex(*bytes) != f.sha256) {
            ++c.changed;
            out << "changed   " << f.path << "  (differs from the pulled copy, per ccscan-pull.json)\n";
        } else {
            ++c.unchanged;
        }
    }
    return c;
}

}  // namespace ccscan::cli
