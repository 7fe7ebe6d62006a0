// build_flows: turns a parsed file into the FlowGraphs it holds, dispatching on the format id
// (one adapter per platform, see analyzers/flow/*_adapter.h), including flows embedded in IaC:
// CloudFormation `AWS::Connect::ContactFlow(Module)` `Content`, Terraform
// `aws_connect_contact_flow(_module)` `content` and `twilio_studio_flows_v2` `definition`.
// Constructs an adapter does not understand become `other` nodes and notes; nothing here fails.
#pragma once

#include "analyzers/flow/sensitivity.h"
#include "analyzers/input_file.h"
#include "analyzers/parsed_file.h"

namespace ccscan::analyzers {

// Appends graphs to parsed.flows and notes to parsed.notes. Needs parsed.document for every
// format but asterisk-dialplan (read from file.bytes).
void build_flows(const InputFile& file, ParsedFile& parsed, const SensitivityLexicon& lex);

// Whether build_flows does anything for this format id.
bool has_flow_adapter(std::string_view format);

}  // namespace ccscan::analyzers
