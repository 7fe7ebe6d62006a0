// Finding messages: a rule's `message:` template with {{name}} placeholders filled by the matcher.
// Unknown placeholders render as the empty string; values are inserted verbatim (callers pass
// only non-sensitive or masked values).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace ccscan::rules {

using MessageVars = std::map<std::string, std::string, std::less<>>;

std::string render_message(std::string_view tmpl, const MessageVars& vars);

}  // namespace ccscan::rules
