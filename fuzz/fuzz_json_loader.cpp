// libFuzzer harness: the JSON loader on arbitrary bytes, both as plain JSON
// and through load_document, which reads text that starts like a plan with
// tf::PlanReader (the parts it skips are scanned, not built).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.h"
#include "fuzz/structure_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    vpclint::load_json("fuzz.json", text);
    vpclint::load_document("fuzz.json", text);
    return 0;
}

VPCLINT_STRUCTURE_MUTATOR(Json)
