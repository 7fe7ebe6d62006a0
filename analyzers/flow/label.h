// Readable labels for flow nodes: the one place that turns what a file says (an SSML prompt, a
// TwiML <Say>, a dialplan argument) into the short text that finding messages, flow paths
// (SARIF codeFlows) and graph labels show.
//
// Order matters: markup is stripped (SSML/XML tags, entities), whitespace collapsed, digit runs
// masked (analyzers/text_mask.h) and only then the text is cut, at a word boundary, with "...".
// Placeholders (`$.Attributes.x`, `{{flow.data}}`, `${var}`) are kept as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ccscan::analyzers::flow {

inline constexpr std::size_t k_label_text = 48;

// `text` without markup: tags (`<speak>`, `<prosody rate="slow">`, `<break/>`, comments, CDATA
// brackets) removed, the five XML entities and numeric character references decoded, whitespace
// collapsed to single spaces and trimmed.
std::string plain_text(std::string_view text);
// analyzers::shorten_masked (the one cut of ccscan): digit runs masked first, then cut at a word.
std::string cut_text(std::string_view text, std::size_t max);
// "NAME 'prompt text...'": `name` (display name, identifier or platform type) and, when `text`
// has readable content, its plain, masked, cut form in quotes.
std::string node_label(std::string_view name, std::string_view text, std::size_t max = k_label_text);

}  // namespace ccscan::analyzers::flow
