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
        auto excluded = [&](const std::string& t) {
            if (!skip) return false;
            for (fs::path dir = fs::absolute(t, ec).lexically_normal();
                 dir.string().size() >= top.string().size() && dir != dir.parent_path(); dir = dir.parent_path())
                if (skip(dir.string(), true)) return true;
            return false;
        };
        for (const std::string& t : tf_dirs_under(p))
            if (!excluded(t)) tf_dirs.insert(t);
        auto skipped = [&](const fs::path& e, bool is_dir) {
            std::error_code aec;
            return skip && skip(fs::absolute(e, aec).lexically_normal().string(), is_dir);
        };
        // An explicit stack of directories, each read with error codes: an
        // entry that cannot be examined (a symlink loop, a dangling link, a
        // directory we may not read) is skipped with a note, never thrown,
        // and the rest of the walk goes on. Directory symlinks are not
        // followed, so a loop cannot trap the walk; FIFOs and devices are
        // not regular files and are never opened.
        std::vector<std::string> found;
        std::vector<fs::path> pending{fs::path(p)};
        while (!pending.empty()) {
            fs::path dir = std::move(pending.back());
            pending.pop_back();
            std::error_code dec;
            fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, dec), end;
            if (dec) {
                d.notes.push_back(dir.generic_string() + ": skipped: " + dec.message());
                continue;
            }
            for (; it != end; it.increment(dec)) {
                const fs::directory_entry& e = *it;
                std::error_code lec, tec;
                bool link = e.is_symlink(lec);
                fs::file_status target = e.status(tec);
                if (lec || (tec && !link)) {
                    d.notes.push_back(e.path().generic_string() + ": skipped: " + (lec ? lec : tec).message());
                } else if (link && tec) {
                    // A dangling link or a loop of links.
                    d.notes.push_back(e.path().generic_string() + ": skipped: " + tec.message());
                } else if (fs::is_directory(target)) {
                    if (link) d.notes.push_back(e.path().generic_string() + ": skipped: a symbolic link to a directory");
                    else if (!skipped_dir(e.path().filename().string()) && !skipped(e.path(), true)) pending.push_back(e.path());
                } else if (fs::is_regular_file(target)) {
                    if (candidate_name(e.path()) && !skipped(e.path(), false)) found.push_back(display_path(e.path().string()));
                } else if (candidate_name(e.path())) {
                    d.notes.push_back(e.path().generic_string() + ": skipped: not a regular file");
                }
            }
            if (dec) d.notes.push_back(dir.generic_string() + ": listing stopped: " + dec.message());
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
