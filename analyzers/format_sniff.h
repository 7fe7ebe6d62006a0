// Format detection: file name first (extensions, well-known names such as pjsip.conf and
// extensions.conf.sample, template suffixes stripped), then content sniffing, because real
// exports arrive as `data.json` with no hint, VoiceXML is served from `.jsp`, and flows are
// wrapped in Terraform templates. Looks only at the first 64 KiB of content (a key behind a
// long block is looked for in all of it). Names and content signatures come from the format
// table (format_registry.h); this file knows only containers (JSON, YAML, XML, INI-style
// `.conf`, templates) and the signatures of formats that have no adapter file of their own.
#pragma once

#include <string_view>

#include "analyzers/format_registry.h"

namespace ccscan::analyzers {

Detection sniff_format(std::string_view path, std::string_view bytes);
bool looks_like_json(std::string_view bytes);

// Helpers for signatures (also used by the adapters' own signatures).
bool contains(std::string_view text, std::string_view needle);
// `s` without a UTF-8 BOM and leading white space.
std::string_view skip_space(std::string_view s);

// Signatures of the formats without an adapter file (rows in format_registry.cpp).
bool sniff_cloudformation_json(const SniffInput& in);
bool sniff_cloudformation_yaml(const SniffInput& in);
bool sniff_amazon_lex(const SniffInput& in);
bool sniff_terraform_json(const SniffInput& in);
bool sniff_terraform_hcl(const SniffInput& in);
bool sniff_asterisk_sip(const SniffInput& in);

}  // namespace ccscan::analyzers
