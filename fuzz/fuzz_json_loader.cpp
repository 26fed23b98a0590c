// libFuzzer harness: the JSON loader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.h"
#include "fuzz/structure_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    vpclint::load_json("fuzz.json", text);
    return 0;
}

VPCLINT_STRUCTURE_MUTATOR(Json)
