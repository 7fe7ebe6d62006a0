// The result cache's encoding of a FileOutcome: a compact, versioned binary format. Integers are
// LEB128 varints, strings length-prefixed bytes, optionals a presence byte; the first bytes are a
// magic and k_cache_codec_version, so an entry written by another layout decodes as a miss.
// decode(encode(o)) restores every cached field exactly (tests/rules/cache_codec_test.cpp);
// the timings and the kept Document are not encoded.
//
// Adding a field to any encoded struct (Finding, FlowNode, ...) means encoding it here and
// bumping k_cache_codec_version (the build id changes with the sources anyway).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "rules/file_outcome.h"

namespace ccscan::rules {

inline constexpr unsigned k_cache_codec_version = 1;

struct EncodedOutcome {
    std::string bytes;
    // false: a free-text field (message, flow prompt, URL, raw platform parameter, suppression
    // reason, path) holds something rules/content/text_redactor would mask, i.e. a value reports
    // never show; such an outcome must not be written to disk.
    bool clean = true;
};

EncodedOutcome encode_outcome(const FileOutcome& outcome);

// The outcome, or nullopt for anything that is not a complete entry of this version (truncated,
// corrupt, another version): the caller treats it as a miss.
std::optional<FileOutcome> decode_outcome(std::string_view bytes);

}  // namespace ccscan::rules
