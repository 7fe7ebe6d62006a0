// Channel-variable references in dialplan arguments, shared by the Asterisk and FreeSWITCH
// adapters: `${VAR}` / `${FUNC(args)}` ("CALLERID(num)", "CARD").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ccscan::analyzers::flow {

// Appends each reference in `text` to `out` once.
void dialplan_refs(std::string_view text, std::vector<std::string>& out);

}  // namespace ccscan::analyzers::flow
