// AWS::LanguageExtensions `Fn::ForEach`: loops expanded into the template
// CloudFormation deploys, before anything is bound, so generated resources,
// outputs and conditions are analysed and references to them resolve.
#pragma once
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace vpclint::cfn {

// The values of a loop's collection (already substituted with the values of
// enclosing loops), or nullopt when the collection is unknown.
using CollectionResolver = std::function<std::optional<std::vector<std::string>>(const Node*)>;

struct ForEachExpansion {
    // The template with every loop expanded; unchanged subtrees are shared
    // with the input, and every new node keeps the position it was written at.
    const Node* root = nullptr;
    // Keys that loops over unknown collections generate, with each
    // `${Identifier}` / `&{Identifier}` written as `*` ("Subnet*").
    std::vector<std::string> unknown_keys;
};

ForEachExpansion expand_for_each(const Node* root, NodeArena& arena, const CollectionResolver& resolve);

// Whether `name` is one a pattern of ForEachExpansion::unknown_keys can produce.
bool matches_generated_key(const std::string& pattern, const std::string& name);

}  // namespace vpclint::cfn
