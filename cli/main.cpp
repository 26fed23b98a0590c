// vpclint command line: discover, analyse in parallel, filter, report.
#include <cctype>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "core/version.h"
#include "cli/analyze_file.h"
#include "cli/analyze_tf.h"
#include "cli/baseline.h"
#include "cli/config_apply.h"
#include "cli/config_file.h"
#include "cli/discover.h"
#include "cli/link_nested_stacks.h"
#include "cli/link_stacks.h"
#include "cli/link_workspaces.h"
#include "cli/lsp/server.h"
#include "cli/parameters_file.h"
#include "cli/path_glob.h"
#include "cli/rule_docs.h"
#include "cli/rule_selection.h"
#include "core/analyses.h"
#include "core/explain_function.h"
#include "parsers/hcl/hcl_frontend.h"
#include "reporters/format_writers.h"
#include "reporters/reporter.h"

using namespace vpclint;

namespace vpclint::rules::VL004 {
Diagnostic finding(const std::string& message, const Location& loc, const std::string& resource);  // rules/VL004_unused_suppression.cpp
}

namespace {

// The same table as the README's "Exit codes" (tests/e2e/exit_codes.sh checks every row).
constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  at least one template or plan analysed (or --allow-empty), and no finding at or\n"
    "     above the --fail-on level; with --fail-on never, whenever the run itself worked\n"
    "  1  findings at or above the --fail-on level\n"
    "  2  the run failed: a usage error (unknown option, rule id or format; a parameter\n"
    "     value outside AllowedValues; a missing --tf-root; a bad --parameters-file), a path\n"
    "     that does not exist, no template or plan analysed, a report that cannot be\n"
    "     written; or an input that could not be read or parsed (VL001), unless\n"
    "     --fail-on never\n";

struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
    std::string fail_on = "error";
    std::vector<std::string> select, ignore, parameters;
    std::vector<std::string> tf_var_files, tf_vars;  // Terraform configuration inputs
    std::string parameters_file, tf_root, explain_rule, explain_function, rule_docs_dir, color = "auto";
    std::string stdin_filename = "-", srcroot;
    unsigned jobs = 0;
    bool list_rules = false, version = false, quiet = false, report_suppressed = false;
    bool allow_empty = false, strict_parameters = false;
    std::string config;
    bool no_config = false, no_ignore = false;
    std::vector<std::string> stack_names;
    std::string exports, baseline, write_baseline;
    std::vector<std::string> tf_remote_states;
    bool verbose = false;
    std::string max_file_size;
};

// --stack-name FILE=NAME and the configuration's `stacks:` (the flag wins),
// by absolute path; --exports.
bool stack_link_options(const Options& o, const Config& config, const std::vector<PreparedFile>& files,
                        StackLinkOptions& out, std::string& error) {
    namespace fs = std::filesystem;
    config_stack_names(config, files, out.stack_names);
    for (const std::string& arg : o.stack_names) {
        size_t eq = arg.rfind('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
            error = "--stack-name takes FILE=NAME, not '" + arg + "'";
            return false;
        }
        out.stack_names[fs::absolute(arg.substr(0, eq)).lexically_normal().string()] = arg.substr(eq + 1);
    }
    return o.exports.empty() || read_exports_file(o.exports, out.exports, error);
}

// --max-file-size: bytes, or a number with K, M or G (binary units).
bool parse_byte_size(const std::string& text, size_t& out) {
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) return false;
    size_t used = 0;
    unsigned long long n = 0;
    try {
        n = std::stoull(text, &used);
    } catch (const std::exception&) {
        return false;
    }
    std::string unit = text.substr(used);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    unsigned shift = unit.empty() || unit == "B" ? 0 : unit[0] == 'K' ? 10 : unit[0] == 'M' ? 20 : unit[0] == 'G' ? 30 : 99;
    if (shift == 99 || (unit.size() > 1 && unit.substr(1) != "B" && unit.substr(1) != "IB")) return false;
    if (n > (~0ull >> shift)) return false;
    out = static_cast<size_t>(n << shift);
    return out > 0;
}

// The repository root for SARIF URIs: the nearest directory upwards holding
// .git (a directory, or a file in a worktree or submodule), else the working
// directory. Found without running git, so it works where git is missing.
std::string default_srcroot() {
    std::error_code ec;
    std::filesystem::path cwd = std::filesystem::current_path(ec);
    for (std::filesystem::path d = cwd; !d.empty(); d = d.parent_path()) {
        if (std::filesystem::exists(d / ".git", ec)) return d.string();
        if (d == d.parent_path()) break;
    }
    return cwd.string();
}

bool colour_wanted(const std::string& mode, bool tty) {
    if (mode == "always") return true;
    if (mode == "never" || !tty) return false;
    // https://no-color.org: set and non-empty disables colour.
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    return !(term && std::string_view(term) == "dumb");
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? "(none)" : s;
}

// --list-rules -f json: the catalog for tools.
std::string rule_list_json() {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const Rule& r : all_rules()) {
        const RuleDescriptor& d = *r.descriptor;
        arr.push_back({{"id", std::string(d.id)}, {"slug", std::string(d.slug)}, {"levels", std::string(d.levels)},
                       {"summary", std::string(d.summary)}});
    }
    return arr.dump(2) + "\n";
}

// Parameters given on the command line against what the analysed templates
// declare. Returns false when the run must stop (a value outside
// AllowedValues; an undeclared name with --strict-parameters).
bool check_parameters(const std::map<std::string, std::string>& given, const std::vector<FileResult>& results,
                      bool strict) {
    std::set<std::string> declared;
    bool any_template = false;
    for (const FileResult& r : results) {
        if (r.kind != InputKind::CloudFormation || !r.analysed) continue;
        any_template = true;
        for (const auto& [name, allowed] : r.declared_parameters) declared.insert(name);
    }
    if (!any_template) return true;  // plans take no parameters; nothing to compare
    bool ok = true;
    for (const auto& [name, value] : given) {
        if (declared.count(name)) continue;
        std::cerr << "vpclint: " << (strict ? "error" : "warning") << ": parameter " << name
                  << " is not declared by the template" << (results.size() > 1 ? "s" : "")
                  << "; declared parameters: " << joined({declared.begin(), declared.end()}) << "\n";
        if (strict) ok = false;
    }
    for (const FileResult& r : results) {
        for (const auto& [name, allowed] : r.declared_parameters) {
            auto it = given.find(name);
            if (it == given.end() || allowed.empty()) continue;
            // A list parameter's value is comma separated; each item must be allowed.
            std::vector<std::string> items{it->second};
            if (std::find(allowed.begin(), allowed.end(), it->second) == allowed.end() &&
                it->second.find(',') != std::string::npos) {
                items.clear();
                std::stringstream ss(it->second);
                for (std::string item; std::getline(ss, item, ',');) items.push_back(item);
            }
            for (const std::string& item : items)
                if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
                    std::cerr << "vpclint: error: " << r.path << ": parameter " << name << " = '" << item
                              << "' is not one of its AllowedValues: " << joined(allowed) << "\n";
                    ok = false;
                }
        }
    }
    return ok;
}

// Two passes over the files, each in parallel: build every file's models,
// then (after the steps that need all of them, e.g. the configuration's
// declared needs) run the rules. Output order never depends on scheduling.
template <typename F>
void in_parallel(size_t n, unsigned jobs, const F& job) {
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < n;) job(i);
    };
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(n, 1))));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
}

std::vector<PreparedFile> prepare_all(const std::vector<InputFile>& files, const FrontendOptions& fo,
                                      const Config& config, const RuleFilter& filter, unsigned jobs) {
    std::vector<PreparedFile> prepared(files.size());
    const ModelHook needs = config_needs_hook(config);
    in_parallel(files.size(), jobs, [&](size_t i) {
        FrontendOptions own = fo;
        own.parameters = parameters_for(config, files[i].path, fo.parameters);
        if (files[i].tf_root) {
            prepared[i] = prepare_tf_root(files[i].path, own);
            needs(prepared[i].models);
        } else {
            prepared[i] = prepare_file(files[i].path, own, filter, needs);
        }
    });
    return prepared;
}

int run_explain_function(const Options& o, const FrontendOptions& fo) {
    if (o.paths.size() != 1) {
        std::cerr << "vpclint: explain takes exactly one file\n";
        return 2;
    }
    std::string error;
    // A directory is a Terraform root module (its .tf files).
    std::error_code dir_ec;
    std::vector<Model> models = std::filesystem::is_directory(o.paths[0], dir_ec)
                                    ? build_hcl_models(display_path(o.paths[0]), fo)
                                    : models_of_file(display_path(o.paths[0]), fo, &error);
    if (models.empty()) {
        std::cerr << "vpclint: " << o.paths[0] << ": " << error << "\n";
        return 2;
    }
    if (!o.exports.empty()) {  // imports from the offline exports table
        std::vector<PreparedFile> one(1);
        one[0].result.path = display_path(o.paths[0]);
        one[0].result.kind = models.front().format == InputFormat::CloudFormation ? InputKind::CloudFormation
                                                                                   : InputKind::TerraformPlan;
        one[0].models = std::move(models);
        StackLinkOptions link_opts;
        if (!stack_link_options(o, Config{}, one, link_opts, error)) {
            std::cerr << "vpclint: " << error << "\n";
            return 2;
        }
        link_stacks(one, link_opts);
        models = std::move(one[0].models);
    }
    if (o.explain_function.empty()) {
        std::set<std::string> ids;
        for (const Model& m : models)
            for (const Function& f : m.functions) ids.insert(f.id);
        std::cerr << "vpclint: explain needs --function ID; the functions in " << o.paths[0] << ": "
                  << joined({ids.begin(), ids.end()}) << "\n";
        return 2;
    }
    bool found = false;
    for (const Model& m : models) {
        bool has = std::any_of(m.functions.begin(), m.functions.end(),
                               [&](const Function& f) { return f.id == o.explain_function; });
        if (!has) continue;
        found = true;
        if (models.size() > 1) {
            std::cout << "Scenario:";
            if (m.conditions.empty()) std::cout << " (no condition decides this one)";
            for (const auto& [name, value] : m.conditions) std::cout << " " << name << "=" << (value ? "true" : "false");
            std::cout << "\n";
        }
        std::cout << explain_function(m, compute_analyses(m), o.explain_function) << "\n";
    }
    if (!found) {
        std::cerr << "vpclint: no function " << o.explain_function << " in " << o.paths[0] << "\n";
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // `vpclint explain PATH --function ID` is sugar for --explain-function.
    std::vector<std::string> args(argv + 1, argv + argc);
    // `vpclint lsp [--stdio]`: the language server (cli/lsp/); --stdio is
    // what vscode-languageclient appends, and stdio is the only transport.
    if (!args.empty() && args[0] == "lsp") {
        for (size_t i = 1; i < args.size(); ++i)
            if (args[i] != "--stdio") {
                std::cerr << "vpclint lsp: unknown argument " << args[i] << " (the server speaks LSP on stdio)\n";
                return 2;
            }
        // A client that goes away closes the pipe: the server then sees the end
        // of its input and exits, instead of dying of SIGPIPE mid-write.
        std::signal(SIGPIPE, SIG_IGN);
        std::ios::sync_with_stdio(false);
        return vpclint::lsp::run_server(std::cin, std::cout);
    }
    bool explain_cmd = !args.empty() && args[0] == "explain";
    if (explain_cmd) args.erase(args.begin());
    for (auto& a : args)
        if (explain_cmd && a == "--function") a = "--explain-function";

    Options o;
    CLI::App app{
        "vpclint: finds the AWS Lambda networking mistakes in CloudFormation/SAM templates and Terraform\n"
        "plan/state JSON that deploy fine and then fail at run time.\n"
        "PATH: files and directories (directories are walked); '-' reads standard input.\n"
        "Also: vpclint explain PATH --function ID   (why a function gets, or does not get, a finding)\n"
        "      vpclint lsp                           (a language server on stdio, for editors)",
        "vpclint"};
    app.footer(std::string("\n") + kExitCodes);
    app.add_option("paths", o.paths, "Files and directories to analyse; - for standard input");
    app.add_option("-f,--format", o.format, "Output format: text, gcc, json, sarif, github, junit, gitlab")
        ->default_str("text");
    app.add_option("-o,--output", o.output, "Write the report to FILE instead of standard output")
        ->type_name("FILE");
    app.add_option("--fail-on", o.fail_on, "Lowest level that makes the exit code 1: error, warning, note, never")
        ->check(CLI::IsMember({"error", "warning", "note", "never"}))
        ->default_str("error");
    app.add_option("--select", o.select,
                   "Only these rules: one comma-separated value of ids, id prefixes (VL1) or rule names; "
                   "case-insensitive. VL001/VL002 are always reported")
        ->type_name("ID[,ID...]")
        ->allow_extra_args(false);
    app.add_option("--ignore", o.ignore,
                   "Skip these rules: one comma-separated value of ids, id prefixes or rule names; "
                   "case-insensitive")
        ->type_name("ID[,ID...]")
        ->allow_extra_args(false);
    app.add_option("-p,--parameter", o.parameters, "Template parameter value Key=Value (repeatable)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    app.add_option("--parameters-file", o.parameters_file,
                   "Parameter values in the AWS CLI JSON format [{\"ParameterKey\":…,\"ParameterValue\":…}]");
    app.add_flag("--strict-parameters", o.strict_parameters,
                   "A --parameter the templates do not declare is an error (default: a warning)");
    app.add_option("--tf-root", o.tf_root, "Directory of the .tf files behind a Terraform plan (for line numbers)")
        ->type_name("DIR");
    app.add_option("--tf-var-file", o.tf_var_files, "Terraform configuration: a .tfvars file, as terraform -var-file (repeatable)")
        ->type_name("FILE")
        ->allow_extra_args(false);
    app.add_option("--tf-var", o.tf_vars, "Terraform configuration: a variable, as terraform -var NAME=VALUE (repeatable)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    app.add_option("--stdin-filename", o.stdin_filename,
                   "Name for the document read from '-' (in positions and reports)")
        ->type_name("NAME");
    app.add_option("--srcroot", o.srcroot,
                   "Repository root for SARIF URIs (default: the git top level, else the working directory)")
        ->type_name("DIR");
    app.add_flag("--allow-empty", o.allow_empty,
                 "Exit 0 when no template or plan is among the inputs (for hooks); otherwise that is exit 2");
    app.add_option("-j,--jobs", o.jobs, "Files analysed in parallel (default: number of cores)");
    app.add_option("--color", o.color,
                   "Colour in text output: auto (a terminal, NO_COLOR unset or empty, TERM not dumb), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
    app.add_flag("-q,--quiet", o.quiet, "Print only findings, no summary (for hooks)");
    app.add_flag("--verbose", o.verbose, "Also say which entries a directory walk skipped, and why");
    app.add_option("--max-file-size", o.max_file_size,
                   "Larger files are not read (VL001): bytes or with K, M, G (default 1G)");
    app.add_flag("--report-suppressed", o.report_suppressed,
                 "Keep suppressed findings in SARIF and JSON output (they never affect the exit code)");
    app.add_flag("--list-rules", o.list_rules, "List every rule and exit (-f json for JSON)");
    app.add_option("--explain", o.explain_rule, "Explain a rule (e.g. VL504) and exit");
    app.add_option("--explain-function", o.explain_function,
                   "Explain one function of one file: its subnets' egress and its needs");
    app.add_flag("-V,--version", o.version, "Print the version and exit");
    app.add_option("--config", o.config,
                   "Configuration file (default: .vpclint.yaml in the working directory or the nearest parent up "
                   "to the git top level)")
        ->type_name("FILE");
    app.add_flag("--no-config", o.no_config, "Read no configuration file");
    app.add_flag("--no-ignore", o.no_ignore, "Walk directories without honouring .gitignore files");
    app.add_option("--stack-name", o.stack_names,
                   "The stack name (AWS::StackName) of a template, for the export names of stacks scanned together "
                   "(repeatable)")
        ->type_name("FILE=NAME")
        ->allow_extra_args(false);
    app.add_option("--exports", o.exports,
                   "Exports of stacks not scanned: the JSON of `aws cloudformation list-exports`")
        ->type_name("FILE");
    app.add_option("--tf-remote-state", o.tf_remote_states,
                   "The state (terraform show -json) of workspace X that a plan reads through "
                   "data.terraform_remote_state.X (repeatable; the state is analysed too)")
        ->type_name("X=FILE")
        ->allow_extra_args(false);
    app.add_option("--baseline", o.baseline,
                   "Report only findings not recorded in this baseline (written by --write-baseline)")
        ->type_name("FILE");
    app.add_option("--write-baseline", o.write_baseline,
                   "Record the current findings in FILE (then they are baselined in this run too)")
        ->type_name("FILE");
    app.add_option("--write-rule-docs", o.rule_docs_dir, "Write docs/rules/*.md from the rule descriptors")
        ->group("");

    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    if (o.version) {
        std::cout << "vpclint " << vpclint_version() << "\n";
        return 0;
    }
    if (o.list_rules) {
        if (o.format != "text" && o.format != "json") {
            std::cerr << "vpclint: --list-rules prints text or json, not " << o.format << "\n";
            return 2;
        }
        std::cout << (o.format == "json" ? rule_list_json() : rule_list_text());
        return 0;
    }
    if (!o.explain_rule.empty()) {
        const Rule* r = find_rule(o.explain_rule);
        if (!r) {
            std::cerr << "vpclint: no rule " << o.explain_rule << " (see --list-rules)\n";
            return 2;
        }
        std::cout << rule_explain_text(*r->descriptor);
        return 0;
    }
    if (!o.rule_docs_dir.empty()) {
        std::string error;
        if (!write_rule_docs(o.rule_docs_dir, error)) {
            std::cerr << "vpclint: " << error << "\n";
            return 2;
        }
        return 0;
    }

    // The configuration file; every flag given on the command line wins over it.
    Config config;
    if (!o.config.empty() && o.no_config) {
        std::cerr << "vpclint: --config and --no-config exclude each other\n";
        return 2;
    }
    if (!o.config.empty() && !std::filesystem::is_regular_file(o.config)) {
        std::cerr << "vpclint: --config " << o.config << ": no such file\n";
        return 2;
    }
    if (!o.no_config) {
        std::optional<std::string> found_config =
            o.config.empty() ? find_config(std::filesystem::current_path().string()) : std::optional(o.config);
        if (found_config) config = read_config(display_path(*found_config));
    }
    if (!app.count("--format") && config.format) o.format = *config.format;
    if (!app.count("--fail-on") && config.fail_on) o.fail_on = *config.fail_on;

    FrontendOptions fo;
    fo.tf_root = o.tf_root;
    fo.tf_var_files = o.tf_var_files;
    for (const std::string& kv : o.tf_vars) {
        size_t eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "vpclint: --tf-var " << kv << ": expected NAME=VALUE\n";
            return 2;
        }
        fo.tf_vars.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    }
    for (const std::string& f : o.tf_var_files)
        if (!std::filesystem::is_regular_file(f)) {
            std::cerr << "vpclint: --tf-var-file " << f << ": no such file\n";
            return 2;
        }
    if (!o.max_file_size.empty() && !parse_byte_size(o.max_file_size, fo.max_file_bytes)) {
        std::cerr << "vpclint: --max-file-size expects a size such as 500M or 2G, got '" << o.max_file_size << "'\n";
        return 2;
    }
    if (!o.tf_root.empty() && !std::filesystem::is_directory(o.tf_root)) {
        std::cerr << "vpclint: --tf-root " << o.tf_root << ": no such directory\n";
        return 2;
    }
    if (!o.srcroot.empty() && !std::filesystem::is_directory(o.srcroot)) {
        std::cerr << "vpclint: --srcroot " << o.srcroot << ": no such directory\n";
        return 2;
    }
    std::string error;
    if (!o.parameters_file.empty() && !read_parameters_file(o.parameters_file, fo.parameters, error)) {
        std::cerr << "vpclint: " << error << "\n";
        return 2;
    }
    if (!parse_parameter_args(o.parameters, fo.parameters, error)) {
        std::cerr << "vpclint: " << error << "\n";
        return 2;
    }
    if (!o.explain_function.empty() || explain_cmd) return run_explain_function(o, fo);
    if (o.paths.empty()) {
        std::cerr << "vpclint: no input: name files or directories (see --help)\n";
        return 2;
    }
    auto format = parse_report_format(o.format);
    if (!format) {
        std::cerr << "vpclint: unknown format '" << o.format << "' (text, gcc, json, sarif, github, junit, gitlab)\n";
        return 2;
    }
    std::vector<std::string> select, ignore;
    if (!resolve_rule_items(o.select, "--select", select, error) ||
        !resolve_rule_items(o.ignore, "--ignore", ignore, error)) {
        std::cerr << "vpclint: " << error << "\n";
        return 2;
    }
    if (o.select.empty() && config.has_select) select = config.select;
    if (o.ignore.empty() && config.has_ignore) ignore = config.ignore;
    RuleFilter filter = make_rule_filter(select, ignore);

    // '-': one document from standard input, named by --stdin-filename.
    size_t dashes = static_cast<size_t>(std::count(o.paths.begin(), o.paths.end(), "-"));
    if (dashes > 1) {
        std::cerr << "vpclint: '-' (standard input) may be given once\n";
        return 2;
    }
    std::vector<std::string> paths;
    for (const std::string& p : o.paths)
        if (p != "-") paths.push_back(p);
    // Directory walks leave out what the configuration excludes and what
    // .gitignore files ignore (--no-ignore: not those).
    std::string top = default_srcroot();
    bool in_repo = std::filesystem::exists(std::filesystem::path(top) / ".git");
    GitIgnore gitignore(top);
    SkipFn skip = [&](const std::string& abs, bool is_dir) {
        return config_excludes(config, abs, is_dir) || (in_repo && !o.no_ignore && gitignore.ignored(abs, is_dir));
    };
    // Remote states (the configuration's, then --tf-remote-state): analysed
    // with the plans that read them.
    RemoteStates remote_states;
    for (const auto& [workspace, file] : config.tf_remote_state)
        remote_states[workspace] = (std::filesystem::path(config.dir) / file).lexically_normal().string();
    for (const std::string& arg : o.tf_remote_states) {
        size_t eq = arg.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == arg.size()) {
            std::cerr << "vpclint: --tf-remote-state takes X=FILE, not '" << arg << "'\n";
            return 2;
        }
        remote_states[arg.substr(0, eq)] = std::filesystem::absolute(arg.substr(eq + 1)).lexically_normal().string();
    }
    Discovery found = discover(paths, skip);
    for (const auto& entry : remote_states) {
        // Not a structured binding: clang before 16 cannot capture bindings in lambdas.
        const std::string& file = entry.second;
        bool listed = std::any_of(found.files.begin(), found.files.end(), [&](const InputFile& f) {
            return std::filesystem::absolute(f.path).lexically_normal().string() == file;
        });
        if (!std::filesystem::is_regular_file(file)) found.errors.push_back(display_path(file));
        else if (!listed) found.files.push_back({display_path(file), true});
    }
    // A file named on the command line is left out only by `exclude` (a hook
    // passes every changed file; .gitignore never applies to named files).
    std::erase_if(found.files, [&](const InputFile& f) {
        return f.explicitly_named &&
               config_excludes(config, std::filesystem::absolute(f.path).lexically_normal().string(), false);
    });
    for (const std::string& p : found.errors) std::cerr << "vpclint: " << p << ": no such file or directory\n";
    if (o.verbose)
        for (const std::string& n : found.notes) std::cerr << "vpclint: " << n << "\n";
    unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::vector<PreparedFile> prepared = prepare_all(found.files, fo, config, filter, jobs);
    if (dashes) {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        FrontendOptions own = fo;
        own.parameters = parameters_for(config, o.stdin_filename, fo.parameters);
        prepared.push_back(prepare_text(o.stdin_filename, std::move(ss).str(), own, filter, config_needs_hook(config)));
        found.files.push_back({o.stdin_filename, true});
    }
    StackLinkOptions link_opts;
    if (!stack_link_options(o, config, prepared, link_opts, error)) {
        std::cerr << "vpclint: " << error << "\n";
        return 2;
    }
    const size_t scanned = prepared.size();
    link_nested_stacks(prepared, fo, filter);  // appends nested children as their parents deploy them
    link_stacks(prepared, link_opts);
    link_workspaces(prepared, remote_states);
    in_parallel(prepared.size(), jobs, [&](size_t i) {
        finish_file(prepared[i], filter);
        apply_rule_levels(config, prepared[i].result.diagnostics);
    });
    std::vector<FileResult> results;
    results.reserve(prepared.size() + 1);
    for (PreparedFile& p : prepared) results.push_back(std::move(p.result));
    prepared.clear();
    merge_nested_instances(results, scanned);
    for (size_t i = found.files.size(); i < results.size(); ++i) found.files.push_back({results[i].path, false});
    if (!config.problems.empty()) {
        results.push_back(config_problems(config, filter));
        found.files.push_back({config.path, true});
    }
    if (!check_parameters(fo.parameters, results, o.strict_parameters)) return 2;

    ReportInput in;
    size_t suppressed = 0;
    std::map<std::string, const std::string*> sources;
    // The .tf files a plan's findings point into (their texts come with the
    // plan's result): fingerprints of earlier versions quoted no line there.
    std::set<std::string> plan_tf_files;
    std::vector<Diagnostic> all;
    for (size_t i = 0; i < results.size(); ++i) {
        FileResult& r = results[i];
        if (!r.analysed) {
            if (found.files[i].explicitly_named && !o.quiet)
                std::cerr << "vpclint: " << r.path
                          << ": skipped: not a CloudFormation template or Terraform plan/state JSON\n";
            continue;
        }
        in.files.push_back(r.path);
        sources[r.path] = &r.source;
        for (const auto& [file, text] : r.other_sources) {
            // A plan holds its own text; a .tf root (`path` a directory) has
            // only the texts of its files.
            if (!r.source.empty() && !sources.count(file)) plan_tf_files.insert(file);
            sources.emplace(file, &text);
        }
        for (Diagnostic& d : r.diagnostics) all.push_back(std::move(d));
    }
    sort_diagnostics(all);
    // Line starts per file, built once on first use: a lookup per finding
    // is O(1), not a scan from the top of the file.
    std::map<std::string, std::vector<size_t>> line_starts;
    auto source_view = [&sources, &line_starts](const std::string& file, uint32_t line) -> std::string_view {
        auto it = sources.find(file);
        if (it == sources.end() || line == 0) return {};
        const std::string& s = *it->second;
        auto [ls, fresh] = line_starts.try_emplace(file);
        if (fresh) {
            ls->second.push_back(0);
            for (size_t p = s.find('\n'); p != std::string::npos; p = s.find('\n', p + 1)) ls->second.push_back(p + 1);
        }
        if (line > ls->second.size()) return {};
        size_t pos = ls->second[line - 1];
        size_t end = line < ls->second.size() ? ls->second[line] - 1 : s.size();
        std::string_view text(s.data() + pos, end - pos);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        return text;
    };
    // Reporters that copy the line (SARIF, GitLab fingerprints) get it only
    // when it is of a size people write; a minified file's single line is not.
    auto source_line = [view = source_view](const std::string& file, uint32_t line) -> std::string {
        std::string_view v = view(file, line);
        return v.size() > (1u << 20) ? std::string() : std::string(v);
    };
    // Baselines written before a plan's .tf texts came with its result
    // fingerprinted its findings there with no line: they match as well.
    auto legacy_line = [&source_line, &plan_tf_files](const std::string& file, uint32_t line) -> std::string {
        return plan_tf_files.count(file) ? std::string() : source_line(file, line);
    };
    // Baselines: --write-baseline records the findings and baselines them in
    // this run; --baseline marks what it records as suppressed.
    std::optional<Baseline> baseline;
    if (!o.write_baseline.empty()) {
        std::ofstream out(o.write_baseline, std::ios::binary);
        write_baseline(all, source_line, out);
        if (!out.flush()) {
            std::cerr << "vpclint: cannot write " << o.write_baseline << "\n";
            return 2;
        }
        out.close();
    }
    std::vector<std::string> baselines;
    if (!o.baseline.empty()) baselines.push_back(o.baseline);
    if (!o.write_baseline.empty() && o.write_baseline != o.baseline) baselines.push_back(o.write_baseline);
    for (const std::string& b : baselines) {
        Baseline read;
        if (!read_baseline(b, read, error)) {
            std::cerr << "vpclint: " << error << "\n";
            return 2;
        }
        if (!baseline) baseline = std::move(read);
        else baseline->entries.insert(baseline->entries.end(), read.entries.begin(), read.entries.end());
    }
    if (baseline) {
        BaselineMatch bm = apply_baseline(*baseline, all, source_line, legacy_line);
        if (!o.quiet)
            std::cerr << "vpclint: baseline " << baseline->path << ": " << bm.baselined << " finding"
                      << (bm.baselined == 1 ? "" : "s") << " baselined, " << bm.stale.size() << " stale entr"
                      << (bm.stale.size() == 1 ? "y" : "ies") << " (matching no finding)\n";
        // VL004 at each stale entry, in the baseline file.
        if (!bm.stale.empty() && filter.enabled("VL004")) {
            for (size_t e : bm.stale) {
                const BaselineEntry& entry = baseline->entries[e];
                all.push_back(rules::VL004::finding(
                    "The baseline entry for " + entry.rule + " on " + (entry.resource.empty() ? "?" : entry.resource) +
                        " in " + entry.file + " matches no finding: it was fixed or its line changed; "
                        "--write-baseline drops it.",
                    entry.loc, entry.resource));
            }
            in.files.push_back(baseline->path);
            sources[baseline->path] = &baseline->text;
            sort_diagnostics(all);
        }
    }
    for (Diagnostic& d : all) {
        if (baseline && d.baseline_state.empty()) d.baseline_state = "new";
        if (d.suppressed) {
            ++suppressed;
            bool keep = o.report_suppressed && (*format == ReportFormat::Sarif || *format == ReportFormat::Json);
            if (!keep) continue;
        }
        in.diagnostics.push_back(std::move(d));
    }
    sort_diagnostics(in.diagnostics);
    for (const Rule& r : all_rules())
        if (filter.enabled(r.descriptor->id)) in.rules.push_back(&r);
    in.working_directory = std::filesystem::current_path().string();
    in.srcroot = std::filesystem::absolute(o.srcroot.empty() ? default_srcroot() : o.srcroot).lexically_normal().string();
    in.missing_paths = found.errors;
    Severity threshold = o.fail_on == "note" ? Severity::Note : o.fail_on == "warning" ? Severity::Warning : Severity::Error;
    if (o.fail_on == "never") in.fail_on = std::nullopt;
    else in.fail_on = threshold;
    // With -o the report goes to the file and the summary to stderr, so a CI
    // log still says what happened.
    bool summary_to_stderr = !o.output.empty() && !o.quiet;
    in.quiet = o.quiet || summary_to_stderr;
    bool tty = o.output.empty() && isatty(STDOUT_FILENO);
    in.color = colour_wanted(o.color, tty);
    in.source_view = source_view;
    in.source_line = source_line;

    if (o.output.empty()) {
        write_report(*format, in, std::cout);
    } else {
        std::ofstream out(o.output, std::ios::binary);
        write_report(*format, in, out);
        if (!out) {
            std::cerr << "vpclint: cannot write " << o.output << "\n";
            return 2;
        }
    }

    if (summary_to_stderr) std::cerr << "vpclint: " << summary_line(in) << "\n";
    if (suppressed && !o.quiet && *format == ReportFormat::Text)
        std::cerr << "vpclint: " << suppressed << " suppressed finding" << (suppressed == 1 ? "" : "s")
                  << " not shown (--report-suppressed keeps them in SARIF and JSON)\n";

    bool parse_error = false;
    Severity worst = Severity::Note;
    bool any = false;
    for (const Diagnostic& d : in.diagnostics) {
        if (d.suppressed) continue;
        if (d.rule_id == "VL001") parse_error = true;
        if (!any || d.severity > worst) worst = d.severity;
        any = true;
    }
    if (!found.errors.empty()) return 2;
    if (in.files.empty() && !o.allow_empty) {
        std::cerr << "vpclint: no CloudFormation template or Terraform plan/state among the inputs; nothing was "
                     "checked (--allow-empty makes this exit 0)\n";
        return 2;
    }
    if (o.fail_on == "never") return 0;
    if (parse_error) return 2;
    if (!any) return 0;
    return worst >= threshold ? 1 : 0;
}
