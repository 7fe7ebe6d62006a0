// A hostile file cannot take over an output: the corpus of hostile_corpus.h (every payload class
// in the names, keys, values, prompts and comments of every input format) is scanned into every
// report format, and each output is checked with its own parser or validator, for the absence of
// the raw payload, and for the presence of its escaped form (so no check is vacuous).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "tests/cli/hostile_corpus.h"
#include "tests/cli/run_binary.h"
#include "tests/read_file.h"
#include "tests/scratch.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace ccscan::test::hostile;

namespace {

using ccscan::test::read_file;

std::string shq(const fs::path& p) { return "'" + p.string() + "'"; }  // no name holds a quote

int run(const std::string& args, const fs::path& out, const fs::path& err) {
    const std::string cmd = std::string(CCSCAN_BINARY) + " " + args + " >" + shq(out) + " 2>" + shq(err);
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Independent of the code under test: the first raw character that must never reach an output
// (C0 other than `allowed`, DEL, C1, bidi/invisible format characters, bytes that are not
// UTF-8), as "offset: description", or "" when there is none.
std::string first_unsafe(const std::string& s, const std::string& allowed) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        auto at = [&](const char* what) { return std::to_string(i) + ": " + what + " near '" + s.substr(i > 40 ? i - 40 : 0, 80) + "'"; };
        if (b < 0x20 && allowed.find(static_cast<char>(b)) == std::string::npos) return at("C0 control");
        if (b == 0x7F) return at("DEL");
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
        if (n == 0 || i + n > s.size()) return at("invalid UTF-8");
        std::uint32_t cp = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < n; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return at("invalid UTF-8");
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return at("invalid UTF-8");
        if (cp <= 0x9F) return at("C1 control");
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
            cp == 0xFEFF || cp == 0x061C)
            return at("bidi or invisible format character");
        i += n;
    }
    return "";
}

std::string marker(const Payload& p, const std::string& tag) {
    const std::size_t at = p.raw.find("HX");
    return p.raw.substr(at, p.raw.find('%') - at) + tag;
}

bool applies(const Payload& p, const CorpusFile& f) { return f.echoes && (f.ini ? !p.multiline : !p.needs_bytes); }

// RFC 4180 records.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted_cell = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted_cell) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') rows.back().back() += '"', ++i;
            else if (c == '"') quoted_cell = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted_cell = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            rows.emplace_back(1);
            ++i;
        } else {
            rows.back().back() += c;
        }
    }
    if (rows.back().size() == 1 && rows.back().front().empty()) rows.pop_back();
    return rows;
}

std::string sarif_form(std::string text) {
    for (std::size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at + 3)) text.insert(at, "\\");
    return text;
}

std::string github_form(const Payload& p, const std::string& tag) { return with_tag(p.text, tag); }

struct Scan {
    fs::path root, corpus, out;
    std::vector<CorpusFile> files;
    json report;
    std::string stderr_text;
};

const Scan& scan() {
    static const Scan s = [] {
        Scan r;
        r.root = ccscan::test::scratch_path("ccscan-hostile-output");
        r.corpus = r.root / "corpus";
        r.out = r.root / "out";
        r.files = write_corpus(r.corpus);
        fs::create_directories(r.out);
        const std::string pack = shq(r.root / "hostile-pack.yaml");
        const int code = run("scan " + shq(r.corpus) + " --no-progress --pack pci-dss --pack " + pack +
                                 " --format text,json,sarif,html,junit,markdown,csv,github -o " + shq(r.out) + " --fail-on none",
                             r.root / "stdout.txt", r.root / "stderr.txt");
        REQUIRE(code == 0);
        r.stderr_text = read_file(r.root / "stderr.txt");
        r.report = json::parse(read_file(r.out / "ccscan.json"));
        return r;
    }();
    return s;
}

std::size_t active_findings(const json& report) {
    std::size_t n = 0;
    for (const json& f : report["findings"]) n += !f.contains("suppression");
    return n;
}

std::size_t failed_files(const json& report) {
    std::size_t n = 0;
    for (const json& e : report["inventory"]) n += e["status"] == "failed";
    return n;
}

// Every echoing file's every payload is in `out` in the form `form` gives.
template <class Form>
void require_payloads(const std::string& out, const Scan& s, Form form) {
    int checked = 0;
    for (const CorpusFile& f : s.files) {
        for (const Payload& p : payloads()) {
            if (!applies(p, f)) continue;
            // Line breaks may arrive as breaks or as spaces (messages are one line): the marker.
            const std::string want = p.multiline ? marker(p, f.tag) : form(p, f.tag);
            INFO("file " << f.tag << ", payload " << p.id << ": " << want);
            CHECK(out.find(want) != std::string::npos);
            ++checked;
        }
    }
    CHECK(checked > 100);
}

}  // namespace

TEST_CASE("hostile output: every file of the corpus is scanned or failed as intended", "[e2e][hostile-output]") {
    const Scan& s = scan();
    std::size_t failed = 0;
    for (const json& e : s.report["inventory"]) {
        INFO(e.dump());
        if (e["path"].get<std::string>().find("hx-broken") != std::string::npos) CHECK(e["status"] == "failed");
        else CHECK(e["status"] == "scanned");
        failed += e["status"] == "failed";
    }
    CHECK(s.report["inventory"].size() == s.files.size());
    CHECK(failed == 1);
    CHECK(first_unsafe(s.stderr_text, "\n").empty());
}

TEST_CASE("hostile output: text report shows every unsafe character escaped", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string out = read_file(s.out / "ccscan-text.txt");
    INFO(first_unsafe(out, "\n"));
    CHECK(first_unsafe(out, "\n").empty());
    require_payloads(out, s, [](const Payload& p, const std::string& tag) { return with_tag(p.text, tag); });
    CHECK(out.find("hx-connect" + name_payload_text() + "\\r\\n::error::HXNAME.json:") != std::string::npos);
    CHECK(out.find("hx-broken" + name_payload_text() + ".json: ") != std::string::npos);  // not examined
    CHECK(out.find("hxkey\\x1b[2J\\u202e: HXK-connect") != std::string::npos);           // a key, in evidence
    CHECK(out.find("HXP-connect \\x1b[2J\\u202e") != std::string::npos);                 // a prompt, via a flow rule
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) CHECK(line.rfind("::", 0) != 0);
}

TEST_CASE("hostile output: GitHub annotations stay one command per line", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string out = read_file(s.out / "ccscan-github.txt");
    CHECK(first_unsafe(out, "\n").empty());
    std::istringstream lines(out);
    std::size_t n = 0;
    static const std::regex k_line(R"(^::(error|warning|notice) file=[^,:]*(,line=\d+(,col=\d+)?(,endLine=\d+)?(,endColumn=\d+)?)?,title=[^,:]*::.*$)");
    for (std::string line; std::getline(lines, line); ++n) {
        INFO(line);
        CHECK(std::regex_match(line, k_line));
    }
    CHECK(n == active_findings(s.report) + failed_files(s.report));
    require_payloads(out, s, [](const Payload& p, const std::string& tag) { return github_form(p, tag); });
    CHECK(out.find("file=hx-connect \\x1b[2J\\u202e\\u009b=<b>[l](x)|\\xff%0D%0A%3A%3Aerror%3A%3AHXNAME.json") != std::string::npos);
}

TEST_CASE("hostile output: CSV cells never start a formula", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string out = read_file(s.out / "ccscan.csv");
    CHECK(first_unsafe(out, "\n\r\t").empty());
    const auto rows = parse_csv(out);
    REQUIRE(rows.size() == s.report["findings"].size() + 1);
    std::string cells;
    for (const auto& row : rows) {
        REQUIRE(row.size() == 17);
        for (const std::string& cell : row) {
            INFO(cell);
            CHECK((cell.empty() || std::string("=+-@\t\r").find(cell.front()) == std::string::npos));
            cells += cell + "\n";
        }
    }
    require_payloads(cells, s, [](const Payload& p, const std::string& tag) {
        return with_tag(p.text, tag);
    });
    CHECK(cells.find("\n'=HYPERLINK(\"http://evil\",\"HX6-connect\")\n") != std::string::npos);
    CHECK(cells.find("\n'+HX7-studio+1\n") != std::string::npos);
    CHECK(cells.find("\n'-HX8-ncco-1\n") != std::string::npos);
    CHECK(cells.find("\n'@HX9-archy(1)\n") != std::string::npos);
    CHECK(cells.find("\n'=cmd|' /C calc'!A0 <script>") != std::string::npos);  // a custom rule's title
}

TEST_CASE("hostile output: JSON keeps every value, escaped, and parses", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string out = read_file(s.out / "ccscan.json");
    CHECK(first_unsafe(out, "\n").empty());
    std::string messages;
    for (const json& f : s.report["findings"]) messages += f["message"].get<std::string>() + "\n";
    require_payloads(messages, s, [](const Payload& p, const std::string& tag) {
        return p.needs_bytes ? "HX16-" + tag + " \xef\xbf\xbd" : with_tag(p.raw, tag);
    });
    CHECK(out.find("\\u001b[2J") != std::string::npos);
    CHECK(out.find("\\u202e") != std::string::npos);
    CHECK(out.find("\\u009b") != std::string::npos);
}

TEST_CASE("hostile output: SARIF validates and its messages show controls", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const fs::path file = s.out / "ccscan.sarif";
    const std::string out = read_file(file);
    CHECK(first_unsafe(out, "\n").empty());
    const json sarif = json::parse(out);
    std::string messages;
    for (const json& r : sarif["runs"][0]["results"]) messages += r["message"]["text"].get<std::string>() + "\n";
    CHECK(sarif["runs"][0]["results"].size() == active_findings(s.report));
    require_payloads(messages, s, [](const Payload& p, const std::string& tag) {
        if (p.needs_bytes) return "HX16-" + tag + " \xef\xbf\xbd";  // U+FFFD
        return sarif_form(with_tag(p.text, tag));
    });
    CHECK(messages.find("[x](http") == std::string::npos);  // no embedded link
    const std::string script = ccscan::test::source_dir() + "/tests/tools/validate_sarif.sh";
    const int status = std::system((shq(script) + " " + shq(file) + " >/dev/null 2>&1").c_str());
    if (WEXITSTATUS(status) == 2) WARN("SARIF validators not installed (npm ci in tests/tools): schema check skipped");
    else CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("hostile output: JUnit parses as XML 1.0 with the payloads as data", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string out = read_file(s.out / "ccscan.xml");
    CHECK(first_unsafe(out, "\n\r\t").empty());
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(out.data(), out.size());
    INFO(parsed.description());
    REQUIRE(parsed);
    std::size_t cases = 0, failures = 0;
    std::string messages;
    for (pugi::xpath_node n : doc.select_nodes("//testcase")) {
        ++cases;
        if (pugi::xml_node f = n.node().child("failure")) {
            ++failures;
            messages += std::string(f.attribute("message").value()) + "\n" + f.text().get() + "\n";
        }
    }
    CHECK(cases == doc.child("testsuites").attribute("tests").as_ullong());
    CHECK(failures == active_findings(s.report));
    require_payloads(messages, s, [](const Payload& p, const std::string& tag) {
        if (p.needs_bytes) return "HX16-" + tag + " \xef\xbf\xbd";  // U+FFFD
        return with_tag(p.text, tag);
    });
}

TEST_CASE("hostile output: HTML shows the payloads as text, links only from packs", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string out = read_file(s.out / "ccscan.html");
    CHECK(first_unsafe(out, "\n\r\t").empty());
    require_payloads(out, s, [](const Payload& p, const std::string& tag) { return with_tag(p.html, tag); });
    std::size_t scripts = 0;
    for (std::size_t at = out.find("<script"); at != std::string::npos; at = out.find("<script", at + 1)) ++scripts;
    CHECK(scripts == 1);  // the report's own filter script
    CHECK(out.find("<img") == std::string::npos);
    CHECK(out.find("<b>b</b>") == std::string::npos);
    static const std::regex k_href(R"(href="([^"]*)\")");
    for (auto it = std::sregex_iterator(out.begin(), out.end(), k_href); it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1];
        INFO(target);
        CHECK((target.rfind("#", 0) == 0 || target.rfind("https://", 0) == 0 || target.rfind("http://", 0) == 0));
    }
    CHECK(out.find("hx-connect" + std::string(" \\x1b[2J\\u202e\\u009b=&lt;b&gt;[l](x)|\\xff")) != std::string::npos);
}

TEST_CASE("hostile output: Markdown cannot open links, HTML or break the table", "[e2e][hostile-output]") {
    const Scan& s = scan();
    // One scan per file with only the echo pack, so all of a file's findings fit in the top list.
    std::string all;
    for (const CorpusFile& f : s.files) {
        if (!f.echoes) continue;
        const fs::path md = s.root / ("md-" + f.tag + ".md");
        REQUIRE(run("scan " + shq(s.corpus / f.name) + " -q --pack " + shq(s.root / "hostile-pack.yaml") +
                        " --format markdown --fail-on none",
                    md, s.root / "md-err.txt") == 0);
        const std::string out = read_file(md);
        CHECK(first_unsafe(out, "\n").empty());
        std::istringstream lines(out);
        static const std::regex k_code_span(R"((`+)[^`](.*?[^`])?\1(?!`))");
        for (std::string line; std::getline(lines, line);) {
            INFO(line);
            line = std::regex_replace(line, k_code_span, "CODE");  // code spans show markup as text
            if (line.rfind("| high | ", 0) == 0) CHECK(std::regex_search(line, std::regex(R"(^(\|[^|]*(\\\|[^|]*)*){4}\|$)")));
            CHECK(std::regex_search(line, std::regex(R"((^|[^\\])(\]\(|<[a-zA-Z/!]|https?://|www\.))")) == false);
            if (line.rfind("#", 0) == 0) CHECK((line.rfind("## ccscan", 0) == 0 || line.rfind("### ", 0) == 0));
        }
        all += out;
    }
    int checked = 0;
    for (const CorpusFile& f : s.files) {
        for (const Payload& p : payloads()) {
            if (!applies(p, f)) continue;
            INFO("file " << f.tag << ", payload " << p.id);
            CHECK(all.find(with_tag(p.md, f.tag)) != std::string::npos);
            ++checked;
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("hostile output: graph labels cannot leave their quotes", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const fs::path flow = s.corpus / s.files.front().name;  // the Connect flow, hostile name and prompt
    for (const std::string format : {"dot", "mermaid", "json"}) {
        const fs::path out_file = s.root / ("graph." + format);
        REQUIRE(run("graph " + shq(flow) + " --format " + format, out_file, s.root / "graph-err.txt") == 0);
        const std::string out = read_file(out_file);
        INFO(format << ": " << out);
        CHECK(first_unsafe(out, "\n").empty());
        std::istringstream lines(out);
        for (std::string line; std::getline(lines, line);) {
            for (auto at = line.find("<br/>"); at != std::string::npos; at = line.find("<br/>")) line.erase(at, 5);
            if (format == "dot") CHECK(std::regex_match(line, std::regex(R"(^([^"\\]|\\.|"([^"\\]|\\.)*")*$)")));
            if (format == "mermaid") CHECK(std::regex_match(line, std::regex(R"(^[^"`]*("[^"`<>]*"[^"`]*)*$)")));
        }
        if (format == "dot") CHECK(out.find("HXP-connect \\\\x1b[2J\\\\u202e") != std::string::npos);
        if (format == "mermaid") CHECK(out.find("HXP-connect \\x1b[2J\\u202e") != std::string::npos);
        if (format == "json") CHECK(json::parse(out)["nodes"].size() == 4);  // the entry and the three blocks
    }
}

TEST_CASE("hostile output: rules test and show print pack text escaped", "[e2e][hostile-output]") {
    const Scan& s = scan();
    const std::string pack = shq(s.root / "hostile-pack.yaml");
    REQUIRE(run("rules test --pack " + pack + " -v", s.root / "rules.txt", s.root / "rules-err.txt") == 0);
    const std::string tested = read_file(s.root / "rules.txt");
    CHECK(first_unsafe(tested, "\n").empty());
    CHECK(tested.find("PASS HX-ECHO / echo \\x1b[2J") != std::string::npos);
    REQUIRE(run("rules show HX-ECHO --pack " + pack, s.root / "show.txt", s.root / "show-err.txt") == 0);
    const std::string shown = read_file(s.root / "show.txt");
    CHECK(first_unsafe(shown, "\n").empty());
    CHECK(shown.find("[t](http://evil) \\x1b[31m") != std::string::npos);
}

TEST_CASE("hostile output: verify prints file names escaped", "[e2e][hostile-output]") {
    const Scan& s = scan();
    // The names hold a byte that is not UTF-8, which the report stores as U+FFFD: verify lists
    // them as missing, quoting the names.
    run("verify " + shq(s.out / "ccscan.json"), s.root / "verify.txt", s.root / "verify-err.txt");
    const std::string out = read_file(s.root / "verify.txt") + read_file(s.root / "verify-err.txt");
    INFO(out);
    CHECK(first_unsafe(out, "\n").empty());
    CHECK(out.find("hx-studio \\x1b[2J\\u202e\\u009b=<b>[l](x)|") != std::string::npos);
}
