// The loader stage alone on one file: the read, then load_document, each
// with its CPU time and the peak RSS after it, so that parse speed and tree
// memory are measured without the frontend (issue 17: load_document on the
// 100 MB plan >= 400 MB/s). Not installed, not a test; built on demand
// (`cmake --build build --target vpclint_load_stage`).
// Usage: vpclint_load_stage FILE [RUNS]   (RUNS loads of the same text; the best is printed)
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "core/document.h"

namespace {

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double peak_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: vpclint_load_stage FILE [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
    double t0 = cpu_seconds();
    std::ifstream in(argv[1], std::ios::binary | std::ios::ate);
    std::string text(static_cast<size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    double read_s = cpu_seconds() - t0, read_rss = peak_rss_mib();
    double best = 1e9;
    size_t nodes = 0;
    bool ok = false;
    for (int k = 0; k < runs; ++k) {
        double t = cpu_seconds();
        vpclint::LoadResult r = vpclint::load_document(argv[1], text);
        best = std::min(best, cpu_seconds() - t);
        ok = r.doc != nullptr;
        nodes = ok ? r.doc->arena.node_count() : 0;
    }
    double mb = static_cast<double>(text.size()) / 1e6;
    std::printf("%.1f MB read %.3f s (peak RSS %.0f MiB); load_document %.3f s CPU = %.0f MB/s, %s, %zu nodes, "
                "peak RSS %.0f MiB (+%.0f)\n",
                mb, read_s, read_rss, best, mb / best, ok ? "loaded" : "error", nodes, peak_rss_mib(),
                peak_rss_mib() - read_rss);
    return ok ? 0 : 1;
}
