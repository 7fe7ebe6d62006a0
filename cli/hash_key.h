// The key of the keyed hashes in masked secret previews ("[password_assignment, 12 chars,
// hmac:...]", rules/redact.h). It must not be public: with a known key, candidates for a short
// password or a masked card number could be hashed offline until one matches a report. It
// never goes into a report.
//
// Where it comes from, first match wins:
//   1. `--redaction-key-file FILE` (CI: a secret file shared by the runs that must compare),
//   2. the CCSCAN_FINGERPRINT_KEY environment variable,
//   3. `redaction.key` in the config file,
//   4. the per-installation key in $XDG_CONFIG_HOME/ccscan/redaction.key (else
//      ~/.config/ccscan/redaction.key): 32 random bytes, created with mode 0600 on first use.
// When none is available (no home directory, read-only file system), previews carry no hash.
#pragma once

#include <string>

#include "analyzers/diagnostic.h"

namespace ccscan::cli {

struct HashKeyRequest {
    std::string key_file;    // --redaction-key-file
    std::string config_key;  // redaction.key
};

// Errors: a named key file that cannot be read or is empty.
analyzers::Result<std::string> resolve_hash_key(const HashKeyRequest& req);

// A key file's bytes, trailing newline trimmed (--redaction-key-file, --sign-key). Errors: the
// file is missing, unreadable or empty.
analyzers::Result<std::string> read_key_file(const std::string& path, const std::string& what);

// The per-installation key file's path ("" without XDG_CONFIG_HOME and HOME).
std::string installation_key_path();

}  // namespace ccscan::cli
