// An evaluated root module as the document a Terraform plan is: planned
// values (known values), after_unknown (values known after apply), and
// configuration (each expression's references, as Terraform writes them),
// so that the plan frontend's binders read .tf files and plans alike. The
// source positions of blocks and attributes come with it.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "core/document.h"
#include "parsers/hcl/tf_eval.h"
#include "parsers/terraform/tf_source_scan.h"

namespace vpclint::hcl {

struct PlanDocument {
    std::unique_ptr<Document> doc;
    // Module scope ("" or "module.vpc") -> "type.name" -> positions.
    std::map<std::string, std::map<std::string, tf::TfBlock>> blocks;
};

PlanDocument plan_document(const Evaluation& ev, const std::string& shown_path);

// Terraform's configuration references of an expression in module `def`
// ("aws_subnet.a[0].id", "aws_subnet.a[0]", "aws_subnet.a"); local values
// are replaced by the references of their expressions.
std::vector<std::string> references_of(const Expr* e, const ModuleDef& def);

}  // namespace vpclint::hcl
