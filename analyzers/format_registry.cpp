#include "analyzers/format_registry.h"

#include "analyzers/flow/archy_adapter.h"
#include "analyzers/flow/asterisk_adapter.h"
#include "analyzers/flow/connect_adapter.h"
#include "analyzers/flow/connect_legacy.h"
#include "analyzers/flow/freeswitch_adapter.h"
#include "analyzers/flow/iac_flows.h"
#include "analyzers/flow/lex_adapter.h"
#include "analyzers/flow/ncco_adapter.h"
#include "analyzers/flow/studio_adapter.h"
#include "analyzers/flow/twiml_adapter.h"
#include "analyzers/flow/voicexml_adapter.h"
#include "analyzers/format_sniff.h"
#include "analyzers/parsers.h"

namespace ccscan::analyzers {

namespace {

using DocumentAdapter = std::vector<FlowGraph> (*)(const InputFile&, const Document&, const SensitivityLexicon&,
                                                   std::vector<Diagnostic>&);

// An adapter that reads the parsed Document (nothing to build when the file was not parsed).
template <DocumentAdapter build>
std::vector<FlowGraph> from_document(const InputFile& file, const Document* doc, const SensitivityLexicon& lex,
                                     std::vector<Diagnostic>& notes) {
    if (!doc) return {};
    return build(file, *doc, lex, notes);
}

// The Asterisk adapter reads the dialplan text itself.
std::vector<FlowGraph> asterisk_dialplan(const InputFile& file, const Document*, const SensitivityLexicon& lex,
                                         std::vector<Diagnostic>& notes) {
    return flow::build_asterisk_dialplan(file, lex, notes);
}

}  // namespace

const std::vector<FormatInfo>& formats() {
    using F = FormatFamily;
    using S = SniffIn;
    // id, description, family, syntax, other_syntax, names, signatures, flow adapter, root
    // adapter (embedded flows), embedded-flow extractor, served from templates.
    static const std::vector<FormatInfo> k_formats = {
        {"json", "JSON document", F::structured, "json"},
        {"yaml", "YAML document (multi-document, anchors)", F::structured, "yaml"},
        {"xml", "XML document", F::structured, "xml"},
        {"ini", "INI-style configuration", F::structured, "ini"},
        {"properties", "Java .properties", F::structured, "properties", {}, ".properties"},
        {"terraform", "Terraform HCL (AWS, Genesys Cloud, Twilio providers)", F::structured, "hcl", "json", ".tf .hcl .tfvars .tf.json",
         {{{S::json, 70, &sniff_terraform_json}, {S::bare, 10, &sniff_terraform_hcl}}}, nullptr, nullptr, &flow::terraform_flows},
        {"cloudformation", "AWS CloudFormation template (JSON or YAML)", F::structured, "json", "yaml", {},
         {{{S::json, 10, &sniff_cloudformation_json}, {S::yaml, 20, &sniff_cloudformation_yaml}}}, nullptr, nullptr,
         &flow::cloudformation_flows},
        {"amazon-connect-flow", "Amazon Connect flow language (flows and modules)", F::flow, "json", {}, {},
         {{{S::json, 20, &flow::sniff_amazon_connect}}}, &from_document<&flow::build_amazon_connect>, &flow::build_connect_root},
        {"amazon-connect-flow-legacy", "Amazon Connect legacy console export", F::flow, "json", {}, {},
         {{{S::json, 30, &flow::sniff_amazon_connect_legacy}}}, &from_document<&flow::build_amazon_connect_legacy>},
        {"twilio-studio-flow", "Twilio Studio flow definition", F::flow, "json", {}, {},
         {{{S::json, 40, &flow::sniff_twilio_studio}}}, &from_document<&flow::build_twilio_studio>, &flow::build_studio_root},
        {"twiml", "TwiML voice response", F::flow, "xml", {}, ".twiml", {{{S::xml, 10, &flow::sniff_twiml}}},
         &from_document<&flow::build_twiml>, nullptr, nullptr, true},
        {"genesys-archy", "Genesys Cloud Architect flow (Archy YAML)", F::flow, "yaml", {}, {},
         {{{S::yaml, 10, &flow::sniff_genesys_archy}}}, &from_document<&flow::build_genesys_archy>},
        {"asterisk-dialplan", "Asterisk dialplan (extensions.conf)", F::flow, "ini", {},
         "extensions.conf extensions_custom.conf extensions_additional.conf extensions*.conf",
         {{{S::conf, 10, &flow::sniff_asterisk_dialplan}}}, &asterisk_dialplan},
        {"asterisk-sip", "Asterisk SIP configuration (pjsip.conf, sip.conf)", F::structured, "ini", {},
         "pjsip*.conf sip.conf sip_*.conf", {{{S::conf, 20, &sniff_asterisk_sip}}}},
        {"asterisk-conf", "Other Asterisk configuration (logger, manager, features, queues)", F::structured, "ini", {},
         "logger.conf manager.conf features.conf queues.conf ari.conf http.conf cdr.conf cel.conf rtp.conf modules.conf voicemail.conf"},
        {"freeswitch-xml", "FreeSWITCH XML dialplan and SIP profiles", F::flow, "xml", {}, {},
         {{{S::xml, 10, &flow::sniff_freeswitch}}}, &from_document<&flow::build_freeswitch>},
        {"voicexml", "VoiceXML document (also served from JSP/PHP/Mustache templates)", F::flow, "xml", {}, ".vxml",
         {{{S::xml, 10, &flow::sniff_voicexml}}}, &from_document<&flow::build_voicexml>, nullptr, nullptr, true},
        {"ccxml", "CCXML document", F::flow, "xml", {}, ".ccxml", {{{S::xml, 10, &flow::sniff_ccxml}}},
         &from_document<&flow::build_ccxml>, nullptr, nullptr, true},
        {"vonage-ncco", "Vonage Call Control Object (NCCO)", F::flow, "json", {}, {},
         {{{S::json, 50, &flow::sniff_vonage_ncco}}}, &from_document<&flow::build_vonage_ncco>},
        {"amazon-lex", "Amazon Lex bot, intent or slot export", F::structured, "json", "yaml", {},
         {{{S::json, 60, &sniff_amazon_lex}}}, &from_document<&flow::build_amazon_lex>},
        {"python", "Python source", F::code, "code", {}, ".py"},
        {"javascript", "JavaScript source", F::code, "code", {}, ".js .mjs .cjs .jsx"},
        {"typescript", "TypeScript source", F::code, "code", {}, ".ts .mts .cts"},
        {"tsx", "TypeScript JSX source", F::code, "code", {}, ".tsx"},
        {"java", "Java source", F::code, "code", {}, ".java"},
        {"csharp", "C# source", F::code, "code", {}, ".cs"},
        {"go", "Go source", F::code, "code", {}, ".go"},
        {"php", "PHP source", F::code, "code", {}, ".php"},
        {"ruby", "Ruby source", F::code, "code", {}, ".rb"},
        {"text", "Any other text file (content rules only)", F::text, "text"},
    };
    return k_formats;
}

const FormatInfo* find_format(std::string_view id) {
    for (const FormatInfo& f : formats()) {
        if (f.id == id) return &f;
    }
    return nullptr;
}

Detection detect_format(std::string_view path, std::string_view bytes) { return sniff_format(path, bytes); }

namespace {

// A row's other syntax applies when the bytes say so: CloudFormation and Lex exports in YAML,
// Terraform as .tf.json.
std::string_view syntax_for(std::string_view format, std::string_view bytes) {
    const FormatInfo* info = find_format(format);
    if (!info) return "text";
    if (!info->other_syntax.empty() && (info->syntax == "json") != looks_like_json(bytes)) return info->other_syntax;
    return info->syntax;
}

}  // namespace

ParsedFile analyze(const InputFile& file, std::string_view format, const AnalyzeOptions& options) {
    ParsedFile parsed;
    parsed.format = std::string(format);
    std::string_view syntax = syntax_for(format, file.bytes);
    if (options.want_document && syntax != "code" && syntax != "text") {
        Result<Document> doc = parse_document(syntax, file.bytes, file.path, options.limits);
        if (doc.ok()) {
            parsed.document = std::move(doc.value());
            parsed.document->format = parsed.format;
            if (options.want_syntax) parsed.embedded_code = find_embedded_code(*parsed.document, format, file.bytes);
        } else {
            parsed.failure = doc.error();
            if (parsed.failure->path.empty()) parsed.failure->path = file.path;
        }
    }
    if (!parsed.failure) build_artifacts(file, parsed, options);
    return parsed;
}

}  // namespace ccscan::analyzers
