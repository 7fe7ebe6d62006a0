#include "fuzz/fuzz_support.h"

#include <unistd.h>

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

void check_span(const analyzers::Span& span) {
    require(span.start.line != 0 || span.start.column == 0, "span with column but no line");
    require(!span.known() || span.start.column != 0, "known span with column 0");
}

void check_node(const analyzers::Node& node) {
    check_span(node.span);
    for (const analyzers::Node& child : node.children) check_node(child);
}

}  // namespace

analyzers::ParsedFile analyze_as(std::string_view format, std::string path, std::string_view bytes) {
    analyzers::InputFile file;
    file.path = std::move(path);
    file.bytes = std::string(bytes);
    analyzers::AnalyzeOptions options;
    options.want_syntax = false;
    analyzers::ParsedFile parsed = analyzers::analyze(file, format, options);
    if (parsed.failure) {
        require(parsed.failure->path == file.path, "failure names another file");
        require(!parsed.failure->message.empty(), "failure without a message");
        check_span(parsed.failure->span);
    }
    if (parsed.document) check_node(parsed.document->root);
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
