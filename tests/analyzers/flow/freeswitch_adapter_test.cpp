// FreeSWITCH dialplan snippets as real installs keep them: FusionPBX files holding one
// <extension>, <include> roots, recording hooks (execute_on_answer, api_on_answer, uuid_record),
// file names built from variables set earlier, bind_digit_action captures.
#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

namespace {

const analyzers::FlowNode* node_of(const analyzers::FlowGraph& g, const std::string& app) {
    for (const auto& n : g.nodes) {
        if (n.platform_type == app) return &n;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("FreeSWITCH: a loose <extension> is a dialplan of the context it names", "[flow][freeswitch]") {
    auto p = test::build("dialplan/default/100_user_record.xml", R"(<extension name="user_record" context="global" continue="true">
  <condition field="${record_session}" expression="^true$">
    <action application="set" data="record_path=${recordings_dir}/${domain_name}" inline="true"/>
    <action application="set" data="record_name=${caller_id_number}-${uuid}.${record_ext}" inline="true"/>
    <action application="export" data="nolocal:execute_on_answer=record_session ${record_path}/${record_name}"/>
  </condition>
</extension>)", "freeswitch-xml");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "global");
    const auto* hook = node_of(g, "export");
    REQUIRE(hook);
    CHECK(hook->kind == FlowKind::recording);
    CHECK(analyzers::node_prop(*hook, "recording") == "on");
    // record_path and record_name are expanded from the set actions before the hook.
    CHECK(analyzers::node_prop(*hook, "recording_file") == "${recordings_dir}/${domain_name}/${caller_id_number}-${uuid}.${record_ext}");
    CHECK(hook->span.start.line == 5);
    CHECK(p.notes.empty());
}

TEST_CASE("FreeSWITCH: <include> snippets without a context take the file's name", "[flow][freeswitch]") {
    auto p = test::build("dialplan/public/recorded.xml", R"(<include>
  <extension name="in">
    <condition field="destination_number" expression="^7100$">
      <action application="set" data="api_on_answer=uuid_record ${uuid} start /rec/${uuid}.wav"/>
      <action application="set" data="x=${uuid_record(${uuid} mask /rec/${uuid}.wav)}"/>
      <action application="record_session_unmask"/>
      <action application="set" data="record_session=true"/>
    </condition>
  </extension>
</include>)", "freeswitch-xml");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "recorded");
    REQUIRE(g.nodes.size() == 5);
    CHECK(analyzers::node_prop(g.nodes[1], "recording") == "on");
    CHECK(analyzers::node_prop(g.nodes[1], "recording_file") == "/rec/${uuid}.wav");
    CHECK(analyzers::node_prop(g.nodes[2], "recording") == "paused");
    CHECK(analyzers::node_prop(g.nodes[3], "recording") == "on");
    // A flag variable named record_session is not a recording.
    CHECK(g.nodes[4].kind == FlowKind::set_data);
    CHECK(analyzers::node_prop(g.nodes[4], "recording").empty());
}

TEST_CASE("FreeSWITCH: bind_digit_action with a digit regex captures input, a feature code does not", "[flow][freeswitch]") {
    auto p = test::build("dialplan/support.xml", R"(<context name="support">
  <extension name="q">
    <condition field="destination_number" expression="^7000$">
      <action application="bind_digit_action" data="card_capture,~^\d{16}$,exec:lua,capture_card_number.lua,both,self"/>
      <action application="bind_digit_action" data="agent,*1,api:uuid_record,${uuid} mask /rec/${uuid}.wav,peer"/>
      <action application="bind_digit_action" data="codes,~^\d{2}$,exec:lua,route.lua"/>
      <action application="play_and_get_digits" data="3 4 3 5000 # ivr/enter_code.wav ivr/invalid.wav code ^\d{3,4}$"/>
    </condition>
  </extension>
</context>)", "freeswitch-xml");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    REQUIRE(g.nodes.size() == 5);
    CHECK(g.nodes[1].kind == FlowKind::collect_input);
    CHECK(g.nodes[1].input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(g.nodes[1], "max_digits") == "16");
    CHECK(g.nodes[2].kind == FlowKind::other);
    CHECK(g.nodes[3].kind == FlowKind::collect_input);
    CHECK(g.nodes[3].input.sensitivity == Sensitivity::none);
    CHECK(analyzers::node_prop(g.nodes[4], "max_digits") == "4");
    CHECK(p.notes.empty());
}

TEST_CASE("FreeSWITCH: file-name expansion stays bounded on self-multiplying variables", "[flow][freeswitch][hostile]") {
    std::string many;
    for (int i = 0; i < 200; ++i) many += "${b}";
    std::string bs;
    for (int i = 0; i < 200; ++i) bs += "${c}";
    auto p = test::build("dialplan/x.xml", "<context name=\"x\"><extension name=\"e\"><condition>"
                                           "<action application=\"set\" data=\"c=" + bs + "\"/>"
                                           "<action application=\"set\" data=\"b=" + bs + "\"/>"
                                           "<action application=\"set\" data=\"a=" + many + "\"/>"
                                           "<action application=\"record_session\" data=\"/rec/${a}.wav\"/>"
                                           "</condition></extension></context>", "freeswitch-xml");
    REQUIRE(p.flows.size() == 1);
    const auto& rec = p.flows[0].nodes.back();
    CHECK(rec.actions.recording == analyzers::Recording::on);
    CHECK(rec.recording_file.size() < 20000);
}
