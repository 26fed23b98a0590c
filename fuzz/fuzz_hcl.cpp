// libFuzzer harness for the HCL2 parser (native and JSON syntax) and the
// evaluation of what parses: no crash, no hang, bounded recursion on any
// input. Built and replayed like the other harnesses (fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/hcl/hcl_ast.h"
#include "parsers/hcl/tf_eval.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    vpclint::hcl::ParseResult native = vpclint::hcl::parse_hcl("fuzz.tf", text);
    vpclint::hcl::ParseResult json = vpclint::hcl::parse_hcl_json("fuzz.tf.json", text);
    // Evaluate every attribute that parsed, with no module around it.
    vpclint::hcl::Evaluation ev;
    ev.root = std::make_unique<vpclint::hcl::ModuleInst>();
    vpclint::hcl::ModuleDef def;
    def.dir = ".";
    ev.root->def = &def;
    vpclint::hcl::Evaluator e(ev);
    for (const vpclint::hcl::ParseResult* r : {&native, &json})
        for (const vpclint::hcl::Attribute& a : r->file.body.attributes) {
            vpclint::hcl::Scope s;
            s.mod = ev.root.get();
            s.ev = &ev;
            (void)vpclint::hcl::to_json(e.eval(a.expr, s, 0));
        }
    return 0;
}
