// libFuzzer harness: the YAML loader on arbitrary bytes (through
// load_document, which checks size, NUL bytes and UTF-8 first).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.h"
#include "fuzz/structure_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    vpclint::load_yaml("fuzz.yaml", text);
    vpclint::load_document("fuzz.yaml", text);
    return 0;
}

VPCLINT_STRUCTURE_MUTATOR(Yaml)
