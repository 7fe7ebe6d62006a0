// Twilio: Studio flow definitions (v2, written as Studio flow JSON), TwiML applications and
// incoming phone numbers (voice URLs and settings; numbers masked), the TwiML those voice URLs
// return where they answer a plain GET over https (written as .xml, read as TwiML), and the
// metadata of Serverless services, Functions and Assets (never their code or values).
#include <algorithm>
#include <set>

#include "analyzers/pull/pull_context.h"

namespace ccscan::analyzers::pull {

namespace {

constexpr int k_max_pages = 1000;

std::string str(const Json& j, const char* key) { return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

// Lists every page of a Twilio list resource: meta.next_page_url (v1/v2 APIs) or next_page_uri
// (2010-04-01 API).
Result<std::vector<Json>> twilio_list_all(PullContext& ctx, std::string_view op, const ApiArgs& args, const char* key) {
    std::vector<Json> items;
    ApiArgs first = args;
    first.query.emplace_back("PageSize", "50");
    auto page = ctx.api.call(op, first);
    std::set<std::string> followed;
    for (int n = 0; n < k_max_pages; ++n) {
        if (!page.ok()) return page.error();
        if (page->contains(key) && (*page)[key].is_array()) {
            for (const Json& item : (*page)[key]) items.push_back(item);
        }
        std::string next = page->contains("meta") ? str((*page)["meta"], "next_page_url") : str(*page, "next_page_uri");
        if (next.empty()) return items;
        if (!followed.insert(next).second) return make_diagnostic("pull-bad-response", "", {}, std::string(op) + ": the API returned the same next page twice");
        page = ctx.api.call_page(op, next);
    }
    return make_diagnostic("pull-bad-response", "", {}, std::string(op) + ": more than " + std::to_string(k_max_pages) + " pages; stopped");
}

void pull_studio(PullContext& ctx) {
    ctx.step("studio flows");
    auto flows = twilio_list_all(ctx, "twilio:ListStudioFlows", {}, "flows");
    if (!flows.ok()) {
        ctx.fail("studio flows", "twilio:ListStudioFlows", flows.error());
        return;
    }
    std::size_t done = 0;
    for (const Json& f : *flows) {
        ctx.step("studio flows", ++done, flows->size());
        const std::string sid = str(f, "sid"), name = str(f, "friendly_name");
        auto flow = ctx.api.call("twilio:FetchStudioFlow", {{{"FlowSid", sid}}});
        if (!flow.ok()) {
            if (!ctx.fail("studio flow '" + name + "' (" + sid + ")", "twilio:FetchStudioFlow", flow.error())) return;
            continue;
        }
        if (!flow->contains("definition") || !(*flow)["definition"].is_object()) {
            if (!ctx.fail("studio flow '" + name + "' (" + sid + ")", "twilio:FetchStudioFlow",
                          make_diagnostic("pull-bad-response", "", {}, "the response has no definition"))) {
                return;
            }
            continue;
        }
        ctx.write_json("twilio/studio/" + file_slug(name) + "." + sid.substr(0, 10) + ".json", (*flow)["definition"], "twilio:FetchStudioFlow " + sid);
    }
}

// Voice settings only; the number itself is masked.
Json number_row(const Json& n) {
    Json row = Json::object();
    for (const char* k : {"sid", "friendly_name", "voice_url", "voice_method", "voice_fallback_url", "voice_application_sid", "voice_caller_id_lookup",
                          "voice_receive_mode", "status_callback", "trunk_sid", "emergency_status"}) {
        if (n.contains(k)) row[k] = n[k];
    }
    row["phone_number"] = mask_identifier(str(n, "phone_number"));
    return row;
}

void fetch_twiml(PullContext& ctx, const std::string& owner, const std::string& url, std::set<std::string>& seen) {
    if (url.empty() || !seen.insert(url).second) return;
    if (url.rfind("https://", 0) != 0) {
        ctx.fail("TwiML of " + owner, "twilio:FetchVoiceUrlTwiml", make_diagnostic("pull-http", "", {}, "voice URL is not https; not fetched"));
        return;
    }
    auto twiml = ctx.api.fetch_twiml(url);
    if (!twiml.ok()) {
        ctx.fail("TwiML of " + owner, "twilio:FetchVoiceUrlTwiml", twiml.error());
        return;
    }
    ctx.write_text("twilio/twiml/" + file_slug(owner) + ".xml", *twiml, "twilio:FetchVoiceUrlTwiml for " + owner);
}

void pull_voice(PullContext& ctx, const std::string& account) {
    ctx.step("applications and numbers");
    std::set<std::string> seen;
    auto apps = twilio_list_all(ctx, "twilio:ListApplications", {{{"AccountSid", account}}}, "applications");
    if (!apps.ok()) {
        if (!ctx.fail("TwiML applications", "twilio:ListApplications", apps.error())) return;
    } else {
        Json out = Json::array();
        for (const Json& a : *apps) {
            Json row = Json::object();
            for (const char* k : {"sid", "friendly_name", "voice_url", "voice_method", "voice_fallback_url", "status_callback", "voice_caller_id_lookup"}) {
                if (a.contains(k)) row[k] = a[k];
            }
            out.push_back(row);
        }
        ctx.write_json("twilio/applications.json", {{"applications", out}}, "twilio:ListApplications");
        for (const Json& a : *apps) fetch_twiml(ctx, "application " + str(a, "friendly_name") + " " + str(a, "sid"), str(a, "voice_url"), seen);
    }
    if (ctx.stopped()) return;
    auto numbers = twilio_list_all(ctx, "twilio:ListIncomingPhoneNumbers", {{{"AccountSid", account}}}, "incoming_phone_numbers");
    if (!numbers.ok()) {
        ctx.fail("incoming phone numbers", "twilio:ListIncomingPhoneNumbers", numbers.error());
        return;
    }
    Json out = Json::array();
    for (const Json& n : *numbers) out.push_back(number_row(n));
    ctx.write_json("twilio/incoming-phone-numbers.json", {{"incoming_phone_numbers", out}, {"ccscan", "numbers masked to their last four digits"}},
                   "twilio:ListIncomingPhoneNumbers");
    for (const Json& n : *numbers) fetch_twiml(ctx, "number " + str(n, "sid"), str(n, "voice_url"), seen);
}

void pull_serverless(PullContext& ctx) {
    ctx.step("serverless");
    auto services = twilio_list_all(ctx, "twilio:ListServerlessServices", {}, "services");
    if (!services.ok()) {
        ctx.fail("serverless services", "twilio:ListServerlessServices", services.error());
        return;
    }
    for (const Json& s : *services) {
        const std::string sid = str(s, "sid");
        Json doc = {{"service", {{"sid", sid}, {"unique_name", str(s, "unique_name")}, {"friendly_name", str(s, "friendly_name")}}}};
        if (s.contains("include_credentials")) doc["service"]["include_credentials"] = s["include_credentials"];
        if (s.contains("ui_editable")) doc["service"]["ui_editable"] = s["ui_editable"];
        for (const auto& [op, key] : {std::pair{"twilio:ListServerlessFunctions", "functions"}, std::pair{"twilio:ListServerlessAssets", "assets"}}) {
            auto list = twilio_list_all(ctx, op, {{{"ServiceSid", sid}}}, key);
            if (!list.ok()) {
                if (!ctx.fail(std::string(key) + " of serverless service " + sid, op, list.error())) return;
                continue;
            }
            Json rows = Json::array();
            for (const Json& item : *list) rows.push_back({{"sid", str(item, "sid")}, {"friendly_name", str(item, "friendly_name")}});
            doc[key] = rows;
        }
        ctx.write_json("twilio/serverless/" + file_slug(str(s, "unique_name").empty() ? sid : str(s, "unique_name")) + ".json", doc,
                       "twilio:ListServerlessServices " + sid);
    }
}

}  // namespace

void pull_twilio(PullContext& ctx) {
    const std::string account = ctx.options.env("TWILIO_ACCOUNT_SID");
    pull_studio(ctx);
    if (!ctx.stopped()) pull_voice(ctx, account);
    if (!ctx.stopped()) pull_serverless(ctx);
}

}  // namespace ccscan::analyzers::pull
