// Genesys Cloud: Architect flows (the latest configuration of each, as JSON), recording media
// retention policies and routing queues (written as Terraform JSON with the genesyscloud
// provider's resource names and snake_case attributes, which is how that provider maps these
// API objects, so the Genesys retention and transcription rules read them), trunk base
// settings (TLS transport, SRTP) and integrations (configuration metadata, never credentials).
#include <algorithm>

#include "analyzers/pull/pull_context.h"

namespace ccscan::analyzers::pull {

namespace {

constexpr int k_max_pages = 1000;

std::string str(const Json& j, const char* key) { return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

// pageNumber/pageCount paging of the Platform API v2 (nextUri is the same walk).
Result<std::vector<Json>> genesys_list_all(PullContext& ctx, std::string_view op) {
    std::vector<Json> items;
    for (int n = 1; n <= k_max_pages; ++n) {
        ApiArgs args;
        args.query = {{"pageSize", "100"}, {"pageNumber", std::to_string(n)}};
        auto page = ctx.api.call(op, args);
        if (!page.ok()) return page.error();
        if (page->contains("entities") && (*page)["entities"].is_array()) {
            for (const Json& e : (*page)["entities"]) items.push_back(e);
        }
        const int count = page->contains("pageCount") && (*page)["pageCount"].is_number_integer() ? (*page)["pageCount"].get<int>() : 0;
        const bool more = count > n || (count == 0 && !str(*page, "nextUri").empty());
        if (!more) return items;
    }
    return make_diagnostic("pull-bad-response", "", {}, std::string(op) + ": more than " + std::to_string(k_max_pages) + " pages; stopped");
}

std::string snake(const std::string& key) {
    std::string out;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(key[i]);
        if (std::isupper(c)) {
            if (i > 0 && key[i - 1] != '_') out += '_';
            out += static_cast<char>(std::tolower(c));
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// The API's camelCase objects as the Terraform provider spells them: snake_case keys.
Json to_terraform(const Json& j) {
    if (j.is_object()) {
        Json out = Json::object();
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "selfUri" || it.key() == "id" || it.key() == "version") continue;
            out[snake(it.key())] = to_terraform(*it);
        }
        return out;
    }
    if (j.is_array()) {
        Json out = Json::array();
        for (const Json& e : j) out.push_back(to_terraform(e));
        return out;
    }
    return j;
}

void pull_flows(PullContext& ctx) {
    ctx.step("architect flows");
    auto flows = genesys_list_all(ctx, "genesys:GetFlows");
    if (!flows.ok()) {
        ctx.fail("architect flows", "genesys:GetFlows", flows.error());
        return;
    }
    std::size_t done = 0;
    for (const Json& f : *flows) {
        ctx.step("architect flows", ++done, flows->size());
        const std::string id = str(f, "id"), name = str(f, "name");
        auto config = ctx.api.call("genesys:GetFlowLatestConfiguration", {{{"flowId", id}}});
        if (!config.ok()) {
            if (!ctx.fail("architect flow '" + name + "' (" + id + ")", "genesys:GetFlowLatestConfiguration", config.error())) return;
            continue;
        }
        ctx.write_json("genesys/flows/" + file_slug(name) + "." + id.substr(0, 8) + ".json", *config, "genesys:GetFlowLatestConfiguration " + id);
    }
}

bool add_resources(PullContext& ctx, Json& resources, std::string_view op, const char* type, const std::string& label) {
    ctx.step(label);
    auto items = genesys_list_all(ctx, op);
    if (!items.ok()) return ctx.fail(label, op, items.error());
    Json group = Json::object();
    for (const Json& item : *items) {
        std::string key = file_slug(str(item, "name"));
        for (int n = 2; group.contains(key); ++n) key = file_slug(str(item, "name")) + "-" + std::to_string(n);
        group[key] = to_terraform(item);
    }
    if (!group.empty()) resources[type] = group;
    return true;
}

void pull_json_list(PullContext& ctx, std::string_view op, const std::string& label, const std::string& path) {
    ctx.step(label);
    auto items = genesys_list_all(ctx, op);
    if (!items.ok()) {
        ctx.fail(label, op, items.error());
        return;
    }
    ctx.write_json(path, {{"entities", *items}}, std::string(op));
}

}  // namespace

void pull_genesys(PullContext& ctx) {
    pull_flows(ctx);
    Json resources = Json::object();
    if (!ctx.stopped()) add_resources(ctx, resources, "genesys:GetMediaRetentionPolicies", "genesyscloud_recording_media_retention_policy", "media retention policies");
    if (!ctx.stopped()) add_resources(ctx, resources, "genesys:GetRoutingQueues", "genesyscloud_routing_queue", "routing queues");
    if (!resources.empty()) {
        ctx.write_json("genesys/recording-and-queues.tf.json", {{"resource", resources}},
                       "genesys:GetMediaRetentionPolicies, genesys:GetRoutingQueues (as Terraform JSON)");
    }
    if (!ctx.stopped()) pull_json_list(ctx, "genesys:GetTrunkBaseSettings", "trunk base settings", "genesys/trunk-base-settings.json");
    if (!ctx.stopped()) pull_json_list(ctx, "genesys:GetIntegrations", "integrations", "genesys/integrations.json");
}

}  // namespace ccscan::analyzers::pull
