// libFuzzer harness: --parameters-file text (AWS CLI list, plain object,
// {"Parameters": …}).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "cli/parameters_file.h"
#include "fuzz/structure_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    std::map<std::string, std::string> out;
    std::string error;
    vpclint::parse_parameters_text("fuzz.json", text, out, error);
    return 0;
}

VPCLINT_STRUCTURE_MUTATOR(Json)
