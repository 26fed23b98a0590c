#include "cli/discover.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace vpclint {

namespace {

bool skipped_dir(const std::string& name) {
    return name == ".git" || name == "node_modules" || name == ".terraform" || name == "cdk.out" ||
           name == ".aws-sam";
}

bool candidate_name(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template" || ext == ".tpl";
}

}  // namespace

std::string display_path(const std::string& p) {
    std::error_code ec;
    fs::path path(p);
    if (path.is_absolute()) {
        fs::path cwd = fs::current_path(ec);
        if (!ec) {
            fs::path rel = path.lexically_relative(cwd);
            if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
        }
        return path.lexically_normal().generic_string();
    }
    std::string s = path.lexically_normal().generic_string();
    return s.empty() ? p : s;
}

Discovery discover(const std::vector<std::string>& paths, const SkipFn& skip) {
    Discovery d;
    for (const std::string& p : paths) {
        std::error_code ec;
        fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            d.errors.push_back(p);
            continue;
        }
        if (!fs::is_directory(st)) {
            d.files.push_back({display_path(p), true});
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
        while (!ec && it != end) {
            const fs::directory_entry& e = *it;
            std::error_code ec2;
            auto skipped = [&](bool dir) { return skip && skip(fs::absolute(e.path(), ec2).lexically_normal().string(), dir); };
            if (e.is_directory(ec2) && !e.is_symlink(ec2)) {
                if (skipped_dir(e.path().filename().string()) || skipped(true)) it.disable_recursion_pending();
            } else if (e.is_regular_file(ec2) && candidate_name(e.path()) && !skipped(false)) {
                found.push_back(display_path(e.path().string()));
            }
            it.increment(ec);
        }
        std::sort(found.begin(), found.end());
        for (auto& f : found) d.files.push_back({std::move(f), false});
    }
    return d;
}

}  // namespace vpclint
