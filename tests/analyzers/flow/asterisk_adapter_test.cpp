#include <catch2/catch.hpp>

#include "analyzers/flow/asterisk_adapter.h"
#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

namespace {

const analyzers::FlowGraph* graph(const analyzers::ParsedFile& p, const std::string& name) {
    for (const auto& g : p.flows) {
        if (g.name == name) return &g;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("Asterisk: one graph per context, general/globals skipped", "[flow][asterisk][asterisk-dialplan]") {
    auto p = test::build_fixture("asterisk/extensions.conf", "asterisk-dialplan");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "from-pstn");
    CHECK(g.platform == "asterisk-dialplan");
    CHECK(g.nodes[g.entry].kind == FlowKind::entry);
    const auto* mix = test::find_node(g, "from-pstn,_X.,3");
    REQUIRE(mix);
    CHECK(mix->kind == FlowKind::recording);
    CHECK(analyzers::node_prop(*mix, "recording") == "on");
    CHECK(analyzers::node_prop(*mix, "recording_file") == "${RECDIR}/${CALLERID(num)}-${UNIQUEID}.wav");
    CHECK(mix->span.start.line == 13);
    CHECK(mix->span.start.column == 2);
    CHECK(mix->reads == std::vector<std::string>{"RECDIR", "CALLERID(num)", "UNIQUEID"});
}

TEST_CASE("Asterisk: priorities, labels, Goto, menus and includes become edges", "[flow][asterisk]") {
    auto p = test::build_fixture("asterisk/extensions.conf", "asterisk-dialplan");
    const auto& g = p.flows.at(0);
    CHECK(test::has_edge(g, "from-pstn", "from-pstn,_X.,1", "exten:_X."));
    CHECK(test::has_edge(g, "from-pstn", "from-pstn,1,1", "exten:1"));
    CHECK(test::has_edge(g, "from-pstn,_X.,1", "from-pstn,_X.,2", ""));
    CHECK(test::has_edge(g, "from-pstn,_X.,6", "from-pstn,_X.,4", ""));       // Goto(menu)
    CHECK(test::has_edge(g, "from-pstn,_X.,4", "from-pstn,1,1", "dtmf:1"));   // Background menu
    CHECK(test::has_edge(g, "from-pstn,i,2", "from-pstn,_X.,4", ""));         // Goto(ctx,exten,label)
    CHECK_FALSE(test::has_edge(g, "from-pstn,_X.,6", "from-pstn,1,1", ""));   // Goto does not fall through
    const auto* go = test::find_node(g, "from-pstn,1,2");
    REQUIRE(go);
    CHECK(go->kind == FlowKind::transfer);
    CHECK(analyzers::node_prop(*go, "target_flow") == "payments");
    CHECK(analyzers::node_prop(*go, "target_node") == "payments,s,1");
    const auto* inc = test::find_node(g, "from-pstn,include,holidays");
    REQUIRE(inc);
    CHECK(analyzers::node_prop(*inc, "target_flow") == "holidays");
    CHECK(p.notes.empty());
}

TEST_CASE("Asterisk: Read is a collect_input with sensitivity from the variable name", "[flow][asterisk]") {
    auto p = test::build_fixture("asterisk/payments.conf", "asterisk-dialplan");
    REQUIRE(p.flows.size() == 3);
    const auto* g = graph(p, "payments");
    REQUIRE(g);
    const auto* card = test::find_node(*g, "payments,s,1");
    REQUIRE(card);
    CHECK(card->kind == FlowKind::collect_input);
    CHECK(card->input.sensitivity == Sensitivity::pan);
    CHECK(card->writes == std::vector<std::string>{"CARDNUM"});
    CHECK(analyzers::node_prop(*card, "max_digits") == "16");
    CHECK(test::find_node(*g, "payments,s,2")->input.sensitivity == Sensitivity::cvv);
    const auto* cdr = test::find_node(*g, "payments,s,3");
    CHECK(cdr->kind == FlowKind::set_data);
    CHECK(analyzers::node_prop(*cdr, "persist") == "cdr");
    CHECK(test::has_edge(*g, "payments,s,5", "payments,s,6", "cond:true"));
    CHECK(test::has_edge(*g, "payments,s,5", "payments,s,8", "cond:false"));
    CHECK(analyzers::node_prop(*test::find_node(*g, "payments,s,6"), "url") == "agi://billing.example.com/charge");
    CHECK(test::has_edge(*g, "payments,s,9", "payments,s,1", ""));
    const auto* sec = graph(p, "payments-secure");
    REQUIRE(sec);
    CHECK(analyzers::node_prop(*test::find_node(*sec, "payments-secure,s,1"), "recording") == "off");
}

TEST_CASE("Asterisk: unknown applications and odd lines are notes", "[flow][asterisk]") {
    auto p = test::build("x.conf", "[ctx]\nexten => s,1,FrobnicateWidget(1)\n same => n,Hangup()\nbogus\n", "asterisk-dialplan");
    REQUIRE(p.flows.size() == 1);
    CHECK(p.flows[0].nodes.size() == 3);
    REQUIRE(p.notes.size() == 1);
    CHECK(p.notes[0].message.find("FrobnicateWidget") != std::string::npos);
    CHECK(p.notes[0].span.start.line == 2);
}
