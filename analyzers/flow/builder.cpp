#include "analyzers/flow/builder.h"

#include "analyzers/flow/archy_adapter.h"
#include "analyzers/flow/asterisk_adapter.h"
#include "analyzers/flow/connect_adapter.h"
#include "analyzers/flow/freeswitch_adapter.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/flow/lex_adapter.h"
#include "analyzers/flow/ncco_adapter.h"
#include "analyzers/flow/studio_adapter.h"
#include "analyzers/flow/twiml_adapter.h"
#include "analyzers/flow/voicexml_adapter.h"
#include "analyzers/flow/embedded_json.h"

namespace ccscan::analyzers {

namespace {

using Adapter = std::vector<FlowGraph> (*)(const InputFile&, const Document&, const SensitivityLexicon&,
                                           std::vector<Diagnostic>&);

struct AdapterEntry {
    std::string_view format;
    Adapter adapter;
};

constexpr AdapterEntry k_adapters[] = {
    {"amazon-connect-flow", &flow::build_amazon_connect},
    {"amazon-connect-flow-legacy", &flow::build_amazon_connect_legacy},
    {"twilio-studio-flow", &flow::build_twilio_studio},
    {"twiml", &flow::build_twiml},
    {"genesys-archy", &flow::build_genesys_archy},
    {"freeswitch-xml", &flow::build_freeswitch},
    {"voicexml", &flow::build_voicexml},
    {"ccxml", &flow::build_ccxml},
    {"vonage-ncco", &flow::build_vonage_ncco},
    {"amazon-lex", &flow::build_amazon_lex},
};

// An embedded flow: a JSON string (parsed here), or an object node (jsonencode(...) in HCL,
// inline YAML in CloudFormation).
void embedded(const InputFile& file, const Node& value, const std::string& name, bool studio,
              const SensitivityLexicon& lex, ParsedFile& parsed) {
    if (value.kind == NodeKind::object) {
        parsed.flows.push_back(studio ? flow::build_studio_root(value, file.path, name, {}, lex, parsed.notes)
                                      : flow::build_connect_root(value, file.path, name, {}, lex, parsed.notes));
        return;
    }
    if (value.kind != NodeKind::scalar || value.scalar_type == ScalarType::expression) {
        parsed.notes.push_back(make_diagnostic("flow-note", file.path, value.span.start,
                                               "embedded flow '" + name + "' is computed (" + flow::short_text(value.value, 40) +
                                                   "); not analysed"));
        parsed.notes.back().level = DiagnosticLevel::note;
        return;
    }
    auto doc = flow::parse_embedded_json(value.value, file.path);
    if (!doc.ok()) {
        Diagnostic d = doc.error();
        d.path = file.path;
        d.span = value.span;
        d.level = DiagnosticLevel::note;
        d.message = "embedded flow '" + name + "' is not valid JSON: " + d.message;
        parsed.notes.push_back(std::move(d));
        return;
    }
    parsed.flows.push_back(studio ? flow::build_studio_root(doc->root, file.path, name, value.span, lex, parsed.notes)
                                  : flow::build_connect_root(doc->root, file.path, name, value.span, lex, parsed.notes));
}

void cloudformation(const InputFile& file, ParsedFile& parsed, const SensitivityLexicon& lex) {
    const Node* resources = parsed.document->root.find("Resources");
    if (!resources) return;
    for (const Node& r : resources->children) {
        std::string_view type = r.get("Type");
        if (type != "AWS::Connect::ContactFlow" && type != "AWS::Connect::ContactFlowModule") continue;
        const Node* props = r.find("Properties");
        const Node* content = props ? props->find("Content") : nullptr;
        if (!content) continue;
        std::string name(props->get("Name"));
        embedded(file, *content, name.empty() ? r.key : name, false, lex, parsed);
    }
}

void terraform(const InputFile& file, ParsedFile& parsed, const SensitivityLexicon& lex) {
    const Node* resource = parsed.document->root.find("resource");
    if (!resource) return;
    for (const Node& type : resource->children) {
        bool connect = type.key == "aws_connect_contact_flow" || type.key == "aws_connect_contact_flow_module";
        bool studio = type.key == "twilio_studio_flows_v2";
        if (!connect && !studio) continue;
        for (const Node& res : type.children) {
            const Node* content = res.find(studio ? "definition" : "content");
            if (!content) continue;
            // Transfers name Terraform flows by resource label (aws_connect_contact_flow.<label>.id).
            embedded(file, *content, res.key, studio, lex, parsed);
        }
    }
}

}  // namespace

bool has_flow_adapter(std::string_view format) {
    for (const AdapterEntry& a : k_adapters) {
        if (a.format == format) return true;
    }
    return format == "asterisk-dialplan" || format == "cloudformation" || format == "terraform";
}

void build_flows(const InputFile& file, ParsedFile& parsed, const SensitivityLexicon& lex) {
    if (parsed.format == "asterisk-dialplan") {
        auto graphs = flow::build_asterisk_dialplan(file, lex, parsed.notes);
        std::move(graphs.begin(), graphs.end(), std::back_inserter(parsed.flows));
        return;
    }
    if (!parsed.document) return;
    if (parsed.format == "cloudformation") return cloudformation(file, parsed, lex);
    if (parsed.format == "terraform") return terraform(file, parsed, lex);
    for (const AdapterEntry& a : k_adapters) {
        if (a.format != parsed.format) continue;
        auto graphs = a.adapter(file, *parsed.document, lex, parsed.notes);
        std::move(graphs.begin(), graphs.end(), std::back_inserter(parsed.flows));
    }
}

}  // namespace ccscan::analyzers
