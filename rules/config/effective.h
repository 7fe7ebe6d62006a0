// Effective configuration: the settings a platform actually runs with, resolved the way it loads
// its files, so that `config` rules judge values rather than lines.
//
// - chan_sip (sip.conf) and PJSIP (pjsip*.conf): `#include`/`#tryinclude` are spliced textually
//   (an included fragment continues the section it is included in), `[name](!)` sections are
//   templates, `[peer](a,b)` inherits a then b (a later template overrides an earlier one, the
//   section's own lines override both), `[x](+)` appends to an earlier `[x]`. For chan_sip a
//   peer then falls back to `[general]`. Files that another file of the scan includes are not
//   configurations of their own.
// - FreeSWITCH (vars.xml, sip_profiles/*.xml): `$${name}` in attribute values is replaced by
//   the value of `<X-PRE-PROCESS cmd="set" data="name=value"/>` from the same file or the
//   nearest vars file in an ancestor folder; an undefined variable expands to nothing, as the
//   FreeSWITCH preprocessor does.
// A rule states the platform defaults it relies on; a setting the configuration leaves unset
// gets its default as a synthesized node, so the finding can say the default is the cause.
//
// Every node of a unit has an origin (file, section and a note for messages) so findings point
// where the effective value is written, or where the default takes effect.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analyzers/document.h"
#include "rules/matcher.h"

namespace ccscan::rules::config {

enum class Resolution { chan_sip, pjsip, freeswitch };

struct ResolveSpec {
    Resolution kind = Resolution::chan_sip;
    std::vector<std::pair<std::string, std::string>> defaults;  // setting -> platform default
};

struct ValueOrigin {
    std::string path;     // file the node was read from
    std::string section;  // section that sets it (Asterisk), or the profile (FreeSWITCH)
    std::string note;     // for messages: ", inherited from [general]", "" when set in place
    std::string group;    // findings with the same group are one root cause
    bool is_default = false;
};

// One configuration as the platform loads it. `root` holds the candidates: for Asterisk one
// object per concrete section (templates folded in, `[general]` first), for FreeSWITCH the
// file's tree (under a synthetic parent) with variables expanded and defaults added to every
// `<profile><settings>`; only files that hold a `<profile>` or use a `$${variable}` get one.
struct EffectiveUnit {
    std::string path;  // the root file
    analyzers::Node root;
    std::map<const analyzers::Node*, ValueOrigin> origins;  // every node that came from elsewhere
    bool has_general = false;
};

// Parses the `resolve:` value of a config matcher: `chan_sip`, `pjsip`, `freeswitch`, or a
// mapping {platform: ..., defaults: {setting: value}}.
Result<ResolveSpec> parse_resolve_spec(const analyzers::Node& spec, const PackContext& ctx);

// The units of a scan for one resolution; `docs` are the scan's documents the rule applies to,
// sorted by path. Units are heap-allocated so node addresses in `origins` stay valid.
std::vector<std::unique_ptr<EffectiveUnit>> resolve_units(const ResolveSpec& spec, const std::vector<ScanDocument>& docs);

// Implementations, one per platform family.
std::vector<std::unique_ptr<EffectiveUnit>> asterisk_units(const ResolveSpec& spec, const std::vector<ScanDocument>& docs);
std::vector<std::unique_ptr<EffectiveUnit>> freeswitch_units(const ResolveSpec& spec, const std::vector<ScanDocument>& docs);

// "sip.conf" from "/etc/asterisk/sip.conf": the include target relative to the including file.
std::string resolve_include(const std::string& including_path, std::string target, const std::vector<ScanDocument>& docs);

}  // namespace ccscan::rules::config
