#include "analyzers/flow/iac_flows.h"

namespace ccscan::analyzers::flow {

std::vector<EmbeddedFlow> cloudformation_flows(const Document& doc) {
    std::vector<EmbeddedFlow> out;
    const Node* resources = doc.root.find("Resources");
    if (!resources) return out;
    for (const Node& r : resources->children) {
        std::string_view type = r.get("Type");
        if (type != "AWS::Connect::ContactFlow" && type != "AWS::Connect::ContactFlowModule") continue;
        const Node* props = r.find("Properties");
        const Node* content = props ? props->find("Content") : nullptr;
        if (!content) continue;
        std::string name(props->get("Name"));
        out.push_back({content, name.empty() ? r.key : name, "amazon-connect-flow"});
    }
    return out;
}

std::vector<EmbeddedFlow> terraform_flows(const Document& doc) {
    std::vector<EmbeddedFlow> out;
    const Node* resource = doc.root.find("resource");
    if (!resource) return out;
    for (const Node& type : resource->children) {
        bool connect = type.key == "aws_connect_contact_flow" || type.key == "aws_connect_contact_flow_module";
        bool studio = type.key == "twilio_studio_flows_v2";
        if (!connect && !studio) continue;
        for (const Node& res : type.children) {
            const Node* content = res.find(studio ? "definition" : "content");
            if (!content) continue;
            out.push_back({content, res.key, studio ? "twilio-studio-flow" : "amazon-connect-flow"});
        }
    }
    return out;
}

}  // namespace ccscan::analyzers::flow
