#include "analyzers/pull/operations.h"

namespace ccscan::analyzers::pull {

namespace {

using H = ApiHost;
constexpr HttpMethod k_get = HttpMethod::get;
constexpr HttpMethod k_post = HttpMethod::post;

}  // namespace

const std::vector<Operation>& operations() {
    // Paths from the vendors' API references (Amazon Connect 2017-08-08, Lex Models V2
    // 2020-08-07, Lambda 2015-03-31, Twilio REST 2010-04-01 / Studio v2 / Serverless v1,
    // Genesys Cloud Platform API v2).
    static const std::vector<Operation> k_operations = {
        {"connect:DescribeInstance", H::aws_connect, k_get, "/instance/{InstanceId}"},
        {"connect:ListInstanceAttributes", H::aws_connect, k_get, "/instance/{InstanceId}/attributes"},
        {"connect:ListInstanceStorageConfigs", H::aws_connect, k_get, "/instance/{InstanceId}/storage-configs"},
        {"connect:ListContactFlows", H::aws_connect, k_get, "/contact-flows-summary/{InstanceId}"},
        {"connect:DescribeContactFlow", H::aws_connect, k_get, "/contact-flows/{InstanceId}/{ContactFlowId}"},
        {"connect:ListContactFlowModules", H::aws_connect, k_get, "/contact-flow-modules-summary/{InstanceId}"},
        {"connect:DescribeContactFlowModule", H::aws_connect, k_get, "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}"},
        {"connect:ListLambdaFunctions", H::aws_connect, k_get, "/instance/{InstanceId}/lambda-functions"},
        {"connect:ListBots", H::aws_connect, k_get, "/instance/{InstanceId}/bots"},
        {"connect:ListPhoneNumbers", H::aws_connect, k_get, "/phone-numbers-summary/{InstanceId}"},
        {"connect:ListFlowAssociations", H::aws_connect, k_get, "/flow-associations-summary/{InstanceId}"},
        {"connect:ListSecurityProfiles", H::aws_connect, k_get, "/security-profiles-summary/{InstanceId}"},
        {"connect:ListSecurityProfilePermissions", H::aws_connect, k_get, "/security-profiles-permissions/{InstanceId}/{SecurityProfileId}"},
        {"lex:DescribeBot", H::aws_lex, k_get, "/bots/{botId}/"},
        {"lex:DescribeBotAlias", H::aws_lex, k_get, "/bots/{botId}/botaliases/{botAliasId}/"},
        {"lex:ListBotLocales", H::aws_lex, k_post, "/bots/{botId}/botversions/{botVersion}/botlocales/"},
        {"lex:ListIntents", H::aws_lex, k_post, "/bots/{botId}/botversions/{botVersion}/botlocales/{localeId}/intents/"},
        {"lex:DescribeIntent", H::aws_lex, k_get, "/bots/{botId}/botversions/{botVersion}/botlocales/{localeId}/intents/{intentId}/"},
        {"lex:ListSlots", H::aws_lex, k_post, "/bots/{botId}/botversions/{botVersion}/botlocales/{localeId}/intents/{intentId}/slots/"},
        {"lex:DescribeSlot", H::aws_lex, k_get, "/bots/{botId}/botversions/{botVersion}/botlocales/{localeId}/intents/{intentId}/slots/{slotId}/"},
        {"lambda:GetFunctionConfiguration", H::aws_lambda, k_get, "/2015-03-31/functions/{FunctionName}/configuration"},
        {"twilio:ListStudioFlows", H::twilio_studio, k_get, "/v2/Flows"},
        {"twilio:FetchStudioFlow", H::twilio_studio, k_get, "/v2/Flows/{FlowSid}"},
        {"twilio:ListIncomingPhoneNumbers", H::twilio_api, k_get, "/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"},
        {"twilio:ListApplications", H::twilio_api, k_get, "/2010-04-01/Accounts/{AccountSid}/Applications.json"},
        {"twilio:FetchVoiceUrlTwiml", H::twiml_url, k_get, ""},
        {"twilio:ListServerlessServices", H::twilio_serverless, k_get, "/v1/Services"},
        {"twilio:ListServerlessFunctions", H::twilio_serverless, k_get, "/v1/Services/{ServiceSid}/Functions"},
        {"twilio:ListServerlessAssets", H::twilio_serverless, k_get, "/v1/Services/{ServiceSid}/Assets"},
        {"genesys:GetOAuthToken", H::genesys_login, k_post, "/oauth/token"},
        {"genesys:GetFlows", H::genesys_api, k_get, "/api/v2/flows"},
        {"genesys:GetFlowLatestConfiguration", H::genesys_api, k_get, "/api/v2/flows/{flowId}/latestconfiguration"},
        {"genesys:GetMediaRetentionPolicies", H::genesys_api, k_get, "/api/v2/recording/mediaretentionpolicies"},
        {"genesys:GetRoutingQueues", H::genesys_api, k_get, "/api/v2/routing/queues"},
        {"genesys:GetTrunkBaseSettings", H::genesys_api, k_get, "/api/v2/telephony/providers/edges/trunkbasesettings"},
        {"genesys:GetIntegrations", H::genesys_api, k_get, "/api/v2/integrations"},
    };
    return k_operations;
}

const Operation* find_operation(std::string_view name) {
    for (const Operation& op : operations()) {
        if (op.name == name) return &op;
    }
    return nullptr;
}

bool is_allow_listed(const Operation* op) {
    const auto& all = operations();
    return op && !all.empty() && op >= all.data() && op < all.data() + all.size();
}

std::string_view operation_verb(const Operation& op) {
    std::string_view rest = op.name.substr(op.name.find(':') + 1);
    std::size_t end = 1;
    while (end < rest.size() && !(rest[end] >= 'A' && rest[end] <= 'Z')) ++end;
    return rest.substr(0, end);
}

}  // namespace ccscan::analyzers::pull
