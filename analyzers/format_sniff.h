// Content sniffers behind detect_format (internal to analyzers/). Each reads the bytes with a
// linear scan (no full parse) and returns a format id, or "" when the content says nothing.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::analyzers {

// First non-blank byte (after a BOM) is '{' or '['.
bool starts_like_json_text(std::string_view bytes);
// Platform formats stored as JSON: Connect flows (both kinds), Studio, NCCO, Lex, CloudFormation,
// Terraform JSON. "" for plain JSON.
std::string sniff_json_format(std::string_view bytes);
// By the root element (templates, comments, prolog skipped): voicexml, ccxml, twiml,
// freeswitch-xml, or "xml" for other XML; "" when the text does not start like XML.
std::string sniff_xml_format(std::string_view bytes);
// Archy (flow-type top key) or CloudFormation YAML; "" otherwise.
std::string sniff_yaml_format(std::string_view bytes);
// `resource "x" "y" {`, `terraform {` ... at the start of a line.
bool looks_like_terraform(std::string_view bytes);
// asterisk-dialplan (`exten =>`), asterisk-sip (`type=endpoint`, chan_sip keys); "" otherwise.
std::string sniff_conf_format(std::string_view bytes);
// At least one `[section]` line.
bool has_ini_sections(std::string_view bytes);

}  // namespace ccscan::analyzers
