// What a platform puller works with: the session, the output folder, the manifest, progress,
// and the bookkeeping of failed resources. Internal to analyzers/pull/.
#pragma once

#include <string>

#include "analyzers/pull/api_session.h"
#include "analyzers/pull/output_folder.h"
#include "analyzers/pull/pull.h"

namespace ccscan::analyzers::pull {

struct PullContext {
    const PullOptions& options;
    ApiSession& api;
    OutputFolder& out;
    PullResult& result;

    // Records a failed read of `resource`; returns false when the pull must stop.
    bool fail(const std::string& resource, std::string_view operation, const Diagnostic& error);
    bool stopped() const { return result.stopped; }
    void step(const std::string& label, std::size_t done = 0, std::size_t total = 0) const;
    // Writes a JSON value (2-space indent, keys sorted) or raw bytes.
    void write_json(const std::string& path, const Json& value, const std::string& source);
    void write_text(const std::string& path, const std::string& bytes, const std::string& source);
};

// Calls a paginated AWS operation until no NextToken is returned, collecting `list_key`.
// Connect pages by query (nextToken/maxResults); Lex V2 by body (nextToken/maxResults).
Result<std::vector<Json>> aws_list_all(PullContext& ctx, std::string_view operation, ApiArgs args, const char* list_key, bool token_in_body,
                                       int page_size);

// Entry points, one per platform.
void pull_connect(PullContext& ctx);
void pull_lex_bots(PullContext& ctx, const std::vector<std::string>& alias_arns);
void pull_twilio(PullContext& ctx);
void pull_genesys(PullContext& ctx);

}  // namespace ccscan::analyzers::pull
