// Shared pieces of the libFuzzer harnesses: running one input through `analyze` as a given
// format (the path the scanner takes for a file), and a scratch file for the loaders that read
// from disk (rule packs, .ccscan.yaml). A harness fails only by crashing, hanging, leaking or
// tripping a sanitizer; a Diagnostic is a normal outcome.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzers/parsed_file.h"

namespace ccscan::fuzz {

std::string_view as_text(const std::uint8_t* data, std::size_t size);

// Parses `bytes` as `format` (document and flows; no code syntax trees) under the file name
// `path`, and checks what came back: a failure names its file, spans are 1-based.
analyzers::ParsedFile analyze_as(std::string_view format, std::string path, std::string_view bytes);

// Writes `bytes` to a per-process file under /dev/shm (or /tmp) ending in `suffix`; the same
// path is reused for every input of a run.
const std::string& scratch_file(std::string_view suffix, std::string_view bytes);

// Aborts (a finding for libFuzzer) when `ok` is false.
void require(bool ok, const char* what);

}  // namespace ccscan::fuzz
