// What the configuration file changes in a run, one step of the pipeline
// each: which files (exclude), the frontend's inputs (parameters), the IR
// (declared needs), and the findings (levels). The command line wins over
// the file; main.cpp decides that before calling these.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cli/analyze_file.h"
#include "cli/config_file.h"
#include "core/engine.h"

namespace vpclint {

// A file or directory the configuration's `exclude` globs cover.
bool config_excludes(const Config& c, const std::string& abs_path, bool is_dir);

// The parameter values for one template: the `parameters` entries whose glob
// matches it (later entries win), then the command line's.
std::map<std::string, std::string> parameters_for(const Config& c, const std::string& file,
                                                  const std::map<std::string, std::string>& command_line);

// `functions: {Glob: {needs: [...]}}`: explicit needs added to the matching
// functions of the models, located in the configuration file.
void apply_config_needs(const Config& c, std::vector<Model>& models);
// The same, as the hook prepare_file/prepare_text run before checking
// (cli/analyze_file.h ModelHook); `c` must outlive it.
std::function<void(std::vector<Model>&)> config_needs_hook(const Config& c);

// `rules: {VL107: warning, VL502: off}`: the level of each finding of those
// rules (the longest matching id or prefix wins); `off` removes them.
void apply_rule_levels(const Config& c, std::vector<Diagnostic>& diagnostics);

// `stacks: {Glob: Name}`: the stack name of each matching file, by absolute
// normal path (StackLinkOptions::stack_names).
void config_stack_names(const Config& c, const std::vector<PreparedFile>& files,
                        std::map<std::string, std::string>& out);

// The configuration file's problems as VL005 findings.
FileResult config_problems(const Config& c, const RuleFilter& filter);

}  // namespace vpclint
