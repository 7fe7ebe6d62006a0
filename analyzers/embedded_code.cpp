#include "analyzers/embedded_code.h"

#include <string_view>

namespace ccscan::analyzers {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string language_of_runtime(std::string_view runtime) {
    if (runtime.rfind("python", 0) == 0) return "python";
    if (runtime.rfind("nodejs", 0) == 0) return "javascript";
    if (runtime.rfind("ruby", 0) == 0) return "ruby";
    return {};
}

std::string language_of_filename(std::string_view name) {
    struct Ext {
        std::string_view ext, language;
    };
    static constexpr Ext k_exts[] = {{".py", "python"}, {".js", "javascript"}, {".mjs", "javascript"}, {".cjs", "javascript"},
                                     {".ts", "typescript"}, {".rb", "ruby"}, {".php", "php"}};
    while (!name.empty() && (name.back() == '"' || name.back() == ' ')) name.remove_suffix(1);
    for (const Ext& e : k_exts) {
        if (ends_with(name, e.ext)) return std::string(e.language);
    }
    return {};
}

class Placer {
public:
    explicit Placer(std::string_view bytes) : m_lines(split_lines(bytes)) {}

    // Line starts for `text`, the value of a string node at `span`: block scalars and heredocs
    // are found line by line in the template; a quoted string with escaped newlines maps every
    // line to the string's start.
    std::vector<Position> place(std::string_view text, Span span) const {
        std::vector<std::string_view> code = split_lines(text);
        std::vector<Position> out(code.size(), Position{span.start.line, span.start.column + 1});
        std::size_t first = 0;
        while (first < code.size() && trim(code[first]).empty()) ++first;
        if (first == code.size() || span.start.line == 0) return out;
        for (std::uint32_t d = 0; d <= 2; ++d) {
            std::size_t t = span.start.line - 1 + d;  // 0-based template line of code line `first`
            if (t >= m_lines.size() || !ends_with(m_lines[t], code[first]) || t < first) continue;
            std::size_t base = t - first;
            std::uint32_t last_col = 1;
            for (std::size_t i = 0; i < code.size(); ++i) {
                std::size_t ti = base + i;
                if (ti < m_lines.size() && !code[i].empty() && ends_with(m_lines[ti], code[i])) {
                    last_col = static_cast<std::uint32_t>(m_lines[ti].size() - code[i].size() + 1);
                }
                out[i] = {static_cast<std::uint32_t>(std::min(ti, m_lines.size() - 1) + 1), last_col};
            }
            return out;
        }
        return out;
    }

private:
    static std::string_view trim(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
        return s;
    }
    std::vector<std::string_view> m_lines;
};

// The code of a ZipFile/InlineCode value: a string, Fn::Sub / !Sub, or Fn::Join / !Join of lines.
bool code_of(const Node& value, const Placer& placer, EmbeddedCode& out) {
    if (value.kind == NodeKind::scalar) {
        out.text = value.value;
        out.line_starts = placer.place(value.value, value.span);
        return !out.text.empty();
    }
    const Node* join = nullptr;
    if (value.kind == NodeKind::object && value.children.size() == 1) {
        const Node& fn = value.children.front();
        if (fn.key == "Fn::Sub") return code_of(fn.kind == NodeKind::array && !fn.children.empty() ? fn.children.front() : fn, placer, out);
        if (fn.key == "Fn::Join") join = &fn;
    }
    if (value.kind == NodeKind::array && value.tag == "!Sub" && !value.children.empty()) return code_of(value.children.front(), placer, out);
    if (value.kind == NodeKind::array && value.tag == "!Join") join = &value;
    if (!join || join->kind != NodeKind::array || join->children.size() != 2) return false;
    const std::string& sep = join->children[0].value;
    bool line_start = true;
    // Each code line begins at the item that starts it.
    auto append = [&](std::string_view s, Position at) {
        for (char c : s) {
            if (line_start) out.line_starts.push_back(at);
            line_start = c == '\n';
            out.text += c;
        }
    };
    for (const Node& item : join->children[1].children) {
        if (item.kind != NodeKind::scalar) continue;  // a Ref or GetAtt: no code text
        Position at{item.span.start.line, item.span.start.column + 1};
        append(item.value, at);
        append(sep, at);
    }
    return !out.text.empty();
}

void cloudformation_code(const Document& doc, const Placer& placer, std::vector<EmbeddedCode>& out) {
    const Node* resources = doc.root.find("Resources");
    if (!resources) return;
    std::string global_runtime;
    if (const Node* g = doc.root.find("Globals"); g && g->find("Function")) global_runtime = std::string(g->find("Function")->get("Runtime"));
    for (const Node& res : resources->children) {
        const Node* props = res.find("Properties");
        if (!props) continue;
        const Node* value = nullptr;
        std::string where;
        if (const Node* code = props->find("Code"); code && code->find("ZipFile")) value = code->find("ZipFile"), where = "Code.ZipFile";
        else if (props->find("InlineCode")) value = props->find("InlineCode"), where = "InlineCode";
        if (!value) continue;
        std::string runtime(props->get("Runtime"));
        EmbeddedCode ec;
        ec.language = language_of_runtime(runtime.empty() ? global_runtime : runtime);
        ec.where = "Resources." + res.key + ".Properties." + where;
        if (ec.language.empty() || !code_of(*value, placer, ec)) continue;
        out.push_back(std::move(ec));
    }
}

// archive_file `source { content, filename }` / `source_content` + `source_content_filename`,
// local_file `content` + `filename`: any block that pairs code with a file name.
void terraform_code(const Node& n, const std::string& path, const Placer& placer, std::vector<EmbeddedCode>& out, int depth) {
    if (depth > 64) return;
    for (const auto& [content_key, name_key] : {std::pair<std::string_view, std::string_view>{"content", "filename"},
                                                {"source_content", "source_content_filename"}}) {
        const Node* content = n.find(content_key);
        if (!content || content->kind != NodeKind::scalar || content->scalar_type != ScalarType::string) continue;
        EmbeddedCode ec;
        ec.language = language_of_filename(n.get(name_key));
        ec.where = path + "." + std::string(content_key);
        if (ec.language.empty() || !code_of(*content, placer, ec)) continue;
        out.push_back(std::move(ec));
    }
    for (std::size_t i = 0; i < n.children.size(); ++i) {
        const Node& c = n.children[i];
        if (!c.is_container()) continue;
        terraform_code(c, path.empty() ? c.key : path + "." + (c.key.empty() ? std::to_string(i) : c.key), placer, out, depth + 1);
    }
}

}  // namespace

std::vector<EmbeddedCode> find_embedded_code(const Document& doc, std::string_view format, std::string_view bytes) {
    std::vector<EmbeddedCode> out;
    Placer placer(bytes);
    if (format == "cloudformation") cloudformation_code(doc, placer, out);
    else if (format == "terraform") terraform_code(doc.root, "", placer, out, 0);
    for (EmbeddedCode& ec : out) {
        if (ec.line_starts.empty()) ec.line_starts.push_back({1, 1});
    }
    return out;
}

Position map_position(const EmbeddedCode& code, Position in_code) {
    if (in_code.line == 0 || code.line_starts.empty()) return code.line_starts.empty() ? in_code : code.line_starts.front();
    std::size_t i = std::min<std::size_t>(in_code.line - 1, code.line_starts.size() - 1);
    const Position start = code.line_starts[i];
    return {start.line, start.column + (in_code.column > 0 ? in_code.column - 1 : 0)};
}

}  // namespace ccscan::analyzers
