#include "cli/analyze_tf.h"

#include <exception>

#include "parsers/hcl/hcl_frontend.h"

namespace vpclint {

FileResult analyze_tf_root(const std::string& dir, const FrontendOptions& opts, const RuleFilter& filter) {
    FileResult r;
    r.path = dir;
    r.kind = InputKind::TerraformPlan;
    r.analysed = true;
    try {
        std::vector<Model> models = build_hcl_models(dir, opts);
        r.diagnostics = check_models(models, filter);
        apply_suppressions(r.diagnostics, models.front().suppressions, [](uint32_t) { return std::string(); });
    } catch (const std::exception& e) {
        // A defect of ours must not hide the other inputs' results.
        Model m;
        m.file = dir;
        m.problems.push_back({ProblemKind::Parse, std::string("internal error while analysing: ") + e.what(), "",
                              Location{dir, 1, 1, 1, 1}});
        r.diagnostics = check_models({m}, filter);
    }
    return r;
}

}  // namespace vpclint
