// Terraform HCL (analyzers/hcl_parser.h, tree-sitter-hcl) through `analyze` as format
// "terraform", which also builds the flows embedded in aws_connect_contact_flow and
// twilio_studio_flows_v2 resources (jsonencode objects and JSON strings).
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ccscan::fuzz::analyze_as("terraform", "fuzz/main.tf", ccscan::fuzz::as_text(data, size));
    return 0;
}
