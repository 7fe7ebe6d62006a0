// Amazon Lex V2 bots attached to the Connect instance: for each bot alias ListBots returns,
// the bot (data privacy), the alias (its version and conversation-log settings), and for every
// locale of that version its intents and their slots (obfuscation settings), written as one
// JSON file per bot in the shape of a Lex V2 export, which ccscan reads as `amazon-lex`.
#include <algorithm>

#include "analyzers/pull/pull_context.h"

namespace ccscan::analyzers::pull {

namespace {

std::string str(const Json& j, const char* key) { return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

// Response metadata AWS adds that is not configuration.
Json without_noise(Json j) {
    if (j.is_object()) {
        for (const char* k : {"ResponseMetadata", "creationDateTime", "lastUpdatedDateTime", "lastBuildSubmittedDateTime"}) j.erase(k);
    }
    return j;
}

struct BotRef {
    std::string bot_id, alias_id;
};

// arn:aws:lex:REGION:ACCOUNT:bot-alias/BOTID/ALIASID
bool parse_alias_arn(const std::string& arn, BotRef& ref) {
    const auto at = arn.find(":bot-alias/");
    if (at == std::string::npos) return false;
    const std::string rest = arn.substr(at + 11);
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return false;
    ref = {rest.substr(0, slash), rest.substr(slash + 1)};
    return !ref.bot_id.empty() && !ref.alias_id.empty();
}

using Params = std::map<std::string, std::string>;

// Returns false when the pull must stop.
bool pull_intent(PullContext& ctx, Params p, const std::string& intent_id, Json& intent_out) {
    p["intentId"] = intent_id;
    auto intent = ctx.api.call("lex:DescribeIntent", {p});
    if (!intent.ok()) return ctx.fail("lex intent " + intent_id, "lex:DescribeIntent", intent.error());
    intent_out = without_noise(*intent);
    auto slots = aws_list_all(ctx, "lex:ListSlots", {p}, "slotSummaries", true, 100);
    if (!slots.ok()) return ctx.fail("slots of lex intent " + str(*intent, "intentName"), "lex:ListSlots", slots.error());
    Json out = Json::array();
    for (const Json& s : *slots) {
        Params sp = p;
        sp["slotId"] = str(s, "slotId");
        auto slot = ctx.api.call("lex:DescribeSlot", {sp});
        if (!slot.ok()) {
            if (!ctx.fail("lex slot " + str(s, "slotName"), "lex:DescribeSlot", slot.error())) return false;
            continue;
        }
        out.push_back(without_noise(*slot));
    }
    intent_out["slots"] = out;
    return true;
}

bool pull_locale(PullContext& ctx, const Params& p, const std::string& locale, Json& locale_out) {
    Params lp = p;
    lp["localeId"] = locale;
    auto intents = aws_list_all(ctx, "lex:ListIntents", {lp}, "intentSummaries", true, 100);
    if (!intents.ok()) return ctx.fail("intents of lex locale " + locale, "lex:ListIntents", intents.error());
    Json out = Json::array();
    for (const Json& i : *intents) {
        Json intent;
        if (!pull_intent(ctx, lp, str(i, "intentId"), intent)) return false;
        if (!intent.is_null()) out.push_back(intent);
    }
    locale_out = {{"localeId", locale}, {"intents", out}};
    return true;
}

bool pull_bot(PullContext& ctx, const BotRef& ref) {
    auto bot = ctx.api.call("lex:DescribeBot", {{{"botId", ref.bot_id}}});
    if (!bot.ok()) return ctx.fail("lex bot " + ref.bot_id, "lex:DescribeBot", bot.error());
    auto alias = ctx.api.call("lex:DescribeBotAlias", {{{"botId", ref.bot_id}, {"botAliasId", ref.alias_id}}});
    if (!alias.ok()) return ctx.fail("lex bot alias " + ref.alias_id, "lex:DescribeBotAlias", alias.error());
    const std::string version = str(*alias, "botVersion").empty() ? "DRAFT" : str(*alias, "botVersion");
    Params p = {{"botId", ref.bot_id}, {"botVersion", version}};
    auto locales = aws_list_all(ctx, "lex:ListBotLocales", {p}, "botLocaleSummaries", true, 50);
    if (!locales.ok()) return ctx.fail("locales of lex bot " + str(*bot, "botName"), "lex:ListBotLocales", locales.error());
    Json out = Json::array();
    for (const Json& l : *locales) {
        Json locale;
        if (!pull_locale(ctx, p, str(l, "localeId"), locale)) return false;
        if (!locale.is_null()) out.push_back(locale);
    }
    Json doc = without_noise(*bot);
    doc["botAlias"] = without_noise(*alias);
    doc["botLocales"] = out;
    const std::string name = str(*bot, "botName").empty() ? ref.bot_id : str(*bot, "botName");
    ctx.write_json("connect/lex/" + file_slug(name) + "." + ref.bot_id + ".json", doc, "lex:DescribeBot " + ref.bot_id + " alias " + ref.alias_id);
    return true;
}

}  // namespace

void pull_lex_bots(PullContext& ctx, const std::vector<std::string>& alias_arns) {
    std::size_t done = 0;
    for (const std::string& arn : alias_arns) {
        ctx.step("lex bots", ++done, alias_arns.size());
        BotRef ref;
        if (!parse_alias_arn(arn, ref)) {
            ctx.fail("lex bot alias " + arn, "connect:ListBots", make_diagnostic("pull-bad-response", "", {}, "not a Lex V2 bot alias ARN"));
            continue;
        }
        if (!pull_bot(ctx, ref)) return;
    }
}

}  // namespace ccscan::analyzers::pull
