#include "cli/discover_tf.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "parsers/hcl/hcl_ast.h"

namespace fs = std::filesystem;

namespace vpclint {

namespace {

bool ends_with(const std::string& s, const char* suffix) {
    std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

std::string norm(const fs::path& p) {
    std::error_code ec;
    fs::path a = fs::absolute(p, ec);
    return (ec ? p : a).lexically_normal().generic_string();
}

void uses(const std::string& dir, std::set<std::string>& out, unsigned depth) {
    if (depth > 32) return;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!ends_with(name, ".tf") || !it->is_regular_file(ec)) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        if (text.find("module") == std::string::npos) continue;
        hcl::ParseResult r = hcl::parse_hcl(it->path().string(), text);
        for (const hcl::Block* b : r.file.body.blocks) {
            if (b->type != "module") continue;
            const hcl::Attribute* src = b->body.attribute("source");
            if (!src || src->expr->kind != hcl::ExprKind::Template || src->expr->parts.size() != 1) continue;
            const std::string& s = src->expr->parts[0].text;
            if (s.rfind("./", 0) != 0 && s.rfind("../", 0) != 0) continue;
            std::string child = norm(fs::path(dir) / s);
            if (out.insert(child).second) uses(child, out, depth + 1);
        }
    }
}

}  // namespace

bool has_plan_beside(const std::string& dir) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->path().extension() != ".json" || !it->is_regular_file(ec) || fs::file_size(it->path(), ec) > (64u << 20))
            continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::string head(4096, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
        if (head.find("\"format_version\"") == std::string::npos) continue;
        in.clear();
        in.seekg(0);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        if (text.find("\"planned_values\"") != std::string::npos || text.find("\"resource_changes\"") != std::string::npos)
            return true;
    }
    return false;
}

bool is_tf_file(const std::string& path) { return ends_with(path, ".tf") || ends_with(path, ".tf.json"); }

std::set<std::string> local_module_dirs(const std::string& dir) {
    std::set<std::string> out;
    uses(norm(dir), out, 0);
    return out;
}

std::vector<std::string> tf_roots(const std::set<std::string>& dirs) {
    std::set<std::string> used;
    for (const std::string& d : dirs)
        for (const std::string& m : local_module_dirs(d))
            if (m != d) used.insert(m);
    std::vector<std::string> out;
    for (const std::string& d : dirs)
        if (!used.count(d)) out.push_back(d);
    return out;
}

std::set<std::string> tf_dirs_under(const std::string& top) {
    std::set<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec), end;
    while (!ec && it != end) {
        const fs::directory_entry& e = *it;
        std::error_code ec2;
        std::string name = e.path().filename().string();
        if (e.is_directory(ec2) && !e.is_symlink(ec2)) {
            if (name == ".git" || name == "node_modules" || name == ".terraform" || name == "cdk.out" ||
                name == ".aws-sam")
                it.disable_recursion_pending();
        } else if (e.is_regular_file(ec2) && is_tf_file(name)) {
            out.insert(norm(e.path().parent_path()));
        }
        it.increment(ec);
    }
    return out;
}

}  // namespace vpclint
