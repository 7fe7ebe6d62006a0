#include "analyzers/format_registry.h"

#include <algorithm>
#include <array>

#include "analyzers/format_sniff.h"
#include "analyzers/parsers.h"

namespace ccscan::analyzers {

const std::vector<FormatInfo>& formats() {
    using F = FormatFamily;
    static const std::vector<FormatInfo> k_formats = {
        {"json", "JSON document", F::structured, "json"},
        {"yaml", "YAML document (multi-document, anchors)", F::structured, "yaml"},
        {"xml", "XML document", F::structured, "xml"},
        {"ini", "INI-style configuration", F::structured, "ini"},
        {"properties", "Java .properties", F::structured, "properties"},
        {"terraform", "Terraform HCL (AWS, Genesys Cloud, Twilio providers)", F::structured, "hcl"},
        {"cloudformation", "AWS CloudFormation template (JSON or YAML)", F::structured, "json"},
        {"amazon-connect-flow", "Amazon Connect flow language (flows and modules)", F::flow, "json"},
        {"amazon-connect-flow-legacy", "Amazon Connect legacy console export", F::flow, "json"},
        {"twilio-studio-flow", "Twilio Studio flow definition", F::flow, "json"},
        {"twiml", "TwiML voice response", F::flow, "xml"},
        {"genesys-archy", "Genesys Cloud Architect flow (Archy YAML)", F::flow, "yaml"},
        {"asterisk-dialplan", "Asterisk dialplan (extensions.conf)", F::flow, "ini"},
        {"asterisk-sip", "Asterisk SIP configuration (pjsip.conf, sip.conf)", F::structured, "ini"},
        {"asterisk-conf", "Other Asterisk configuration (logger, manager, features, queues)", F::structured, "ini"},
        {"freeswitch-xml", "FreeSWITCH XML dialplan and SIP profiles", F::flow, "xml"},
        {"voicexml", "VoiceXML document (also served from JSP/PHP/Mustache templates)", F::flow, "xml"},
        {"ccxml", "CCXML document", F::flow, "xml"},
        {"vonage-ncco", "Vonage Call Control Object (NCCO)", F::flow, "json"},
        {"amazon-lex", "Amazon Lex bot, intent or slot export", F::structured, "json"},
        {"python", "Python source", F::code, "code"},
        {"javascript", "JavaScript source", F::code, "code"},
        {"typescript", "TypeScript source", F::code, "code"},
        {"tsx", "TypeScript JSX source", F::code, "code"},
        {"java", "Java source", F::code, "code"},
        {"csharp", "C# source", F::code, "code"},
        {"go", "Go source", F::code, "code"},
        {"php", "PHP source", F::code, "code"},
        {"ruby", "Ruby source", F::code, "code"},
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

// CloudFormation may be YAML; the table says json, the bytes decide.
std::string_view syntax_for(std::string_view format, std::string_view bytes) {
    const FormatInfo* info = find_format(format);
    if (!info) return "text";
    if ((format == "cloudformation" || format == "amazon-lex") && !looks_like_json(bytes)) return "yaml";
    if (format == "terraform" && looks_like_json(bytes)) return "json";  // .tf.json
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
