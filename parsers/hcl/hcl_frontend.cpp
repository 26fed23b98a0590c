#include "parsers/hcl/hcl_frontend.h"

#include <cstring>

#include "parsers/hcl/tf_eval.h"
#include "parsers/hcl/tf_plan_doc.h"
#include "parsers/terraform/terraform_frontend.h"

extern char** environ;

namespace vpclint {

std::vector<Model> build_hcl_models(const std::string& dir, const FrontendOptions& opts, bool read_env,
                                    std::map<std::string, std::string>* texts) {
    hcl::TfInputs in;
    in.var_files = opts.tf_var_files;
    in.vars = opts.tf_vars;
    if (read_env)
        for (char** e = environ; e && *e; ++e)
            if (std::strncmp(*e, "TF_VAR_", 7) == 0)
                if (const char* eq = std::strchr(*e, '=')) in.env.emplace_back(std::string(static_cast<const char*>(*e) + 7, eq), std::string(eq + 1));
    std::unique_ptr<hcl::Evaluation> ev = hcl::evaluate_root_module(dir, in);
    if (texts) *texts = std::move(ev->texts);
    if (!ev->errors.empty()) {
        Model m;
        m.file = dir;
        m.format = InputFormat::TerraformPlan;
        for (const hcl::FileError& e : ev->errors)
            m.problems.push_back({ProblemKind::Parse, e.error.message, "",
                                  Location{e.file, e.error.pos.line, e.error.pos.col, e.error.pos.line, e.error.pos.col}});
        std::vector<Model> out;
        out.push_back(std::move(m));
        return out;
    }
    hcl::PlanDocument pd = hcl::plan_document(*ev, dir);
    FrontendOptions o = opts;
    o.tf_root = dir;
    return build_terraform_models(*pd.doc, InputKind::TerraformPlan, o, std::move(pd.blocks));
}

}  // namespace vpclint
