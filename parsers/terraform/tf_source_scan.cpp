#include "parsers/terraform/tf_source_scan.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace vpclint::tf {

namespace {

// The line with string contents and comments blanked, so braces inside
// "${...}" or `# {` do not count. A heredoc opener (<<EOF, <<-EOF) is
// returned in `heredoc` so the caller skips its body.
std::string code_of(const std::string& line, std::string& heredoc) {
    std::string out;
    bool in_string = false;
    int interpolation = 0;  // "${" nesting inside a string
    for (size_t k = 0; k < line.size(); ++k) {
        char c = line[k];
        if (in_string) {
            if (c == '\\') {
                ++k;
                continue;
            }
            if (c == '$' && k + 1 < line.size() && line[k + 1] == '{') {
                ++interpolation;
                ++k;
                continue;
            }
            if (c == '}' && interpolation > 0) {
                --interpolation;
                continue;
            }
            if (c == '"' && interpolation == 0) {
                in_string = false;
                out += '"';
            }
            continue;
        }
        if (c == '#' || (c == '/' && k + 1 < line.size() && (line[k + 1] == '/' || line[k + 1] == '*'))) break;
        if (c == '"') {
            in_string = true;
            out += '"';
            continue;
        }
        if (c == '<' && line.compare(k, 2, "<<") == 0) {
            size_t start = k + 2;
            if (start < line.size() && line[start] == '-') ++start;
            size_t end = start;
            while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_')) ++end;
            if (end > start) {
                heredoc = line.substr(start, end - start);
                break;
            }
        }
        out += c;
    }
    return out;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

struct Level {
    std::string key;                                // "vpc_config#0" ("" for an unnamed object)
    std::unordered_map<std::string, int> occurrences;  // nested block name -> blocks seen
};

std::string join(const std::vector<Level>& stack, const std::string& name) {
    std::string out;
    for (size_t k = 1; k < stack.size(); ++k) out += stack[k].key + ".";  // stack[0] is the resource itself
    return out + name;
}

}  // namespace

void scan_tf_text(std::string_view text, const std::string& shown, std::map<std::string, TfBlock>& out) {
    static const RE2 header(R"re(^(\s*)resource\s+"([^"]+)"\s+"([^"]+)")re");
    // A module call's inputs, keyed "module.NAME" (findings point at the input a module resource reads).
    static const RE2 module_header(R"re(^(\s*)module\s+"([^"]+)"\s*\{)re");
    static const RE2 attribute(R"re(^(\s*)"?([A-Za-z_][A-Za-z0-9_:./-]*)"?\s*(=|\{))re");
    std::istringstream in{std::string(text)};
    std::string line;
    uint32_t n = 0;
    TfBlock* current = nullptr;
    std::vector<Level> stack;
    std::string heredoc;
    while (std::getline(in, line)) {
        ++n;
        if (!heredoc.empty()) {
            if (trim(line) == heredoc) heredoc.clear();
            continue;
        }
        std::string code = code_of(line, heredoc);
        auto here = [&](size_t indent) {
            return Location{shown, n, static_cast<uint32_t>(indent + 1), n, static_cast<uint32_t>(line.size() + 1)};
        };
        std::string indent, type, name, op;
        std::string opened_name;  // the name the first '{' of this line belongs to
        if (stack.empty() && RE2::PartialMatch(line, header, &indent, &type, &name)) {
            current = &out[type + "." + name];
            *current = TfBlock{};
            current->header = here(indent.size());
            opened_name = "\x01";  // the resource's own brace
        } else if (stack.empty() && RE2::PartialMatch(line, module_header, &indent, &name)) {
            current = &out["module." + name];
            *current = TfBlock{};
            current->header = here(indent.size());
            opened_name = "\x01";
        } else if (current && !stack.empty() && RE2::PartialMatch(line, attribute, &indent, &name, &op)) {
            std::string key = join(stack, name);
            if (code.find('{') != std::string::npos) {
                int occ = stack.back().occurrences[name]++;
                opened_name = name + "#" + std::to_string(occ);
                key = join(stack, opened_name);
            }
            current->attributes.emplace(key, here(indent.size()));
            current->attributes.emplace(name, here(indent.size()));
        }
        for (char c : code) {
            if (c == '{') {
                if (!current) continue;
                stack.push_back(Level{opened_name == "\x01" ? std::string() : opened_name, {}});
                opened_name.clear();
            } else if (c == '}' && !stack.empty()) {
                stack.pop_back();
                if (stack.empty()) current = nullptr;
            }
        }
    }
}

std::map<std::string, TfBlock> scan_tf_dir(const std::string& dir, std::map<std::string, std::string>* texts) {
    std::map<std::string, TfBlock> out;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    // Separate error codes: an entry that cannot be examined (a symlink loop,
    // a dangling link) is skipped without ending the listing.
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        std::error_code fec;
        if (it->path().extension() == ".tf" && it->is_regular_file(fec) && !fec) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        // Checked before reading: a generated or hostile file is not a
        // hand-written .tf file and is not read at all.
        std::error_code sec;
        auto size = std::filesystem::file_size(path, sec);
        if (sec || size > kMaxTfFileBytes) continue;
        std::ifstream in(path, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        if (text.size() > kMaxTfFileBytes) continue;
        std::string shown = path.lexically_normal().generic_string();
        scan_tf_text(text, shown, out);
        if (texts) texts->emplace(std::move(shown), std::move(text));
    }
    return out;
}

}  // namespace vpclint::tf
