// HCL string helpers for the HCL parser (internal to analyzers/): decoding quoted templates and
// extracting heredoc bodies from tree-sitter-hcl nodes.
#pragma once

#include <tree_sitter/api.h>

#include <string>
#include <string_view>

namespace ccscan::analyzers {

// A quoted template (string_lit / quoted_template) holds only literal text: no ${...} or %{...}.
bool is_plain_hcl_template(TSNode quoted);

// The content between the quotes with HCL escapes decoded (\n \r \t \" \\ \uNNNN \UNNNNNNNN,
// $${ -> ${, %%{ -> %{). Interpolations, if any, stay as written.
std::string decode_hcl_template(std::string_view source, TSNode quoted);
std::string decode_hcl_escapes(std::string_view raw);

// The body of a heredoc (`<<EOT` / `<<-EOT`): the lines between the opening line and the
// closing marker; `<<-` removes the indentation common to all non-blank lines.
std::string heredoc_content(std::string_view source, TSNode heredoc);

}  // namespace ccscan::analyzers
