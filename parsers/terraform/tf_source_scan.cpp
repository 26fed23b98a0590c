#include "parsers/terraform/tf_source_scan.h"

#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <vector>


namespace vpclint::tf {

std::map<std::string, TfBlock> scan_tf_dir(const std::string& dir) {
    static const RE2 header(R"re(^(\s*)resource\s+"([^"]+)"\s+"([^"]+)")re");
    static const RE2 attribute(R"re(^(\s*)([A-Za-z_][A-Za-z0-9_-]*)\s*(=|\{))re");
    std::map<std::string, TfBlock> out;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".tf") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::ifstream in(path);
        std::string shown = path.lexically_normal().generic_string();
        std::string line;
        uint32_t n = 0;
        TfBlock* current = nullptr;
        int depth = 0;
        while (std::getline(in, line)) {
            ++n;
            std::string indent, type, name, op;
            if (RE2::PartialMatch(line, header, &indent, &type, &name)) {
                current = &out[type + "." + name];
                current->header = Location{shown, n, static_cast<uint32_t>(indent.size() + 1), n,
                                           static_cast<uint32_t>(line.size() + 1)};
                depth = 0;
            } else if (current && depth >= 1 && RE2::PartialMatch(line, attribute, &indent, &name, &op)) {
                current->attributes.emplace(name, Location{shown, n, static_cast<uint32_t>(indent.size() + 1), n,
                                                           static_cast<uint32_t>(line.size() + 1)});
            }
            for (char c : line) {
                if (c == '{') ++depth;
                if (c == '}' && --depth == 0) current = nullptr;
            }
        }
    }
    return out;
}

}  // namespace vpclint::tf
