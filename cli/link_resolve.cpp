#include "cli/link_resolve.h"

#include <optional>
#include <vector>

namespace vpclint {

bool needs_entities(const cfn::StackExport& e) {
    if (!e.resource.empty()) return true;
    for (const cfn::StackExport::Item& it : e.items)
        if (!it.resource.empty()) return true;
    return false;
}

namespace {

// The link to resource `id` of the copy, when `t`'s vector holds it.
bool point_at(const Model& m, Link& l, LinkTarget t, const std::string& id, const MergeOffsets* copied) {
    if (!copied || id.empty()) return false;
    if (auto at = find_entity(m, t, offset_of(*copied, t), id)) {
        l.state = LinkState::Resolved;
        l.index = *at;
        l.text.clear();
        return true;
    }
    return false;
}

// The items of `e` split by `delim`, each located at `at`: the export's
// joined items, or its known value split; nullopt when they are unknown.
std::optional<std::vector<Link>> split_items(const Model& m, LinkTarget t, const cfn::StackExport& e,
                                             const std::string& delim, const Location& at,
                                             const MergeOffsets* copied) {
    std::vector<Link> items;
    auto add = [&](Link l) {
        l.loc = at;
        items.push_back(std::move(l));
    };
    if (e.joined_with == delim && !e.items.empty()) {
        for (const cfn::StackExport::Item& it : e.items) {
            Link l;
            l.state = LinkState::Unknown;
            l.text = "an item of the value of output " + e.output + " that is computed";
            if (!it.value.empty()) {
                l.state = LinkState::External;
                l.text = it.value;
            } else if (!point_at(m, l, t, it.resource, copied) && !it.resource.empty()) {
                l.text = "the id of " + it.resource + " (output " + e.output + ")";
            }
            add(std::move(l));
        }
    } else if (e.value.known) {
        const std::string& s = e.value.value;
        for (size_t start = 0;;) {
            size_t pos = s.find(delim, start);
            Link l;
            l.state = LinkState::External;
            l.text = s.substr(start, pos == std::string::npos ? std::string::npos : pos - start);
            add(std::move(l));
            if (pos == std::string::npos) break;
            start = pos + delim.size();
        }
    } else if (!e.resource.empty()) {
        // One id split is a list of that one id.
        Link l;
        l.state = LinkState::Unknown;
        if (!point_at(m, l, t, e.resource, copied)) return std::nullopt;
        add(std::move(l));
    } else {
        return std::nullopt;
    }
    return items;
}

}  // namespace

void resolve_link(const Model& m, Link& l, LinkTarget t, const cfn::StackExport& e, const MergeOffsets* copied) {
    if (l.state != LinkState::Unknown) return;
    const LinkImport& imp = l.import.value_or_empty();
    if (!imp.split.empty()) {
        // One item of the split value; out of range stays unknown (the
        // deployment itself would fail).
        auto items = split_items(m, t, e, imp.split, l.loc, copied);
        if (!items || imp.split_index >= items->size() || (imp.single && items->size() != 1)) return;
        Link& pick = (*items)[imp.split_index];
        l.state = pick.state;
        l.index = pick.index;
        l.text = pick.text;
        return;
    }
    if (e.value.known) {
        l.state = LinkState::External;
        l.text = e.value.value;
        return;
    }
    point_at(m, l, t, e.resource, copied);
}

void resolve_list(const Model& m, LinkList& ls, LinkTarget t, const cfn::StackExport& e, const MergeOffsets* copied) {
    const LinkImport& imp = ls.import.value_or_empty();
    if (ls.complete || imp.split.empty()) return;
    auto items = split_items(m, t, e, imp.split, ls.loc, copied);
    if (!items) return;
    ls.items = std::move(*items);
    ls.complete = true;
    ls.reason.clear();
}

cfn::StackExport literal_export(const std::string& name, const std::string& value) {
    cfn::StackExport e;
    e.output = name;
    e.name.present = e.name.known = true;
    e.name.value = name;
    e.value.present = e.value.known = true;
    e.value.value = value;
    return e;
}

}  // namespace vpclint
