// Checks every loader needs first (size, binary content, encoding), then the
// choice between the JSON and the YAML loader, and of the Terraform plan
// reader for JSON that starts like a plan.
#include "core/document.h"
#include "parsers/json_loader.h"
#include "parsers/terraform/plan_reader.h"
#include "parsers/text_positions.h"
#include "parsers/utf16_decode.h"
#include "parsers/utf8_check.h"

namespace vpclint {

namespace {

LoadResult failure(std::string message, SourcePos pos) { return LoadResult{nullptr, LoadError{std::move(message), pos}}; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string byte_size_text(size_t bytes) {
    if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
    if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (size_t{1} << 10) && bytes % (size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

std::string file_too_large_message(size_t size, size_t max_bytes) {
    return "file is larger than " + byte_size_text(max_bytes) + " (" + std::to_string(size) +
           " bytes); not analysed (--max-file-size raises the limit)";
}

LoadResult load_document(std::string path, std::string_view text, size_t max_bytes) {
    if (text.size() > max_bytes) return failure(file_too_large_message(text.size(), max_bytes), {1, 1});
    if (Utf16Bom bom = utf16_bom(text); bom != Utf16Bom::None) {
        std::string utf8;
        size_t bad = 0;
        bool utf32 = bom == Utf16Bom::Utf32LittleEndian || bom == Utf16Bom::Utf32BigEndian;
        if (!utf16_to_utf8(text, bom, utf8, bad))
            return failure(utf32 ? "invalid UTF-32 (a code point beyond U+10FFFF, a surrogate, or a truncated unit)"
                                 : "invalid UTF-16 (unpaired surrogate or odd length)",
                           LineTable(utf8).pos_of_offset(bad));
        return load_document(std::move(path), utf8, max_bytes);
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return failure("file is empty", {1, 1});
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        SourcePos p = LineTable(text).pos_of_offset(nul);
        // UTF-16 without a byte-order mark looks like this too.
        return failure("binary file (NUL byte at line " + std::to_string(p.line) + " col " + std::to_string(p.col) +
                           "); if it is text, save it as UTF-8 (or UTF-16 with a byte-order mark)",
                       p);
    }
    if (size_t bad = find_invalid_utf8(text); bad != std::string_view::npos)
        return failure("invalid UTF-8 (the file must be UTF-8 encoded)", LineTable(text).pos_of_offset(bad));
    if (text[first] != '{' && text[first] != '[') return load_yaml(std::move(path), text);
    LoadResult json;
    if (tf::starts_like_plan(text)) {
        tf::PlanReader plan;
        json = load_json(path, text, plan);
    } else {
        json = load_json(path, text);
    }
    // A .yaml or .template file may start with a YAML flow collection that is
    // not strict JSON (unquoted keys, a trailing comma): cfn-lint reads
    // templates as YAML, so read it as YAML before reporting the JSON error.
    // A .json file must be JSON.
    if (!json.error || ends_with(path, ".json")) return json;
    LoadResult yaml = load_yaml(std::move(path), text);
    return yaml.error ? std::move(json) : std::move(yaml);
}

}  // namespace vpclint
