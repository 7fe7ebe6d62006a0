#include "reporters/write_reports.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace ccscan::reporters {

namespace fs = std::filesystem;

namespace {

// Streams formats that can (Reporter::write), renders the others whole.
void emit(const Reporter& r, const rules::Report& report, const RenderOptions& options, std::ostream& out) {
    if (r.write) {
        r.write(report, options, out);
        return;
    }
    const std::string bytes = r.render(report, options);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

analyzers::Result<bool> write_file(const fs::path& target, const Reporter& r, const EmitReport& emit_one) {
    errno = 0;
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (out) emit_one(r, out);
    if (out) out.flush();
    if (!out) {
        const int err = errno;
        return analyzers::make_diagnostic("output-io", target.string(), {},
                                          std::string("cannot write report file") + (err ? std::string(": ") + std::strerror(err) : ""));
    }
    return true;
}

std::string file_name(const Reporter& r, const std::vector<const Reporter*>& selected) {
    const bool shared = std::count_if(selected.begin(), selected.end(),
                                      [&](const Reporter* o) { return o->extension == r.extension; }) > 1;
    return (shared ? "ccscan-" + std::string(r.id) : std::string("ccscan")) + std::string(r.extension);
}

analyzers::Result<std::vector<const Reporter*>> select(const std::vector<std::string>& formats) {
    std::vector<const Reporter*> out;
    for (const std::string& id : formats.empty() ? std::vector<std::string>{"text"} : formats) {
        const Reporter* r = find_reporter(id);
        if (!r) {
            return analyzers::make_diagnostic("unknown-format", "", {},
                                              "unknown report format '" + id + "'" + suggest_reporter(id));
        }
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    }
    return out;
}

analyzers::Result<bool> ensure_folder(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder, ec)) {
        return analyzers::make_diagnostic("output-io", folder.string(), {}, "cannot create output folder");
    }
    return true;
}

}  // namespace

std::vector<std::string> split_format_list(const std::string& list) {
    std::vector<std::string> out;
    std::string current;
    for (char c : list + ",") {
        if (c == ',' || c == ' ') {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    return out;
}

analyzers::Result<std::vector<std::string>> write_reports(const rules::Report& report,
                                                          const std::vector<std::string>& formats,
                                                          const std::string& output, const RenderOptions& options,
                                                          std::ostream& stdout_stream) {
    return write_reports_with(
        formats, output, [&](const Reporter& r, std::ostream& out) { emit(r, report, options, out); }, stdout_stream);
}

analyzers::Result<std::vector<std::string>> write_reports_with(const std::vector<std::string>& formats, const std::string& output,
                                                               const EmitReport& emit_one, std::ostream& stdout_stream) {
    auto selected = select(formats);
    if (!selected.ok()) return selected.error();
    std::vector<std::string> written;
    const bool to_stdout = output.empty() || output == "-";
    if (selected->size() == 1 && to_stdout) {
        emit_one(*selected->front(), stdout_stream);
        return written;
    }
    if (to_stdout) {
        return analyzers::make_diagnostic("output-required", "", {},
                                          "several formats need --output FOLDER (one file per format)");
    }
    std::error_code ec;
    const bool folder = selected->size() > 1 || output.back() == '/' || fs::is_directory(output, ec);
    // A missing folder is created, for one file (its parent) as for several.
    const fs::path dir = folder ? fs::path(output) : fs::path(output).parent_path();
    if (!dir.empty()) {
        if (auto made = ensure_folder(dir); !made.ok()) return made.error();
    }
    for (const Reporter* r : *selected) {
        const fs::path target = folder ? fs::path(output) / file_name(*r, *selected) : fs::path(output);
        if (auto ok = write_file(target, *r, emit_one); !ok.ok()) return ok.error();
        written.push_back(target.generic_string());
    }
    return written;
}

}  // namespace ccscan::reporters
