#include "fuzz/fuzz_support.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analyzers/format_registry.h"

namespace ccscan::fuzz {

std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

namespace {

// 1-based, inside the file (a span may end one line past the last line break), never reversed.
void check_span(const analyzers::Span& span, std::size_t line_count) {
    require(span.start.line != 0 || span.start.column == 0, "span with column but no line");
    if (!span.known()) return;
    require(span.start.column != 0, "known span with column 0");
    require(span.start.line <= line_count + 1, "span starts past the end of the file");
    if (span.end.line != 0) {
        require(span.end.line <= line_count + 1, "span ends past the end of the file");
        require(!(span.end < span.start), "span ends before it starts");
    }
}

void check_node(const analyzers::Node& node, std::size_t line_count) {
    check_span(node.span, line_count);
    check_span(node.key_span, line_count);
    for (const analyzers::Node& child : node.children) check_node(child, line_count);
}

}  // namespace

analyzers::ParsedFile analyze_as(std::string_view format, std::string path, std::string_view bytes) {
    analyzers::InputFile file;
    file.path = std::move(path);
    file.bytes = std::string(bytes);
    analyzers::AnalyzeOptions options;
    options.want_syntax = false;
    analyzers::ParsedFile parsed = analyzers::analyze(file, format, options);
    // Lines as any parser may count them: a lone '\r' is a line break in YAML and XML.
    const std::size_t lines = 1 + static_cast<std::size_t>(std::count(file.bytes.begin(), file.bytes.end(), '\n') +
                                                           std::count(file.bytes.begin(), file.bytes.end(), '\r'));
    if (parsed.failure) {
        require(parsed.failure->path == file.path, "failure names another file");
        require(!parsed.failure->message.empty(), "failure without a message");
        check_span(parsed.failure->span, lines);
    }
    if (parsed.document) check_node(parsed.document->root, lines);
    for (const analyzers::FlowGraph& g : parsed.flows) {
        require(g.nodes.empty() || g.entry < g.nodes.size(), "flow entry out of range");
        for (const analyzers::FlowEdge& e : g.edges) {
            require(e.from < g.nodes.size() && e.to < g.nodes.size(), "flow edge out of range");
        }
    }
    return parsed;
}

namespace {

std::string& scratch_path() {
    static std::string path;
    return path;
}

void remove_scratch() {
    std::error_code ec;
    std::filesystem::remove(scratch_path(), ec);
}

}  // namespace

const std::string& scratch_file(std::string_view suffix, std::string_view bytes) {
    std::string& path = scratch_path();
    if (path.empty()) {
        std::error_code ec;
        std::string dir = std::filesystem::is_directory("/dev/shm", ec) ? "/dev/shm" : "/tmp";
        path = dir + "/ccscan-fuzz-" + std::to_string(::getpid()) + std::string(suffix);
        std::atexit(remove_scratch);
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    require(static_cast<bool>(out), "cannot write the scratch file");
    return path;
}

}  // namespace ccscan::fuzz
