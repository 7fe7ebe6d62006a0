// The hostile-output corpus: one file per input format ccscan reads, whose file name, keys,
// values, prompts and comments carry every payload class that could take over an output
// (terminal escapes, other C0, DEL, C1, bidi and invisible characters, invalid UTF-8, GitHub
// workflow-command injection, CSV formulas, HTML/script, Markdown links/images/table breaks, XML
// breaks), and a custom pack whose HX-ECHO rule reports every value holding "HX" with the value
// itself as the message (so each payload reaches every output as a finding), with a hostile
// title, remediation and help_uri. Used by hostile_output_test.cpp.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ccscan::test::hostile {

// One payload: `raw` with "%" standing for the file's tag (so every file's copy is distinct),
// and how it must look in the escaped outputs. `text` is the terminal form (text report,
// stderr); `md` the Markdown source; `html` the HTML source. A payload with `needs_bytes` holds
// bytes that are not UTF-8 and goes only where raw bytes can be written (INI, file names).
struct Payload {
    std::string id;
    std::string raw;
    std::string text;
    std::string md;
    std::string html;
    bool multiline = false;    // holds CR/LF/tab (messages may carry them as spaces): not in INI
    bool needs_bytes = false;  // invalid UTF-8: only INI
};

const std::vector<Payload>& payloads();

// `pattern` with every '%' replaced by `tag`.
std::string with_tag(const std::string& pattern, const std::string& tag);

// An input file of the corpus: its tag (used in payload markers) and its name on disk.
struct CorpusFile {
    std::string tag;
    std::string name;
    bool ini = false;  // raw-byte, line-based: gets the needs_bytes payloads, not the multiline ones
    bool echoes = true;  // the HX-ECHO rule reports its values (false: only its file name travels)
};

// Writes the corpus into `dir` (created) and the hostile pack to `dir/../hostile-pack.yaml`;
// returns the files written.
std::vector<CorpusFile> write_corpus(const std::filesystem::path& dir);

// The file-name payload every corpus file's name carries, and its terminal form.
std::string name_payload();
std::string name_payload_text();

}  // namespace ccscan::test::hostile
