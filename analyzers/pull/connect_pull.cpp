// Amazon Connect: the instance and its attributes and storage configurations (written as a
// CloudFormation template, so the Connect IaC rules read them as they read a client's own
// templates), contact flows and flow modules (their Content exactly as DescribeContactFlow
// returns it: the Connect flow language ccscan analyses), the Lambda functions the instance
// may invoke (configuration, environment variable names only, added to the same template), the
// flow each phone number starts (numbers masked), security profiles and their permissions,
// and the Lex V2 bots (lex_pull.cpp).
#include <algorithm>

#include "analyzers/pull/pull_context.h"

namespace ccscan::analyzers::pull {

namespace {

constexpr const char* k_template = "connect/instance.template.json";

// Storage resource types ListInstanceStorageConfigs is asked about, one call each.
const std::vector<std::string>& storage_types() {
    static const std::vector<std::string> k_types = {
        "CALL_RECORDINGS", "CHAT_TRANSCRIPTS", "SCREEN_RECORDINGS", "MEDIA_STREAMS", "CONTACT_TRACE_RECORDS", "AGENT_EVENTS",
        "SCHEDULED_REPORTS", "ATTACHMENTS", "CONTACT_EVALUATIONS", "REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS",
        "REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS"};
    return k_types;
}

// INBOUND_CALLS -> InboundCalls, as AWS::Connect::Instance names its Attributes.
std::string attribute_property(const std::string& type) {
    if (type == "CONTACTFLOW_LOGS") return "ContactflowLogs";
    if (type == "USE_CUSTOM_TTS_VOICES") return "UseCustomTTSVoices";
    if (type == "HIGH_VOLUME_OUTBOUND") return "HighVolumeOutBound";
    std::string out;
    bool upper = true;
    for (char c : type) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        upper = false;
    }
    return out;
}

std::string logical_id(const std::string& prefix, const std::string& name) {
    std::string out = prefix;
    bool upper = true;
    for (unsigned char c : name) {
        if (std::isalnum(c)) {
            out += upper ? static_cast<char>(std::toupper(c)) : static_cast<char>(std::tolower(c));
            upper = false;
        } else {
            upper = true;
        }
    }
    return out;
}

std::string str(const Json& j, const char* key) { return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

std::string short_id(const std::string& id) { return id.substr(0, 8); }

// The account in an ARN (arn:aws:connect:REGION:ACCOUNT:instance/ID).
std::string arn_account(const std::string& arn) {
    std::size_t at = 0;
    for (int i = 0; i < 4 && at != std::string::npos; ++i) at = arn.find(':', at + 1);
    if (at == std::string::npos) return "";
    return arn.substr(at + 1, arn.find(':', at + 1) - at - 1);
}

struct Template {
    Json resources = Json::object();
    void add(const std::string& id, const char* type, Json properties, Json metadata = Json::object()) {
        std::string key = id;
        for (int n = 2; resources.contains(key); ++n) key = id + std::to_string(n);
        resources[key] = {{"Type", type}, {"Properties", std::move(properties)}};
        if (!metadata.empty()) resources[key]["Metadata"] = std::move(metadata);
    }
};

void pull_instance(PullContext& ctx, Template& tpl, std::string& instance_arn) {
    const std::string& id = ctx.options.instance_id;
    ctx.step("instance");
    auto inst = ctx.api.call("connect:DescribeInstance", {{{"InstanceId", id}}});
    Json props = Json::object();
    if (inst.ok() && inst->contains("Instance")) {
        const Json& i = (*inst)["Instance"];
        instance_arn = str(i, "Arn");
        ctx.result.manifest.account = mask_identifier(arn_account(instance_arn));
        for (const char* k : {"IdentityManagementType", "InstanceAlias", "DirectoryId"}) {
            if (!str(i, k).empty()) props[k] = i[k];
        }
    } else if (!ctx.fail("instance " + id, "connect:DescribeInstance", inst.ok() ? make_diagnostic("pull-bad-response", "", {}, "no Instance in the response") : inst.error())) {
        return;
    }
    auto attrs = aws_list_all(ctx, "connect:ListInstanceAttributes", {{{"InstanceId", id}}}, "Attributes", false, 7);
    if (attrs.ok()) {
        Json a = Json::object();
        for (const Json& attr : *attrs) {
            const std::string value = str(attr, "Value");
            a[attribute_property(str(attr, "AttributeType"))] = value == "true" ? Json(true) : value == "false" ? Json(false) : Json(value);
        }
        props["Attributes"] = a;
    } else if (!ctx.fail("instance attributes", "connect:ListInstanceAttributes", attrs.error())) {
        return;
    }
    tpl.add("ConnectInstance", "AWS::Connect::Instance", props, {{"ccscan", {{"pulled_from", "connect:DescribeInstance, connect:ListInstanceAttributes"}}}});
    for (const std::string& type : storage_types()) {
        ctx.step("storage " + type);
        ApiArgs args{{{"InstanceId", id}}, {{"resourceType", type}}};
        auto configs = aws_list_all(ctx, "connect:ListInstanceStorageConfigs", args, "StorageConfigs", false, 10);
        if (!configs.ok()) {
            if (!ctx.fail("storage configuration " + type, "connect:ListInstanceStorageConfigs", configs.error())) return;
            continue;
        }
        for (const Json& c : *configs) {
            Json p = {{"InstanceArn", instance_arn.empty() ? id : instance_arn}, {"ResourceType", type}};
            for (auto it = c.begin(); it != c.end(); ++it) {
                if (it.key() != "AssociationId") p[it.key()] = *it;
            }
            tpl.add(logical_id("Storage", type), "AWS::Connect::InstanceStorageConfig", p, {{"ccscan", {{"association_id", str(c, "AssociationId")}}}});
        }
    }
}

// Flows and modules: list, then describe each and write its Content verbatim.
void pull_flow_kind(PullContext& ctx, bool modules) {
    const std::string& id = ctx.options.instance_id;
    const char* list_op = modules ? "connect:ListContactFlowModules" : "connect:ListContactFlows";
    const char* get_op = modules ? "connect:DescribeContactFlowModule" : "connect:DescribeContactFlow";
    const char* list_key = modules ? "ContactFlowModulesSummaryList" : "ContactFlowSummaryList";
    const char* item_key = modules ? "ContactFlowModule" : "ContactFlow";
    const char* id_param = modules ? "ContactFlowModuleId" : "ContactFlowId";
    const std::string kind = modules ? "flow module" : "contact flow";
    ctx.step(modules ? "flow modules" : "contact flows");
    auto list = aws_list_all(ctx, list_op, {{{"InstanceId", id}}}, list_key, false, 100);
    if (!list.ok()) {
        ctx.fail(kind + "s", list_op, list.error());
        return;
    }
    std::vector<Json> items = std::move(list.value());
    std::sort(items.begin(), items.end(), [](const Json& a, const Json& b) { return str(a, "Id") < str(b, "Id"); });
    std::size_t done = 0;
    for (const Json& item : items) {
        ctx.step(modules ? "flow modules" : "contact flows", ++done, items.size());
        const std::string fid = str(item, "Id"), name = str(item, "Name");
        const std::string resource = kind + " '" + name + "' (" + fid + ")";
        auto flow = ctx.api.call(get_op, {{{"InstanceId", id}, {id_param, fid}}});
        if (!flow.ok()) {
            if (!ctx.fail(resource, get_op, flow.error())) return;
            continue;
        }
        const std::string content = flow->contains(item_key) ? str((*flow)[item_key], "Content") : "";
        if (content.empty()) {
            if (!ctx.fail(resource, get_op, make_diagnostic("pull-bad-response", "", {}, "the response has no Content"))) return;
            continue;
        }
        const std::string folder = modules ? "connect/modules/" : "connect/flows/";
        ctx.write_text(folder + file_slug(name) + "." + short_id(fid) + ".json", content, std::string(get_op) + " " + fid);
    }
}

std::string function_name(const std::string& arn) {
    const auto at = arn.find(":function:");
    if (at == std::string::npos) return arn;
    std::string rest = arn.substr(at + 10);
    return rest.substr(0, rest.find(':'));
}

void pull_lambdas(PullContext& ctx, Template& tpl) {
    ctx.step("lambda functions");
    auto arns = aws_list_all(ctx, "connect:ListLambdaFunctions", {{{"InstanceId", ctx.options.instance_id}}}, "LambdaFunctions", false, 25);
    if (!arns.ok()) {
        ctx.fail("lambda functions", "connect:ListLambdaFunctions", arns.error());
        return;
    }
    std::vector<Json> sorted_arns = std::move(arns.value());
    std::sort(sorted_arns.begin(), sorted_arns.end());  // the template does not depend on the API's order
    for (const Json& a : sorted_arns) {
        const std::string arn = a.is_string() ? a.get<std::string>() : "";
        const std::string name = function_name(arn);
        auto cfg = ctx.api.call("lambda:GetFunctionConfiguration", {{{"FunctionName", name}}});
        if (!cfg.ok()) {
            if (!ctx.fail("lambda function '" + name + "'", "lambda:GetFunctionConfiguration", cfg.error())) return;
            continue;
        }
        Json p = {{"FunctionName", str(*cfg, "FunctionName")}};
        for (const char* k : {"Runtime", "Handler", "Role", "KMSKeyArn", "Description", "PackageType"}) {
            if (!str(*cfg, k).empty()) p[std::string(k) == "KMSKeyArn" ? "KmsKeyArn" : k] = (*cfg)[k];
        }
        for (const char* k : {"Timeout", "MemorySize", "TracingConfig", "VpcConfig", "DeadLetterConfig", "LoggingConfig", "Architectures"}) {
            if (cfg->contains(k)) p[k] = (*cfg)[k];
        }
        // Names only: values can be secrets and never leave the API response.
        if (cfg->contains("Environment") && (*cfg)["Environment"].contains("Variables") && (*cfg)["Environment"]["Variables"].is_object()) {
            Json vars = Json::object();
            for (auto it = (*cfg)["Environment"]["Variables"].begin(); it != (*cfg)["Environment"]["Variables"].end(); ++it) vars[it.key()] = "";
            p["Environment"] = {{"Variables", vars}};
        }
        tpl.add(logical_id("Lambda", name), "AWS::Lambda::Function", p,
                {{"ccscan", {{"pulled_from", "lambda:GetFunctionConfiguration"}, {"environment", "variable names only; values not pulled"}}}});
    }
}

void pull_phone_numbers(PullContext& ctx) {
    ctx.step("phone numbers");
    const std::string& id = ctx.options.instance_id;
    auto numbers = aws_list_all(ctx, "connect:ListPhoneNumbers", {{{"InstanceId", id}}}, "PhoneNumberSummaryList", false, 100);
    if (!numbers.ok()) {
        ctx.fail("phone numbers", "connect:ListPhoneNumbers", numbers.error());
        return;
    }
    ApiArgs args{{{"InstanceId", id}}, {{"ResourceType", "VOICE_PHONE_NUMBER"}}};
    auto assoc = aws_list_all(ctx, "connect:ListFlowAssociations", args, "FlowAssociationSummaryList", false, 100);
    if (!assoc.ok() && !ctx.fail("phone number flow associations", "connect:ListFlowAssociations", assoc.error())) return;
    std::vector<Json> sorted_numbers = std::move(numbers.value());
    std::sort(sorted_numbers.begin(), sorted_numbers.end(), [](const Json& a, const Json& b) { return str(a, "Id") < str(b, "Id"); });
    Json out = Json::array();
    for (const Json& n : sorted_numbers) {
        Json row = {{"PhoneNumberId", str(n, "Id")}, {"PhoneNumber", mask_identifier(str(n, "PhoneNumber"))},
                    {"PhoneNumberType", str(n, "PhoneNumberType")}, {"PhoneNumberCountryCode", str(n, "PhoneNumberCountryCode")}};
        if (assoc.ok()) {
            for (const Json& a : *assoc) {
                const std::string rid = str(a, "ResourceId");
                if (!rid.empty() && (rid == str(n, "Id") || rid == str(n, "Arn"))) row["FlowId"] = str(a, "FlowId");
            }
        }
        out.push_back(row);
    }
    ctx.write_json("connect/phone-numbers.json", {{"PhoneNumbers", out}, {"ccscan", "numbers masked to their last four digits"}},
                   "connect:ListPhoneNumbers, connect:ListFlowAssociations");
}

void pull_security_profiles(PullContext& ctx) {
    ctx.step("security profiles");
    const std::string& id = ctx.options.instance_id;
    auto profiles = aws_list_all(ctx, "connect:ListSecurityProfiles", {{{"InstanceId", id}}}, "SecurityProfileSummaryList", false, 100);
    if (!profiles.ok()) {
        ctx.fail("security profiles", "connect:ListSecurityProfiles", profiles.error());
        return;
    }
    std::vector<Json> sorted_profiles = std::move(profiles.value());
    std::sort(sorted_profiles.begin(), sorted_profiles.end(), [](const Json& a, const Json& b) { return str(a, "Id") < str(b, "Id"); });
    Json out = Json::array();
    for (const Json& p : sorted_profiles) {
        const std::string pid = str(p, "Id");
        auto perms = aws_list_all(ctx, "connect:ListSecurityProfilePermissions", {{{"InstanceId", id}, {"SecurityProfileId", pid}}}, "Permissions",
                                  false, 100);
        if (!perms.ok()) {
            if (!ctx.fail("security profile '" + str(p, "Name") + "'", "connect:ListSecurityProfilePermissions", perms.error())) return;
            continue;
        }
        std::vector<Json> sorted = std::move(perms.value());
        std::sort(sorted.begin(), sorted.end());
        out.push_back({{"Id", pid}, {"Name", str(p, "Name")}, {"Permissions", sorted}});
    }
    ctx.write_json("connect/security-profiles.json", {{"SecurityProfiles", out}}, "connect:ListSecurityProfiles, connect:ListSecurityProfilePermissions");
}

std::vector<std::string> bot_aliases(PullContext& ctx) {
    ctx.step("lex bots");
    ApiArgs args{{{"InstanceId", ctx.options.instance_id}}, {{"lexVersion", "V2"}}};
    auto bots = aws_list_all(ctx, "connect:ListBots", args, "LexBots", false, 25);
    std::vector<std::string> arns;
    if (!bots.ok()) {
        ctx.fail("lex bots", "connect:ListBots", bots.error());
        return arns;
    }
    for (const Json& b : *bots) {
        if (b.contains("LexV2Bot")) arns.push_back(str(b["LexV2Bot"], "AliasArn"));
    }
    std::sort(arns.begin(), arns.end());
    // Lex V1 bots are listed so the report says they were not examined.
    ApiArgs v1{{{"InstanceId", ctx.options.instance_id}}, {{"lexVersion", "V1"}}};
    auto legacy = aws_list_all(ctx, "connect:ListBots", v1, "LexBots", false, 25);
    if (!legacy.ok()) {
        ctx.fail("lex V1 bots", "connect:ListBots", legacy.error());
        return arns;
    }
    for (const Json& b : *legacy) {
        if (!b.contains("LexBot")) continue;
        ctx.fail("lex V1 bot '" + str(b["LexBot"], "Name") + "'", "connect:ListBots",
                 make_diagnostic("pull-not-pulled", "", {}, "Lex V1 bots are not pulled (only Lex V2); export it from the Lex V1 console to scan it"));
    }
    return arns;
}

}  // namespace

void pull_connect(PullContext& ctx) {
    Template tpl;
    std::string instance_arn;
    pull_instance(ctx, tpl, instance_arn);
    if (!ctx.stopped()) pull_flow_kind(ctx, false);
    if (!ctx.stopped()) pull_flow_kind(ctx, true);
    if (!ctx.stopped()) pull_lambdas(ctx, tpl);
    if (!ctx.stopped()) pull_phone_numbers(ctx);
    if (!ctx.stopped()) pull_security_profiles(ctx);
    if (!ctx.stopped()) pull_lex_bots(ctx, bot_aliases(ctx));
    if (tpl.resources.empty()) return;
    Json doc = {{"AWSTemplateFormatVersion", "2010-09-09"},
                {"Description", "Amazon Connect instance " + ctx.options.instance_id + " as read by ccscan pull (read-only evidence, not for deployment)"},
                {"Resources", tpl.resources}};
    ctx.write_json(k_template, doc, "connect:DescribeInstance, ListInstanceAttributes, ListInstanceStorageConfigs, lambda:GetFunctionConfiguration");
}

}  // namespace ccscan::analyzers::pull
