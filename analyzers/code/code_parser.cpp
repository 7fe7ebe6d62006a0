#include "analyzers/code/code_parser.h"

#include "analyzers/code/languages.h"

namespace ccscan::analyzers {

namespace {

using Clock = std::chrono::steady_clock;

struct Deadline {
    Clock::time_point at;
};

// Returning true cancels the parse.
bool past_deadline(TSParseState* state) {
    const auto* d = static_cast<const Deadline*>(state->payload);
    return Clock::now() > d->at;
}

// The first ERROR or MISSING node in document order, for a helpful note.
TSNode first_error(TSNode node) {
    if (ts_node_is_error(node) || ts_node_is_missing(node)) return node;
    std::uint32_t n = ts_node_child_count(node);
    for (std::uint32_t i = 0; i < n; ++i) {
        TSNode c = ts_node_child(node, i);
        if (!ts_node_has_error(c)) continue;
        TSNode e = first_error(c);
        if (!ts_node_is_null(e)) return e;
    }
    return TSNode{};
}

}  // namespace

std::shared_ptr<const SyntaxTree> parse_source(std::string source, std::string_view format, const std::string& path,
                                               std::vector<Diagnostic>& notes, std::chrono::milliseconds timeout) {
    const TSLanguage* lang = code::language_for(format);
    if (!lang) {
        notes.push_back(make_diagnostic("code-language", path, {}, "no tree-sitter grammar for format '" + std::string(format) + "'"));
        return nullptr;
    }
    if (source.size() > UINT32_MAX) {
        notes.push_back(make_diagnostic("limit-size", path, {}, "file too large to parse as code"));
        return nullptr;
    }
    code::ParserPtr parser(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), lang)) {
        notes.push_back(make_diagnostic("code-language", path, {}, "incompatible tree-sitter grammar for '" + std::string(format) + "'"));
        return nullptr;
    }
    Deadline deadline{Clock::now() + timeout};
    TSInput input{};
    struct Src {
        const std::string* s;
    } src{&source};
    input.payload = &src;
    input.read = [](void* payload, std::uint32_t byte, TSPoint, std::uint32_t* read) -> const char* {
        const std::string& s = *static_cast<Src*>(payload)->s;
        if (byte >= s.size()) {
            *read = 0;
            return "";
        }
        *read = static_cast<std::uint32_t>(s.size() - byte);
        return s.data() + byte;
    };
    input.encoding = TSInputEncodingUTF8;
    TSParseOptions options{&deadline, &past_deadline};
    code::TreePtr tree(ts_parser_parse_with_options(parser.get(), nullptr, input, options));
    if (!tree) {
        Diagnostic d = make_diagnostic("limit-time", path, {}, "code parse stopped after " + std::to_string(timeout.count()) +
                                                                   " ms; file not analysed as code");
        d.level = DiagnosticLevel::warning;
        notes.push_back(std::move(d));
        return nullptr;
    }
    auto out = std::make_shared<const SyntaxTree>(std::string(format), std::move(source), std::move(tree));
    if (out->has_error()) {
        TSNode e = first_error(out->root());
        Position at = ts_node_is_null(e) ? Position{} : out->span(e).start;
        Diagnostic d = make_diagnostic("code-syntax", path, at, "syntax error in " + std::string(format) +
                                                                    " source; rules run on the recovered tree");
        d.level = DiagnosticLevel::note;
        notes.push_back(std::move(d));
    }
    return out;
}

std::shared_ptr<const SyntaxTree> parse_code(const InputFile& file, std::string_view format, std::vector<Diagnostic>& notes,
                                             std::chrono::milliseconds timeout) {
    return parse_source(file.bytes, format, file.path, notes, timeout);
}

std::shared_ptr<const SyntaxTree> parse_code(const InputFile& file, std::string_view format, std::vector<Diagnostic>& notes) {
    return parse_code(file, format, notes, k_default_parse_timeout);
}

}  // namespace ccscan::analyzers
