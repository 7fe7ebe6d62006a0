#include "analyzers/node_snapshot.h"

#include <cstdint>

namespace ccscan::analyzers {

namespace {

constexpr std::uint64_t k_max_string = 1u << 30;
constexpr int k_max_depth = 4096;

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

void put_span(std::string& out, const Span& s) {
    put_varint(out, s.start.line);
    put_varint(out, s.start.column);
    put_varint(out, s.end.line);
    put_varint(out, s.end.column);
}

void put_node(std::string& out, const Node& n) {
    out += static_cast<char>(n.kind);
    out += static_cast<char>(n.scalar_type);
    put_string(out, n.key);
    put_string(out, n.value);
    put_string(out, n.tag);
    put_span(out, n.span);
    put_span(out, n.key_span);
    put_varint(out, n.children.size());
    for (const Node& c : n.children) put_node(out, c);
}

class Reader {
public:
    explicit Reader(std::string_view b) : m_b(b) {}
    bool ok() const { return m_ok; }
    bool at_end() const { return m_i == m_b.size(); }

    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_i >= m_b.size()) return fail();
            auto byte = static_cast<unsigned char>(m_b[m_i++]);
            v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        return fail();
    }
    std::uint8_t byte() {
        if (m_i >= m_b.size()) return static_cast<std::uint8_t>(fail());
        return static_cast<std::uint8_t>(m_b[m_i++]);
    }
    std::string_view bytes(std::uint64_t n) {
        if (n > k_max_string || n > m_b.size() - m_i) {
            fail();
            return {};
        }
        std::string_view s = m_b.substr(m_i, n);
        m_i += n;
        return s;
    }
    std::string_view string() { return bytes(varint()); }
    std::uint32_t u32() {
        std::uint64_t v = varint();
        if (v > UINT32_MAX) return static_cast<std::uint32_t>(fail());
        return static_cast<std::uint32_t>(v);
    }
    Span span() {
        Span s;
        s.start.line = u32();
        s.start.column = u32();
        s.end.line = u32();
        s.end.column = u32();
        return s;
    }
    void node(Node& n, int depth) {
        if (depth > k_max_depth) {
            fail();
            return;
        }
        std::uint8_t kind = byte(), type = byte();
        if (kind > static_cast<std::uint8_t>(NodeKind::attribute) || type > static_cast<std::uint8_t>(ScalarType::expression)) {
            fail();
            return;
        }
        n.kind = static_cast<NodeKind>(kind);
        n.scalar_type = static_cast<ScalarType>(type);
        n.key = string();
        n.value = string();
        n.tag = string();
        n.span = span();
        n.key_span = span();
        std::uint64_t count = varint();
        if (!m_ok || count > m_b.size() - m_i) {  // every child takes at least one byte
            fail();
            return;
        }
        n.children.resize(count);
        for (Node& c : n.children) {
            node(c, depth + 1);
            if (!m_ok) return;
        }
    }

private:
    std::uint64_t fail() {
        m_ok = false;
        m_i = m_b.size();
        return 0;
    }
    std::string_view m_b;
    std::size_t m_i = 0;
    bool m_ok = true;
};

}  // namespace

void write_snapshot(const Document& doc, std::string& out) {
    put_string(out, doc.format);
    out += static_cast<char>(doc.multi_document ? 1 : 0);
    put_node(out, doc.root);
}

Result<Document> read_snapshot(std::string_view bytes) {
    Reader r(bytes);
    Document doc;
    doc.format = r.string();
    doc.multi_document = r.byte() != 0;
    r.node(doc.root, 0);
    if (!r.ok() || !r.at_end()) return make_diagnostic("snapshot", "", {}, "malformed document snapshot");
    return doc;
}

SnapshotSet SnapshotSet::from_blob(std::string_view blob) {
    SnapshotSet set;
    if (blob.substr(0, k_magic.size()) != k_magic) return set;
    Reader r(blob.substr(k_magic.size()));
    while (r.ok() && !r.at_end()) {
        std::string_view hash = r.bytes(64);
        std::string_view snap = r.string();
        if (r.ok()) set.m_entries.emplace(std::string(hash), snap);
    }
    if (!r.ok()) set.m_entries.clear();
    return set;
}

void SnapshotSet::append_entry(std::string& blob, const std::string& sha256_hex, const Document& doc) {
    if (blob.empty()) blob = k_magic;
    std::string snap;
    write_snapshot(doc, snap);
    blob += sha256_hex;
    put_string(blob, snap);
}

const std::string_view* SnapshotSet::find(const std::string& sha256_hex) const {
    auto it = m_entries.find(sha256_hex);
    return it == m_entries.end() ? nullptr : &it->second;
}

}  // namespace ccscan::analyzers
