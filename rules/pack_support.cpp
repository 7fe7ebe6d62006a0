#include "rules/pack_support.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace ccscan::rules {

using analyzers::Diagnostic;
using analyzers::Node;
using analyzers::NodeKind;

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string_view kind_name(const Node& n) {
    switch (n.kind) {
        case NodeKind::object: return "a mapping";
        case NodeKind::array: return "a list";
        default: return "a scalar";
    }
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const std::string& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

Diagnostic spec_error(const PackContext& ctx, const Node& node, std::string message) {
    Diagnostic d;
    d.code = "pack-error";
    d.path = ctx.pack_path;
    d.span = node.key_span.known() ? node.key_span : node.span;
    d.message = std::move(message);
    return d;
}

std::optional<Diagnostic> check_keys(const PackContext& ctx, const Node& object,
                                     std::initializer_list<std::string_view> allowed, std::string_view what) {
    if (object.kind != NodeKind::object) {
        return spec_error(ctx, object, std::string(what) + " must be a mapping, not " + std::string(kind_name(object)));
    }
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const Node& child : object.children) {
        if (std::find(names.begin(), names.end(), child.key) != names.end()) continue;
        std::string msg = "unknown key '" + child.key + "' in " + std::string(what);
        std::string hint = did_you_mean(child.key, names);
        if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
        Diagnostic d = spec_error(ctx, child, msg);
        d.code = "pack-unknown-key";
        return d;
    }
    return std::nullopt;
}

std::optional<std::string> SpecReader::string(const Node& parent, std::string_view key, bool required) {
    const Node* n = parent.find(key);
    if (!n) {
        if (required) fail(spec_error(ctx, parent, "missing required key '" + std::string(key) + "'"));
        return std::nullopt;
    }
    if (n->kind != NodeKind::scalar) {
        fail(spec_error(ctx, *n, "'" + std::string(key) + "' must be a string, not " + std::string(kind_name(*n))));
        return std::nullopt;
    }
    return n->value;
}

std::optional<std::vector<std::string>> SpecReader::strings(const Node& parent, std::string_view key, bool required) {
    const Node* n = parent.find(key);
    if (!n) {
        if (required) fail(spec_error(ctx, parent, "missing required key '" + std::string(key) + "'"));
        return std::nullopt;
    }
    std::vector<std::string> out;
    if (n->kind == NodeKind::scalar) {
        out.push_back(n->value);
        return out;
    }
    if (n->kind != NodeKind::array) {
        fail(spec_error(ctx, *n, "'" + std::string(key) + "' must be a list of strings"));
        return std::nullopt;
    }
    for (const Node& item : n->children) {
        if (item.kind != NodeKind::scalar) {
            fail(spec_error(ctx, item, "items of '" + std::string(key) + "' must be strings"));
            return std::nullopt;
        }
        out.push_back(item.value);
    }
    return out;
}

std::optional<double> SpecReader::number(const Node& parent, std::string_view key, bool required) {
    auto s = string(parent, key, required);
    if (!s) return std::nullopt;
    char* end = nullptr;
    double d = std::strtod(s->c_str(), &end);
    if (s->empty() || end != s->c_str() + s->size()) {
        fail(spec_error(ctx, *parent.find(key), "'" + std::string(key) + "' must be a number"));
        return std::nullopt;
    }
    return d;
}

namespace {

// "1000000", "0.5": a bound as a reader of the message expects it.
std::string bound_text(double v) {
    if (v == static_cast<double>(static_cast<std::int64_t>(v))) return std::to_string(static_cast<std::int64_t>(v));
    std::ostringstream out;
    out << v;
    return out.str();
}

}  // namespace

std::optional<double> SpecReader::number_in(const Node& parent, std::string_view key, double min, double max, bool required) {
    auto d = number(parent, key, required);
    if (!d) return std::nullopt;
    if (!std::isfinite(*d) || *d < min || *d > max) {
        fail(spec_error(ctx, *parent.find(key), "'" + std::string(key) + "' must be a number from " + bound_text(min) + " to " +
                                                    bound_text(max)));
        return std::nullopt;
    }
    return d;
}

std::optional<std::int64_t> SpecReader::integer(const Node& parent, std::string_view key, std::int64_t min, std::int64_t max,
                                                 bool required) {
    auto d = number(parent, key, required);
    if (!d) return std::nullopt;
    // Compared as doubles before converting: the conversion of an out-of-range double is undefined.
    if (!(*d >= static_cast<double>(min) && *d <= static_cast<double>(max)) || *d != std::trunc(*d)) {
        fail(spec_error(ctx, *parent.find(key), "'" + std::string(key) + "' must be a whole number from " + std::to_string(min) +
                                                    " to " + std::to_string(max)));
        return std::nullopt;
    }
    return static_cast<std::int64_t>(*d);
}

std::optional<bool> SpecReader::boolean(const Node& parent, std::string_view key, bool required) {
    auto s = string(parent, key, required);
    if (!s) return std::nullopt;
    if (*s == "true" || *s == "True" || *s == "yes") return true;
    if (*s == "false" || *s == "False" || *s == "no") return false;
    fail(spec_error(ctx, *parent.find(key), "'" + std::string(key) + "' must be true or false"));
    return std::nullopt;
}

const Node* SpecReader::mapping(const Node& parent, std::string_view key, bool required) {
    const Node* n = parent.find(key);
    if (!n) {
        if (required) fail(spec_error(ctx, parent, "missing required key '" + std::string(key) + "'"));
        return nullptr;
    }
    if (n->kind != NodeKind::object) {
        fail(spec_error(ctx, *n, "'" + std::string(key) + "' must be a mapping, not " + std::string(kind_name(*n))));
        return nullptr;
    }
    return n;
}

const Node* SpecReader::list(const Node& parent, std::string_view key, bool required) {
    const Node* n = parent.find(key);
    if (!n) {
        if (required) fail(spec_error(ctx, parent, "missing required key '" + std::string(key) + "'"));
        return nullptr;
    }
    if (n->kind != NodeKind::array) {
        fail(spec_error(ctx, *n, "'" + std::string(key) + "' must be a list, not " + std::string(kind_name(*n))));
        return nullptr;
    }
    return n;
}

}  // namespace ccscan::rules
