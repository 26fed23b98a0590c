#include "cli/rule_docs.h"

#include <filesystem>
#include <fstream>

namespace vpclint {

namespace {

std::string indent(std::string_view text, const std::string& prefix) {
    std::string out;
    bool start = true;
    for (char c : text) {
        if (start) out += prefix;
        out += c;
        start = c == '\n';
    }
    if (!out.empty() && out.back() != '\n') out += '\n';
    return out;
}

}  // namespace

std::string rule_markdown(const RuleDescriptor& d) {
    std::string s;
    s += "<!-- Generated from rules/" + std::string(d.id) + "_*.cpp by `cmake --build build --target docs`; "
         "do not edit. -->\n";
    s += "# " + std::string(d.id) + " " + std::string(d.slug) + "\n\n";
    s += "**Level:** " + std::string(d.levels) + " · **Precision:** " + std::string(d.precision) +
         " · **Tags:** " + std::string(d.tags) + "\n\n";
    s += std::string(d.summary) + "\n\n";
    s += "## Why\n\n" + std::string(d.rationale) + "\n\n";
    s += "## How to fix\n\n" + std::string(d.fix) + "\n\n";
    s += "## Bad\n\n```yaml\n" + indent(d.bad_example, "") + "```\n\n";
    s += "## Good\n\n```yaml\n" + indent(d.good_example, "") + "```\n\n";
    const std::string id(d.id);
    s += "## Suppress\n\n";
    if (id == "VL001") {
        s += "A file that cannot be read or parsed is always reported: neither `--select`, `--ignore` nor a "
             "suppression hides it.\n";
        return s;
    }
    s += "For the whole run: `--ignore " + id + "`. For one resource, with a reason (CloudFormation):\n\n"
         "```yaml\n    Metadata:\n      vpclint:\n        ignore:\n          - rule: " + id +
         "\n            reason: why this finding does not apply\n```\n\n"
         "For one line, a comment on the line the finding points at: `# vpclint: ignore " + id +
         " the reason`. Suppressed findings never affect the exit code; `--report-suppressed` keeps them in "
         "SARIF and JSON output.\n";
    return s;
}

std::string rules_index_markdown() {
    std::string s = "<!-- Generated from the rule descriptors; do not edit. -->\n# vpclint rules\n\n";
    s += "| id | slug | level | summary |\n|---|---|---|---|\n";
    for (const Rule& r : all_rules()) {
        const RuleDescriptor& d = *r.descriptor;
        s += "| [" + std::string(d.id) + "](" + std::string(d.id) + ".md) | " + std::string(d.slug) + " | " +
             std::string(d.levels) + " | " + std::string(d.summary) + " |\n";
    }
    return s;
}

std::string rule_list_text() {
    // Columns as wide as their longest entry, so every summary starts in one column.
    size_t head_w = 0, level_w = 0;
    for (const Rule& r : all_rules()) {
        head_w = std::max(head_w, r.descriptor->id.size() + 2 + r.descriptor->slug.size());
        level_w = std::max(level_w, r.descriptor->levels.size());
    }
    std::string s;
    for (const Rule& r : all_rules()) {
        const RuleDescriptor& d = *r.descriptor;
        std::string head = std::string(d.id) + "  " + std::string(d.slug);
        head.resize(head_w + 2, ' ');
        std::string level(d.levels);
        level.resize(level_w + 2, ' ');
        s += head + level + std::string(d.summary) + "\n";
    }
    return s;
}

std::string rule_explain_text(const RuleDescriptor& d) {
    std::string s;
    s += std::string(d.id) + " " + std::string(d.slug) + " (" + std::string(d.levels) + ")\n\n";
    s += std::string(d.summary) + "\n\n";
    s += "Why:\n" + indent(d.rationale, "  ") + "\n";
    s += "Fix:\n" + indent(d.fix, "  ") + "\n";
    s += "Bad:\n" + indent(d.bad_example, "  ") + "\n";
    s += "Good:\n" + indent(d.good_example, "  ");
    return s;
}

bool write_rule_docs(const std::string& dir, std::string& error) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream out(std::filesystem::path(dir) / name, std::ios::binary);
        out << text;
        if (!out) error = "cannot write " + name + " in " + dir;
        return static_cast<bool>(out);
    };
    for (const Rule& r : all_rules())
        if (!write(std::string(r.descriptor->id) + ".md", rule_markdown(*r.descriptor))) return false;
    return write("README.md", rules_index_markdown());
}

}  // namespace vpclint
