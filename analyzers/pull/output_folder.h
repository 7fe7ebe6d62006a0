// The folder a pull writes into. Every file goes through `write`: the relative path is made of
// sanitised segments (no "..", no absolute paths, no characters a file system or a shell
// dislikes), names never collide (a suffix is added), and each file's SHA-256 and size are
// recorded in the manifest as it is written. The manifest itself is written last.
#pragma once

#include <set>
#include <string>

#include "analyzers/diagnostic.h"
#include "analyzers/pull/manifest.h"

namespace ccscan::analyzers::pull {

class OutputFolder {
public:
    OutputFolder(std::string root, PullManifest& manifest);
    // Creates the folder (it may exist; a previous pull's files in it are left alone).
    Result<bool> prepare();
    // Writes `bytes` at `relative` (segments separated by '/'); returns the path used.
    Result<std::string> write(const std::string& relative, const std::string& bytes, const std::string& source);
    Result<bool> write_manifest();
    const std::string& root() const { return m_root; }

private:
    std::string m_root;
    PullManifest& m_manifest;
    std::set<std::string> m_used;
};

// A file-name segment from a resource name: letters, digits, '-', '_' and '.', at most 80.
std::string file_slug(const std::string& name);

}  // namespace ccscan::analyzers::pull
