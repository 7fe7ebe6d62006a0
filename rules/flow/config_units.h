// Configuration units: the files a platform loads together. Asterisk reads extensions.conf and
// every file it pulls in with `#include`/`#tryinclude`; FreeSWITCH reads freeswitch.xml and the
// files of its `X-PRE-PROCESS cmd="include"` directives. Two files that both define `[payment]`
// but are never loaded together are two dialplans, not one context, so a jump resolves inside
// its own unit first (ScanGraphs::resolve_from).
//
// An include names a file as the platform sees it (`/etc/asterisk/pbx/payment.conf`,
// `"extensions_custom.conf"`, `$${conf_dir}/dialplan/default/*.xml`); scanned paths are relative
// to the scan root. An include matches the files it names relative to the including file, else
// the scanned files that share its longest trailing run of path segments (globs allowed,
// `$${var}` segments dropped), the nearest to the including file on ties. Files linked by includes in either
// direction form one unit; a file that includes nothing and is included by nothing is a unit of
// its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/flow_graph.h"

namespace ccscan::rules::flow {

// The unit of each graph (graphs of one file share a unit), numbered densely from 0.
std::vector<std::uint32_t> config_units(const std::vector<const analyzers::FlowGraph*>& graphs);

// Length of the folder prefix two relative paths share ("a/b/x.conf", "a/b/c/y.conf" -> 4).
std::size_t common_dirs(std::string_view a, std::string_view b);

// Scanned paths an include in file `from` names: relative to `from`'s folder when that matches,
// else the best trailing-path match, nearest `from` on ties (empty when none matches).
std::vector<std::string> resolve_include(std::string_view include, std::string_view from, const std::vector<std::string>& paths);

}  // namespace ccscan::rules::flow
