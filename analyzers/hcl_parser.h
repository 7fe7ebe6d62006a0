// Terraform HCL -> Document through tree-sitter-hcl. The shape is described in
// docs/document-model.md; in short:
//   resource "aws_connect_instance" "main" { a = 1 }  ->  resource.aws_connect_instance.main.a
// Blocks become objects keyed by block type, then by each label (blocks sharing a type and
// labels prefix are merged under one object); an unlabeled nested block repeated in one body
// becomes an array of objects (tag "blocks"); top-level `locals` blocks merge into one object.
// Attribute values: literal strings (no interpolation, escapes decoded), numbers, bools and null
// become scalars; tuples arrays; objects objects; heredocs string scalars with their content;
// `jsonencode(<object or tuple literal>)` the converted literal tagged "jsonencode"; anything
// else (references, other calls, operators, conditionals, for-expressions) a scalar of type
// `expression` holding its source text; an interpolated string ("arn:${var.x}") is an expression
// whose value is the template without its outer quotes; `-5` is a number. Block objects carry
// tag "block"; every node has its span, attributes and blocks their key_span.
// Syntax errors: a "parse-error" Diagnostic at the first ERROR/MISSING node ("missing '}'",
// "unexpected '='"; scanned values are never quoted in the message). Never throws.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

Result<Document> parse_hcl(std::string_view text, const std::string& path, const ParseLimits& limits);

}  // namespace ccscan::analyzers
