// The read-only allow-list: every request `ccscan pull` can send is one of these operations.
// Each names its platform API operation (AWS: List*/Describe*/Get*; Twilio and Genesys Cloud:
// the resource it reads), the host it goes to, the HTTP method and the path template. The
// method comes from this table, never from the caller, and a request can only be built from an
// entry of it (analyzers/pull/api_session.h), so nothing outside it can be issued: no write,
// no delete, no other host. The only non-GET entries are AWS Lex V2 List* operations (which
// AWS defines as POST with a filter body) and the Genesys OAuth token request.
#pragma once

#include <string_view>
#include <vector>

namespace ccscan::analyzers::pull {

enum class HttpMethod { get, post };

// Where a request goes; the session maps a host to a base URL (or to --endpoint-url).
enum class ApiHost {
    aws_connect,    // connect.{region}.amazonaws.com            (SigV4 service "connect")
    aws_lex,        // models-v2-lex.{region}.amazonaws.com      (SigV4 service "lex")
    aws_lambda,     // lambda.{region}.amazonaws.com             (SigV4 service "lambda")
    twilio_api,     // api.twilio.com
    twilio_studio,  // studio.twilio.com
    twilio_serverless,  // serverless.twilio.com
    genesys_api,    // api.{region}
    genesys_login,  // login.{region}
    twiml_url,      // a TwiML voice URL an application or number names (https, no credentials sent)
};

struct Operation {
    std::string_view name;  // "connect:ListContactFlows", "twilio:ListStudioFlows", ...
    ApiHost host;
    HttpMethod method;
    std::string_view path;  // "/contact-flows-summary/{InstanceId}"; {Name} filled from parameters
};

// Every operation of the allow-list, in a fixed order.
const std::vector<Operation>& operations();
// The operation of that name, or nullptr when it is not on the allow-list.
const Operation* find_operation(std::string_view name);
// True when `op` is an entry of the table (not a copy or a hand-made Operation).
bool is_allow_listed(const Operation* op);
// The verb an operation's name starts with after the "service:" prefix ("List", "Describe", ...).
std::string_view operation_verb(const Operation& op);

}  // namespace ccscan::analyzers::pull
