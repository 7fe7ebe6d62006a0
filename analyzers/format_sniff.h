// Format detection: file name first (extensions, well-known names such as pjsip.conf and
// extensions.conf.sample, template suffixes stripped), then content sniffing, because real
// exports arrive as `data.json` with no hint, VoiceXML is served from `.jsp`, and flows are
// wrapped in Terraform templates. Looks only at the first 64 KiB of content.
#pragma once

#include <string_view>

#include "analyzers/format_registry.h"

namespace ccscan::analyzers {

Detection sniff_format(std::string_view path, std::string_view bytes);
bool looks_like_json(std::string_view bytes);

}  // namespace ccscan::analyzers
