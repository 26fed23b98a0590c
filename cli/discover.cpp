#include "cli/discover.h"

#include "cli/discover_tf.h"

#include <algorithm>
#include <set>
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
    std::set<std::string> tf_dirs;      // directories of .tf files found by walking
    std::set<std::string> tf_changed;   // directories of .tf files named on the command line
    for (const std::string& p : paths) {
        std::error_code ec;
        fs::file_status st = fs::status(p, ec);
        if (ec || !fs::exists(st)) {
            d.errors.push_back(p);
            continue;
        }
        if (!fs::is_directory(st)) {
            if (is_tf_file(p)) tf_changed.insert(fs::absolute(p, ec).parent_path().lexically_normal().generic_string());
            else d.files.push_back({display_path(p), true});
            continue;
        }
        // .tf directories follow the same exclusions as files: the directory
        // or one of its parents up to the walked path excluded leaves it out.
        const fs::path top = fs::absolute(p, ec).lexically_normal();
        for (const std::string& t : tf_dirs_under(p)) {
            bool out = false;
            for (fs::path dir = fs::absolute(t, ec).lexically_normal(); skip && !out && dir.string().size() >= top.string().size() && dir != dir.parent_path(); dir = dir.parent_path())
                out = skip(dir.string(), true);
            if (!out) tf_dirs.insert(t);
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
    std::set<std::string> roots;
    for (const std::string& r : tf_roots(tf_dirs))
        if (!has_plan_beside(r)) roots.insert(r);
    if (!tf_changed.empty()) {
        // The roots that use a changed directory as a module, else the directory itself.
        std::vector<std::string> around = tf_roots(tf_dirs_under("."));
        for (const std::string& changed : tf_changed) {
            bool used = false;
            for (const std::string& r : around)
                if (r == changed || local_module_dirs(r).count(changed)) {
                    roots.insert(r);
                    used = true;
                }
            if (!used) roots.insert(changed);
        }
    }
    for (const std::string& r : roots) d.files.push_back({display_path(r), true, true});
    return d;
}

}  // namespace vpclint
