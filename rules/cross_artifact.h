// Cross-artifact taint: a flow that hands collected values to a function whose source is in the
// same scan (Amazon Connect InvokeLambdaFunction / legacy InvokeExternalResource, Twilio Studio
// run-function) continues into that handler. Code taint already follows the handler's payload
// (`event.Details.Parameters`, `event.Details.ContactData.Attributes`, Twilio `event.X`) to its
// sinks; this pass joins the two halves: a code taint finding in a handler the flow invokes with
// sensitive values gets the flow half of the path first (entry, collection, invocation), the
// collecting node as a related location, and the data class the flow collected (which decides
// the rule's conditional controls: card data collected in the flow makes a logged event a PCI
// DSS finding).
//
// Which file handles a function: the IaC of the scan (Terraform `aws_lambda_function`
// function_name + handler, CloudFormation/SAM `FunctionName` or logical id + `Handler`,
// serverless.yml `functions.NAME.handler`), else a source file whose name matches the function
// name (`acme-payment-handler` -> `payment_handler.py`), or for a Twilio Function the last
// segment of its URL (`https://x.twil.io/pay-status` -> `pay-status.js`).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow_graph.h"
#include "rules/finding.h"
#include "rules/report.h"

namespace ccscan::rules {

struct Rule;

// A function defined in infrastructure code: its deployed name and the source module of its handler.
struct HandlerDef {
    std::string function;  // deployed name (or logical id)
    std::string module;    // handler module path without extension ("src/payment_handler")
};

// The functions an IaC document defines (Terraform, CloudFormation/SAM, serverless.yml).
std::vector<HandlerDef> handler_defs(const analyzers::Document& doc, std::string_view format);

// Joins flow invocations to handler findings (see above). `inventory`: the files of the tree
// (code files not skipped are the candidate handlers). `rules` maps rule ids to rules (for
// their matcher kind and conditional controls).
void link_handler_findings(const std::vector<const analyzers::FlowGraph*>& flows, const std::vector<HandlerDef>& handlers,
                           const std::vector<InventoryEntry>& inventory, const std::map<std::string, const Rule*>& rules,
                           std::vector<Finding>& findings);

}  // namespace ccscan::rules
