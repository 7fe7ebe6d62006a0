#include "reporters/integrity.h"

#include <cassert>
#include <functional>
#include <set>

#include "analyzers/hash.h"

namespace ccscan::reporters {

namespace {

using Json = nlohmann::json;

constexpr const char* k_canonical = "json-sorted-keys-compact";

std::string canonical(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }
std::string short_hash(const Json& j) { return analyzers::sha256_hex(canonical(j)).substr(0, 16); }
std::string key_id(std::string_view key) { return analyzers::sha256_hex(key).substr(0, 16); }

// What is computed from a document without `integrity` (sorted keys).
struct Digests {
    std::string digest;
    std::vector<std::pair<std::string, std::string>> sections;
    std::vector<std::string> findings, inventory;
};

Digests compute(const Json& doc) {
    Digests d;
    d.digest = analyzers::sha256_hex(canonical(doc));
    for (const auto& [key, value] : doc.items()) d.sections.emplace_back(key, short_hash(value));
    if (doc.contains("findings") && doc["findings"].is_array()) {
        for (const Json& f : doc["findings"]) d.findings.push_back(short_hash(f));
    }
    if (doc.contains("inventory") && doc["inventory"].is_array()) {
        for (const Json& e : doc["inventory"]) d.inventory.push_back(short_hash(e));
    }
    return d;
}

std::string str(const Json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string describe_finding(const Json& f) {
    std::string where;
    if (f.is_object() && f.contains("location") && f["location"].is_object()) {
        where = str(f["location"], "path");
        if (f["location"].contains("start_line") && f["location"]["start_line"].is_number())
            where += ":" + std::to_string(f["location"]["start_line"].get<long long>());
    }
    return str(f, "rule_id") + " at " + where;
}

// Items of `list` whose digests differ from the recorded ones, by position when the counts
// agree, else by set difference.
void compare_items(const Json& doc, const char* name, const std::vector<std::string>& now, const Json& recorded,
                   const std::function<std::string(const Json&)>& describe, std::vector<std::string>& problems) {
    std::vector<std::string> was;
    if (recorded.is_array()) {
        for (const Json& h : recorded) was.push_back(h.is_string() ? h.get<std::string>() : "");
    }
    const Json empty = Json::array();
    const Json& items = doc.contains(name) && doc[name].is_array() ? doc[name] : empty;
    if (was.size() == now.size()) {
        for (std::size_t i = 0; i < now.size(); ++i) {
            if (was[i] != now[i]) problems.push_back(std::string(name) + "[" + std::to_string(i) + "] edited: " + describe(items[i]));
        }
        return;
    }
    std::multiset<std::string> left(was.begin(), was.end());
    for (std::size_t i = 0; i < now.size(); ++i) {
        auto it = left.find(now[i]);
        if (it != left.end()) left.erase(it);
        else problems.push_back(std::string(name) + "[" + std::to_string(i) + "] added or edited: " + describe(items[i]));
    }
    if (!left.empty()) problems.push_back(std::to_string(left.size()) + " recorded " + name + " entr" + (left.size() == 1 ? "y" : "ies") + " removed or edited");
}

nlohmann::ordered_json integrity_member(const Digests& d, std::string_view sign_key) {
    nlohmann::ordered_json j;
    j["algorithm"] = "sha256";
    j["canonical"] = k_canonical;
    j["digest"] = d.digest;
    j["sections"] = nlohmann::ordered_json::object();
    for (const auto& [key, h] : d.sections) j["sections"][key] = h;
    j["findings"] = d.findings;
    j["inventory"] = d.inventory;
    if (!sign_key.empty()) {
        j["signature"] = {{"algorithm", "hmac-sha256"}, {"key_id", key_id(sign_key)}, {"value", analyzers::hmac_sha256_hex(sign_key, d.digest)}};
    }
    return j;
}

}  // namespace

nlohmann::ordered_json integrity_of(const nlohmann::ordered_json& doc, std::string_view sign_key) {
    // Canonical form = what a reader gets back: parse the written text with sorted keys.
    return integrity_member(compute(Json::parse(doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))), sign_key);
}

void IntegrityBuilder::add(std::string_view text) {
    m_document.update(text);
    m_section->update(text);
}

void IntegrityBuilder::begin(std::string_view name) {
    assert(!m_section && (m_sections.empty() || m_sections.back().first < name) && "sections in sorted order");
    m_document.update(m_first_section ? "{" : ",");
    m_document.update(canonical(Json(name)));
    m_document.update(":");
    m_first_section = false;
    m_name = name;
    m_section.emplace();
}

void IntegrityBuilder::section(std::string_view name, const Json& value) {
    begin(name);
    add(canonical(value));
    m_sections.emplace_back(m_name, m_section->hex_digest().substr(0, 16));
    m_section.reset();
}

void IntegrityBuilder::begin_items(std::string_view name) {
    begin(name);
    add("[");
    m_first_item = true;
}

void IntegrityBuilder::item(const Json& value) {
    const std::string text = canonical(value);
    if (!m_first_item) add(",");
    m_first_item = false;
    add(text);
    if (m_name == "findings") m_findings.push_back(analyzers::sha256_hex(text).substr(0, 16));
    else if (m_name == "inventory") m_inventory.push_back(analyzers::sha256_hex(text).substr(0, 16));
}

void IntegrityBuilder::end_items() {
    add("]");
    m_sections.emplace_back(m_name, m_section->hex_digest().substr(0, 16));
    m_section.reset();
}

nlohmann::ordered_json IntegrityBuilder::finish(std::string_view sign_key) {
    m_document.update(m_first_section ? "{}" : "}");
    Digests d;
    d.digest = m_document.hex_digest();
    // compute() lists sections in the document's (sorted) order, as they came here.
    d.sections = std::move(m_sections);
    d.findings = std::move(m_findings);
    d.inventory = std::move(m_inventory);
    return integrity_member(d, sign_key);
}

IntegrityResult check_integrity(std::string_view report_text, std::string_view sign_key) {
    IntegrityResult r;
    Json doc = Json::parse(report_text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        r.problems.push_back("the report is not a JSON object");
        return r;
    }
    if (!doc.contains("integrity") || !doc["integrity"].is_object()) {
        r.problems.push_back("the report carries no integrity digest (written before ccscan recorded one, or removed)");
        return r;
    }
    r.present = true;
    const Json integrity = doc["integrity"];
    doc.erase("integrity");
    const Digests now = compute(doc);
    if (str(integrity, "digest") != now.digest) {
        const std::size_t before = r.problems.size();
        compare_items(doc, "findings", now.findings, integrity.value("findings", Json::array()), describe_finding, r.problems);
        compare_items(doc, "inventory", now.inventory, integrity.value("inventory", Json::array()),
                      [](const Json& e) { return str(e, "path") + " (" + str(e, "status") + ", sha256 " + str(e, "sha256").substr(0, 12) + ")"; },
                      r.problems);
        const Json sections = integrity.value("sections", Json::object());
        for (const auto& [key, h] : now.sections) {
            if (key == "findings" || key == "inventory") continue;
            if (!sections.contains(key)) r.problems.push_back("section '" + key + "' added");
            else if (sections[key] != h) r.problems.push_back("section '" + key + "' edited");
        }
        for (const auto& [key, unused] : sections.items()) {
            if (!doc.contains(key)) r.problems.push_back("section '" + key + "' removed");
        }
        if (r.problems.size() == before) r.problems.push_back("the integrity digest does not match the report's content");
    }
    r.signed_report = integrity.contains("signature") && integrity["signature"].is_object();
    if (sign_key.empty()) return r;
    if (!r.signed_report) {
        r.problems.push_back("the report is not signed (scan with --sign-key to sign it)");
        return r;
    }
    r.signature_checked = true;
    const Json& sig = integrity["signature"];
    if (str(sig, "key_id") != key_id(sign_key)) r.problems.push_back("signed with another key (key id " + str(sig, "key_id") + ", given key " + key_id(sign_key) + ")");
    else if (str(sig, "value") != analyzers::hmac_sha256_hex(sign_key, str(integrity, "digest"))) r.problems.push_back("the signature does not match the digest");
    return r;
}

}  // namespace ccscan::reporters
