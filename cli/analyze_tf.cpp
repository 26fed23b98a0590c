#include "cli/analyze_tf.h"

#include <exception>

#include "parsers/hcl/hcl_frontend.h"

namespace vpclint {

PreparedFile prepare_tf_root(const std::string& dir, const FrontendOptions& opts) {
    PreparedFile p;
    FileResult& r = p.result;
    r.path = dir;
    r.kind = InputKind::TerraformPlan;
    r.analysed = true;
    try {
        p.models = build_hcl_models(dir, opts, true, &r.other_sources);
    } catch (const std::exception& e) {
        // A defect of ours must not hide the other inputs' results.
        Model m;
        m.file = dir;
        m.problems.push_back({ProblemKind::Parse, std::string("internal error while analysing: ") + e.what(), "",
                              Location{dir, 1, 1, 1, 1}});
        p.models.clear();
        p.models.push_back(std::move(m));
    }
    return p;
}

FileResult analyze_tf_root(const std::string& dir, const FrontendOptions& opts, const RuleFilter& filter) {
    PreparedFile p = prepare_tf_root(dir, opts);
    finish_file(p, filter);
    return std::move(p.result);
}

}  // namespace vpclint
