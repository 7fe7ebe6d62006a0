#include "rules/config/effective.h"

#include "rules/pack_support.h"

namespace ccscan::rules::config {

using analyzers::Node;
using analyzers::NodeKind;

namespace {

struct PlatformName {
    std::string_view name;
    Resolution kind;
};
constexpr PlatformName k_platforms[] = {
    {"chan_sip", Resolution::chan_sip}, {"pjsip", Resolution::pjsip}, {"freeswitch", Resolution::freeswitch}};

}  // namespace

Result<ResolveSpec> parse_resolve_spec(const Node& spec, const PackContext& ctx) {
    ResolveSpec out;
    std::string platform;
    const Node* defaults = nullptr;
    if (spec.kind == NodeKind::scalar) {
        platform = spec.value;
    } else {
        if (auto e = check_keys(ctx, spec, {"platform", "defaults"}, "resolve")) return *e;
        SpecReader r{ctx, {}};
        auto p = r.string(spec, "platform", true);
        defaults = r.mapping(spec, "defaults");
        if (!r.ok()) return *r.error;
        platform = *p;
    }
    bool known = false;
    std::vector<std::string> names;
    for (const PlatformName& p : k_platforms) {
        names.emplace_back(p.name);
        if (p.name == platform) out.kind = p.kind, known = true;
    }
    if (!known) {
        std::string hint = did_you_mean(platform, names);
        return spec_error(ctx, spec, "unknown resolve platform '" + platform + "' (chan_sip, pjsip or freeswitch" +
                                         (hint.empty() ? ")" : "; did you mean '" + hint + "'?)"));
    }
    if (defaults) {
        for (const Node& d : defaults->children) {
            if (d.kind != NodeKind::scalar) return spec_error(ctx, d, "resolve default '" + d.key + "' must be a scalar");
            out.defaults.emplace_back(d.key, d.value);
        }
    }
    return out;
}

std::vector<std::unique_ptr<EffectiveUnit>> resolve_units(const ResolveSpec& spec, const std::vector<ScanDocument>& docs) {
    return spec.kind == Resolution::freeswitch ? freeswitch_units(spec, docs) : asterisk_units(spec, docs);
}

}  // namespace ccscan::rules::config
