// The parse-only pass bench/run compares a corpus scan against (issue 17:
// "corpus scan within 1.3x of the parse-only pass"): the same discovery and
// the same loaders as vpclint, then nothing. Not installed, not a test; built
// on demand (`cmake --build build --target vpclint_parse_only`).
// Usage: vpclint_parse_only PATH...   (files or directories, as vpclint takes)
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/discover.h"
#include "core/document.h"

int main(int argc, char** argv) {
    std::vector<std::string> paths(argv + 1, argv + argc);
    if (paths.empty()) {
        std::cerr << "usage: vpclint_parse_only PATH...\n";
        return 2;
    }
    vpclint::Discovery found = vpclint::discover(paths);
    size_t loaded = 0, failed = 0, nodes = 0, bytes = 0;
    for (const vpclint::InputFile& f : found.files) {
        if (f.tf_root) continue;  // .tf roots: not what the corpus row measures
        std::ifstream in(f.path, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        bytes += text.size();
        vpclint::LoadResult r = vpclint::load_document(f.path, text);
        if (r.doc) {
            ++loaded;
            nodes += r.doc->arena.node_count();
        } else {
            ++failed;
        }
    }
    // Printed so the work cannot be optimised away, and to compare runs.
    std::cout << found.files.size() << " files, " << bytes << " bytes, " << loaded << " loaded (" << nodes
              << " nodes), " << failed << " not loaded\n";
    return 0;
}
