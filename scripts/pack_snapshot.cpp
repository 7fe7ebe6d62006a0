// Build-time tool: parses YAML files of the rules layer (built-in packs, frameworks, detector
// catalogue) and writes their snapshots (analyzers/node_snapshot.h), keyed by the SHA-256 of each
// file's bytes, for embedding into ccscan_rules. A file that does not parse cleanly (an error or
// parser notes) is left out: at run time it is parsed, and reports its problem, as before.
//
//   pack_snapshot OUT FILE...
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analyzers/hash.h"
#include "analyzers/node_snapshot.h"
#include "analyzers/yaml_parser.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: pack_snapshot OUT FILE...\n";
        return 2;
    }
    std::string blob(ccscan::analyzers::SnapshotSet::k_magic);
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::cerr << "pack_snapshot: cannot read " << argv[i] << "\n";
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        const std::string bytes = ss.str();
        auto doc = ccscan::analyzers::parse_yaml(bytes, argv[i], ccscan::analyzers::ParseLimits{});
        if (!doc.ok() || !doc->notes.empty()) continue;
        ccscan::analyzers::SnapshotSet::append_entry(blob, ccscan::analyzers::sha256_hex(bytes), *doc);
    }
    const std::string tmp = std::string(argv[1]) + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << blob;
        if (!out) {
            std::cerr << "pack_snapshot: cannot write " << tmp << "\n";
            return 1;
        }
    }
    return std::rename(tmp.c_str(), argv[1]) == 0 ? 0 : 1;
}
