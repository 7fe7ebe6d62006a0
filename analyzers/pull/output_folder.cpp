#include "analyzers/pull/output_folder.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/hash.h"

namespace ccscan::analyzers::pull {

namespace fs = std::filesystem;

std::string file_slug(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c) || c == '_' || c == '.') out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= 80) break;
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
    while (!out.empty() && out.front() == '.') out.erase(0, 1);
    return out.empty() ? "unnamed" : out;
}

OutputFolder::OutputFolder(std::string root, PullManifest& manifest) : m_root(std::move(root)), m_manifest(manifest) {}

Result<bool> OutputFolder::prepare() {
    std::error_code ec;
    fs::create_directories(m_root, ec);
    if (ec || !fs::is_directory(m_root, ec)) return make_diagnostic("pull-output", m_root, {}, "cannot create the output folder");
    return true;
}

namespace {

std::string clean_relative(const std::string& relative) {
    std::string out;
    std::stringstream in(relative);
    std::string seg;
    while (std::getline(in, seg, '/')) {
        if (seg.empty() || seg == "." || seg == "..") continue;
        out += (out.empty() ? "" : "/") + seg;
    }
    return out;
}

bool write_file(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out);
}

}  // namespace

Result<std::string> OutputFolder::write(const std::string& relative, const std::string& bytes, const std::string& source) {
    std::string rel = clean_relative(relative);
    if (rel.empty() || rel == k_manifest_name) rel = "unnamed.json";
    if (m_used.count(rel)) {
        const auto dot = rel.rfind('.');
        const std::string stem = dot == std::string::npos || dot < rel.rfind('/') + 1 ? rel : rel.substr(0, dot);
        const std::string ext = stem.size() == rel.size() ? "" : rel.substr(stem.size());
        for (int n = 2; m_used.count(rel); ++n) rel = stem + "-" + std::to_string(n) + ext;
    }
    m_used.insert(rel);
    if (!write_file(fs::path(m_root) / rel, bytes)) return make_diagnostic("pull-output", rel, {}, "cannot write the file");
    m_manifest.files.push_back({rel, sha256_hex(bytes), bytes.size(), source});
    return rel;
}

Result<bool> OutputFolder::write_manifest() {
    if (!write_file(fs::path(m_root) / k_manifest_name, manifest_to_json(m_manifest))) {
        return make_diagnostic("pull-output", k_manifest_name, {}, "cannot write the manifest");
    }
    return true;
}

}  // namespace ccscan::analyzers::pull
