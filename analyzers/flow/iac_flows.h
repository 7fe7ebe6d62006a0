// Flows embedded in infrastructure as code, the format table's `embedded` extractors:
// CloudFormation `AWS::Connect::ContactFlow(Module)` `Properties.Content` (named by
// `Properties.Name`, else the logical id) and Terraform `aws_connect_contact_flow(_module)`
// `content` / `twilio_studio_flows_v2` `definition` (named by the resource label, which is what
// `aws_connect_contact_flow.<label>.id` transfers refer to). build_flows parses each value and
// builds it with the flow language's RootAdapter.
#pragma once

#include <vector>

#include "analyzers/document.h"
#include "analyzers/format_registry.h"

namespace ccscan::analyzers::flow {

std::vector<EmbeddedFlow> cloudformation_flows(const Document& doc);
std::vector<EmbeddedFlow> terraform_flows(const Document& doc);

}  // namespace ccscan::analyzers::flow
