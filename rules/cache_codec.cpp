#include "rules/cache_codec.h"

#include <cstdint>
#include <cstring>

#include <re2/re2.h>

#include "rules/content/text_redactor.h"

namespace ccscan::rules {

namespace {

using analyzers::Diagnostic;
using analyzers::FlowEdge;
using analyzers::FlowGraph;
using analyzers::FlowNode;
using analyzers::Span;

constexpr std::string_view k_magic = "CCSC";

bool holds_login(std::string_view s) {
    static const RE2 k_login("[^\\s/:@]+:[^\\s/@]+@");
    return s.find('@') != std::string_view::npos && RE2::PartialMatch(s, k_login);
}

class Writer {
public:
    std::string out;
    bool clean = true;
    static constexpr bool ok = true;

    void u(std::uint64_t v) {
        while (v >= 0x80) {
            out += static_cast<char>((v & 0x7f) | 0x80);
            v >>= 7;
        }
        out += static_cast<char>(v);
    }
    void i(std::int64_t v) { u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
    void b(bool v) { out += v ? '\1' : '\0'; }
    // An identifier the tool itself makes (rule id, format id, hash, code): stored as is.
    void id(std::string_view s) {
        u(s.size());
        out.append(s);
    }
    // Text that comes from the scanned file: stored only when reports would show it unmasked
    // and it holds no login ("user:secret@host" in a URL or a dial string), which the detectors
    // do not all know.
    void text(std::string_view s) {
        if (clean && !s.empty() && (content::redact_text(s) != s || holds_login(s))) clean = false;
        id(s);
    }
    // A platform parameter: also as the assignment a detector would see in the file.
    void param(std::string_view key, std::string_view value) {
        text(key);
        text(value);
        const std::string assignment = std::string(key) + "=\"" + std::string(value) + "\"";
        if (clean && content::redact_text(assignment) != assignment) clean = false;
    }
    void ob(const std::optional<bool>& v) { u(v ? (*v ? 2 : 1) : 0); }
    void span(const Span& s) {
        u(s.start.line);
        u(s.start.column);
        u(s.end.line);
        u(s.end.column);
    }
    template <class T, class F>
    void vec(const std::vector<T>& v, F each) {
        u(v.size());
        for (const T& x : v) each(x);
    }
};

class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}
    bool ok = true;

    std::uint64_t u() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_in.size()) return fail();
            auto c = static_cast<unsigned char>(m_in[m_at++]);
            v |= static_cast<std::uint64_t>(c & 0x7f) << shift;
            if (!(c & 0x80)) return v;
        }
        return fail();
    }
    std::int64_t i() {
        std::uint64_t v = u();
        return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
    }
    std::uint32_t u32() {
        std::uint64_t v = u();
        if (v > UINT32_MAX) return static_cast<std::uint32_t>(fail());
        return static_cast<std::uint32_t>(v);
    }
    template <class E>
    E e(std::size_t count) {
        std::uint64_t v = u();
        if (v >= count) fail();
        return ok ? static_cast<E>(v) : E{};
    }
    bool b() { return e<int>(2) != 0; }
    std::string s() {
        std::uint64_t n = u();
        if (!ok || n > m_in.size() - m_at) {
            fail();
            return {};
        }
        std::string out(m_in.substr(m_at, n));
        m_at += n;
        return out;
    }
    std::optional<bool> ob() {
        int v = e<int>(3);
        if (v == 0) return std::nullopt;
        return v == 2;
    }
    Span span() {
        Span sp;
        sp.start.line = u32();
        sp.start.column = u32();
        sp.end.line = u32();
        sp.end.column = u32();
        return sp;
    }
    // A count of elements, each at least one byte long (a corrupt count cannot allocate much).
    template <class T, class F>
    void vec(std::vector<T>& v, F each) {
        std::uint64_t n = u();
        if (!ok || n > m_in.size() - m_at) {
            fail();
            return;
        }
        v.resize(n);
        for (T& x : v) {
            if (!ok) return;
            each(x);
        }
    }
    bool at_end() const { return m_at == m_in.size(); }
    std::string_view take(std::size_t n) {
        if (n > m_in.size() - m_at) {
            fail();
            return {};
        }
        m_at += n;
        return m_in.substr(m_at - n, n);
    }

private:
    std::uint64_t fail() {
        ok = false;
        m_at = m_in.size();
        return 0;
    }
    std::string_view m_in;
    std::size_t m_at = 0;
};

// Each struct has one `io` function for both directions: a Writer writes, a Reader fills.
template <class X>
constexpr bool k_writing = std::is_same_v<X, Writer>;

template <class IO, class T>
void id(IO& io, T& s) {
    if constexpr (k_writing<IO>) io.id(s); else s = io.s();
}
template <class IO, class T>
void text(IO& io, T& s) {
    if constexpr (k_writing<IO>) io.text(s); else s = io.s();
}
template <class IO, class T>
void num(IO& io, T& v) {
    if constexpr (k_writing<IO>) {
        if constexpr (std::is_signed_v<T>) io.i(v); else io.u(v);
    } else if constexpr (std::is_same_v<T, std::uint32_t>) {
        v = io.u32();
    } else if constexpr (std::is_signed_v<T>) {
        v = static_cast<T>(io.i());
    } else {
        v = static_cast<T>(io.u());
    }
}
template <class IO>
void flag(IO& io, bool& v) {
    if constexpr (k_writing<IO>) io.b(v); else v = io.b();
}
template <class IO>
void oflag(IO& io, std::optional<bool>& v) {
    if constexpr (k_writing<IO>) io.ob(v); else v = io.ob();
}
template <std::size_t N, class IO, class E>
void en(IO& io, E& v) {
    if constexpr (k_writing<IO>) io.u(static_cast<std::uint64_t>(v)); else v = io.template e<E>(N);
}
template <class IO>
void span(IO& io, Span& s) {
    if constexpr (k_writing<IO>) io.span(s); else s = io.span();
}
template <class IO, class T, class F>
void vec(IO& io, std::vector<T>& v, F each) {
    if constexpr (k_writing<IO>) io.vec(v, [&](const T& x) { each(const_cast<T&>(x)); }); else io.vec(v, each);
}
template <class IO>
void strings(IO& io, std::vector<std::string>& v, bool free_text) {
    vec(io, v, [&](std::string& s) { free_text ? text(io, s) : id(io, s); });
}

template <class IO>
void io_location(IO& io, Location& l) {
    text(io, l.path);
    span(io, l.span);
}

template <class IO>
void io_diagnostic(IO& io, Diagnostic& d) {
    id(io, d.code);
    text(io, d.message);
    text(io, d.path);
    span(io, d.span);
    en<3>(io, d.level);
}

template <class IO>
void io_git(IO& io, std::optional<analyzers::GitOrigin>& g) {
    bool has = g.has_value();
    flag(io, has);
    if constexpr (!k_writing<IO>) g = has ? std::optional<analyzers::GitOrigin>(analyzers::GitOrigin{}) : std::nullopt;
    if (!has || !io.ok) return;
    id(io, g->commit);
    id(io, g->author);  // reports show the commit author as it is
    id(io, g->date);
}

template <class IO>
void io_finding(IO& io, Finding& f) {
    id(io, f.rule_id);
    en<5>(io, f.severity);
    text(io, f.message);
    io_location(io, f.location);
    vec(io, f.related, [&](Location& l) { io_location(io, l); });
    vec(io, f.path, [&](PathStep& p) {
        io_location(io, p.location);
        text(io, p.message);
    });
    strings(io, f.controls, false);
    id(io, f.sensitivity);
    text(io, f.evidence);
    id(io, f.fingerprint);
    text(io, f.fingerprint_key);
    id(io, f.remediation);
    num(io, f.severity_delta);
    id(io, f.format);
    io_git(io, f.origin);
    en<4>(io, f.suppression.kind);
    text(io, f.suppression.reason);
    id(io, f.suppression.expires);
    text(io, f.suppression.approver);
    io_location(io, f.suppression.where);
}

template <class IO>
void io_node(IO& io, FlowNode& n) {
    text(io, n.id);
    text(io, n.platform_type);
    en<15>(io, n.kind);
    text(io, n.label);
    text(io, n.prompt_text);
    text(io, n.prompt_file);
    text(io, n.prompt_id);
    en<4>(io, n.actions.recording);
    en<3>(io, n.actions.ivr_recording);
    en<4>(io, n.actions.analytics);
    en<3>(io, n.actions.logging);
    en<3>(io, n.actions.streaming);
    en<3>(io, n.actions.hold);
    num(io, n.input.max_digits);
    en<10>(io, n.input.sensitivity);
    oflag(io, n.input.store);
    oflag(io, n.input.encrypted);
    oflag(io, n.input.record_utterance);
    oflag(io, n.input.obfuscated);
    text(io, n.url);
    text(io, n.stream_url);
    text(io, n.method);
    text(io, n.transfer.flow);
    text(io, n.transfer.node);
    flag(io, n.transfer.secure);
    en<3>(io, n.message);
    en<10>(io, n.personal_data);
    en<10>(io, n.reads_back);
    text(io, n.bot_slot);
    en<10>(io, n.bot_slot_sensitivity);
    en<4>(io, n.persist);
    flag(io, n.voicemail);
    oflag(io, n.transcribe);
    text(io, n.recording_file);
    flag(io, n.log);
    text(io, n.sensitive_key);
    if constexpr (k_writing<IO>) {
        io.u(n.raw.size());
        for (const auto& [k, v] : n.raw) io.param(k, v);
    } else {
        std::uint64_t count = io.u();
        for (std::uint64_t k = 0; k < count && io.ok; ++k) {
            std::string key = io.s();
            n.raw[std::move(key)] = io.s();
        }
    }
    strings(io, n.reads, true);
    strings(io, n.writes, true);
    span(io, n.span);
}

template <class IO>
void io_flow(IO& io, FlowGraph& g) {
    text(io, g.path);
    id(io, g.platform);
    text(io, g.name);
    num(io, g.entry);
    vec(io, g.nodes, [&](FlowNode& n) { io_node(io, n); });
    vec(io, g.edges, [&](FlowEdge& e) {
        num(io, e.from);
        num(io, e.to);
        text(io, e.condition);
    });
    vec(io, g.notes, [&](Diagnostic& d) { io_diagnostic(io, d); });
    strings(io, g.includes, true);
}

template <class IO>
void io_outcome(IO& io, FileOutcome& o) {
    InventoryEntry& e = o.entry;
    text(io, e.path);
    id(io, e.format);
    en<3>(io, e.status);
    text(io, e.reason);
    id(io, e.sha256);
    num(io, e.size);
    num(io, e.flows);
    vec(io, o.findings, [&](Finding& f) { io_finding(io, f); });
    vec(io, o.diagnostics, [&](Diagnostic& d) { io_diagnostic(io, d); });
    vec(io, o.flows, [&](FlowGraph& g) { io_flow(io, g); });
    vec(io, o.handlers, [&](HandlerDef& h) {
        text(io, h.function);
        text(io, h.module);
    });
    strings(io, o.applicable_rules, false);
    vec(io, o.suppressions, [&](InlineSuppression& s) {
        io_location(io, s.where);
        strings(io, s.rule_ids, false);
        text(io, s.reason);
        id(io, s.until);
        flag(io, s.malformed_date);
    });
}

}  // namespace

EncodedOutcome encode_outcome(const FileOutcome& outcome) {
    Writer w;
    w.out.append(k_magic);
    w.u(k_cache_codec_version);
    io_outcome(w, const_cast<FileOutcome&>(outcome));
    return {std::move(w.out), w.clean};
}

std::optional<FileOutcome> decode_outcome(std::string_view bytes) {
    Reader r(bytes);
    if (r.take(k_magic.size()) != k_magic || r.u() != k_cache_codec_version || !r.ok) return std::nullopt;
    FileOutcome o;
    io_outcome(r, o);
    if (!r.ok || !r.at_end()) return std::nullopt;
    return o;
}

}  // namespace ccscan::rules
