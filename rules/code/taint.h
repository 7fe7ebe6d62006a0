// Intra-procedural taint over a SyntaxTree: values from sensitive sources (identifiers, fields and
// keys named like card data or personal data; contact-center event payloads such as Connect
// `event['Details']['ContactData']`, Twilio `event.Digits`; request bodies) flow through
// assignments and string building (concatenation, f-strings, format calls, template strings) to
// sinks (logging, print/console, HTTP clients, files, queues, databases), unless they pass
// through a sanitizer call (mask, tokenize, encrypt, hash...).
//
// Each function body (and the top level) is one scope, walked in source order; nested functions
// are their own scopes. Flow-insensitive within a scope apart from order: an assignment of a
// clean value removes a variable's taint. Every spec part is data from the rule (see
// docs/code-rules.md); the per-language node kinds live in one table in taint.cpp.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analyzers/code/syntax_tree_impl.h"
#include "rules/finding.h"

namespace ccscan::rules::code {

struct TaintSpec {
    // Source identifier/field/key names, as words ("card number" matches cardNumber, card_number,
    // CARD_NUMBER and 'card-number'); a single word matches that word of an identifier.
    std::vector<std::string> source_names;
    // Access paths that are sources wherever they are read whole, quotes normalized to '
    // ("event['Details']['ContactData']", "event.Details.Parameters", "request.body"); a path
    // ending in '*' also matches every access below it ("event.Details.Parameters.*").
    std::vector<std::string> source_paths;
    // Identifiers that are a source only when used whole (the whole event object, not event.x).
    std::vector<std::string> source_whole;
    // Sink call patterns per language ("logging.*", "console.log", "*.write"); the key "any"
    // applies to every language; typescript/tsx fall back to javascript.
    std::map<std::string, std::vector<std::string>, std::less<>> sinks;
    // Words that mark a call as a sanitizer when its name contains one ("mask", "encrypt").
    std::vector<std::string> sanitizers;
};

struct TaintHit {
    TSNode sink;                  // the sink call
    std::string callee;           // normalized callee text ("logger.info")
    std::string source;           // what was sensitive (identifier or path text)
    std::vector<PathStep> steps;  // source, assignments, sink
};

std::vector<TaintHit> find_taint(const analyzers::SyntaxTree& tree, const TaintSpec& spec, const std::string& path);
// Every spec in one walk of the tree: element i holds exactly what find_taint(tree, *specs[i],
// path) returns. The tree-only work (node classes, texts, callees, identifier words) is done once
// for all of them, which is what makes several taint rules on one file cheap.
std::vector<std::vector<TaintHit>> find_taint_all(const analyzers::SyntaxTree& tree, const std::vector<const TaintSpec*>& specs,
                                                  const std::string& path);

// Identifier -> lower-case words: "cardNumber" -> {card, number}, "CARD_NO" -> {card, no}.
// The sinks of `spec` for a language: "any", the language's own, and javascript's for
// typescript/tsx that have none of their own. The walk and the prefilter both use it.
std::vector<std::string> sinks_for(const TaintSpec& spec, std::string_view lang);

std::vector<std::string> identifier_words(std::string_view ident);
// Glob with '*' against a normalized callee; a pattern without a leading '*' also matches a
// callee that ends with "." + pattern.
bool callee_matches(std::string_view pattern, std::string_view callee);

}  // namespace ccscan::rules::code
