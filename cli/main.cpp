// vpclint command line: discover, analyse in parallel, filter, report.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "core/version.h"
#include "cli/analyze_file.h"
#include "cli/discover.h"
#include "cli/parameters_file.h"
#include "cli/rule_docs.h"
#include "core/analyses.h"
#include "core/explain_function.h"
#include "reporters/reporter.h"

using namespace vpclint;

namespace {

constexpr const char* kExitCodes =
    "Exit codes:\n"
    "  0  no finding at or above the --fail-on level\n"
    "  1  findings at or above the --fail-on level\n"
    "  2  usage error, or an input that could not be read or parsed (VL001)\n";

struct Options {
    std::vector<std::string> paths;
    std::string format = "text";
    std::string output;
    std::string fail_on = "error";
    std::vector<std::string> select, ignore, parameters;
    std::string parameters_file, tf_root, explain_rule, explain_function, rule_docs_dir, color = "auto";
    unsigned jobs = 0;
    bool list_rules = false, version = false, quiet = false, report_suppressed = false;
};

std::vector<std::string> split_ids(const std::vector<std::string>& in) {
    std::vector<std::string> out;
    for (const std::string& s : in) {
        size_t start = 0;
        while (start <= s.size()) {
            size_t comma = s.find(',', start);
            std::string id = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!id.empty()) out.push_back(id);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

std::vector<FileResult> analyse_all(const std::vector<InputFile>& files, const FrontendOptions& fo,
                                    const RuleFilter& filter, unsigned jobs) {
    std::vector<FileResult> results(files.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < files.size();) results[i] = analyze_file(files[i].path, fo, filter, files[i].explicitly_named);
    };
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(files.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    return results;
}

int run_explain_function(const Options& o, const FrontendOptions& fo) {
    if (o.paths.size() != 1) {
        std::cerr << "vpclint: explain takes exactly one file\n";
        return 2;
    }
    std::string error;
    std::vector<Model> models = models_of_file(display_path(o.paths[0]), fo, &error);
    if (models.empty()) {
        std::cerr << "vpclint: " << o.paths[0] << ": " << error << "\n";
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
    bool explain_cmd = !args.empty() && args[0] == "explain";
    if (explain_cmd) args.erase(args.begin());
    for (auto& a : args)
        if (explain_cmd && a == "--function") a = "--explain-function";

    Options o;
    CLI::App app{
        "vpclint: finds the AWS Lambda networking mistakes in CloudFormation/SAM templates and Terraform\n"
        "plan/state JSON that deploy fine and then fail at run time.\n\n"
        "Usage: vpclint [options] PATH...        (files and directories; directories are walked)\n"
        "       vpclint explain PATH --function ID",
        "vpclint"};
    app.footer(std::string("\n") + kExitCodes);
    app.add_option("paths", o.paths, "Files and directories to analyse");
    app.add_option("-f,--format", o.format, "Output format: text, gcc, json, sarif, github, junit, gitlab")
        ->default_str("text");
    app.add_option("-o,--output", o.output, "Write the report to FILE instead of standard output");
    app.add_option("--fail-on", o.fail_on, "Lowest level that makes the exit code 1: error, warning, note, never")
        ->check(CLI::IsMember({"error", "warning", "note", "never"}))
        ->default_str("error");
    app.add_option("--select", o.select, "Only these rules (ids or id prefixes, comma separated)")
        ->allow_extra_args(false);
    app.add_option("--ignore", o.ignore, "Skip these rules (ids or id prefixes, comma separated)")
        ->allow_extra_args(false);
    app.add_option("-p,--parameter", o.parameters, "Template parameter value Key=Value (repeatable)")
        ->allow_extra_args(false);
    app.add_option("--parameters-file", o.parameters_file,
                   "Parameter values in the AWS CLI JSON format [{\"ParameterKey\":…,\"ParameterValue\":…}]");
    app.add_option("--tf-root", o.tf_root, "Directory of the .tf files behind a Terraform plan (for line numbers)");
    app.add_option("-j,--jobs", o.jobs, "Files analysed in parallel (default: number of cores)");
    app.add_option("--color", o.color, "Colour in text output: auto, always, never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
    app.add_flag("-q,--quiet", o.quiet, "Print only findings, no summary (for hooks)");
    app.add_flag("--report-suppressed", o.report_suppressed,
                 "Keep suppressed findings in SARIF and JSON output (they never affect the exit code)");
    app.add_flag("--list-rules", o.list_rules, "List every rule and exit");
    app.add_option("--explain", o.explain_rule, "Explain a rule (e.g. VL504) and exit");
    app.add_option("--explain-function", o.explain_function,
                   "Explain one function of one file: its subnets' egress and its needs");
    app.add_flag("-V,--version", o.version, "Print the version and exit");
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
        std::cout << rule_list_text();
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

    FrontendOptions fo;
    fo.tf_root = o.tf_root;
    std::string error;
    if (!o.parameters_file.empty() && !read_parameters_file(o.parameters_file, fo.parameters, error)) {
        std::cerr << "vpclint: " << error << "\n";
        return 2;
    }
    if (!parse_parameter_args(o.parameters, fo.parameters, error)) {
        std::cerr << "vpclint: " << error << "\n";
        return 2;
    }
    if (!o.explain_function.empty()) return run_explain_function(o, fo);
    if (o.paths.empty()) {
        std::cerr << "vpclint: no input: name files or directories (see --help)\n";
        return 2;
    }
    auto format = parse_report_format(o.format);
    if (!format) {
        std::cerr << "vpclint: unknown format '" << o.format << "' (text, gcc, json, sarif, github, junit, gitlab)\n";
        return 2;
    }
    RuleFilter filter{split_ids(o.select), split_ids(o.ignore)};
    for (const std::string& id : filter.select)
        if (id.rfind("VL", 0) != 0) {
            std::cerr << "vpclint: --select expects rule ids like VL504, got '" << id << "'\n";
            return 2;
        }

    Discovery found = discover(o.paths);
    bool input_error = false;
    for (const std::string& p : found.errors) {
        std::cerr << "vpclint: " << p << ": no such file or directory\n";
        input_error = true;
    }
    unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::vector<FileResult> results = analyse_all(found.files, fo, filter, jobs);

    ReportInput in;
    size_t suppressed = 0;
    std::map<std::string, const std::string*> sources;
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
        for (Diagnostic& d : r.diagnostics) {
            if (d.suppressed) {
                ++suppressed;
                bool keep = o.report_suppressed && (*format == ReportFormat::Sarif || *format == ReportFormat::Json);
                if (!keep) continue;
            }
            in.diagnostics.push_back(std::move(d));
        }
    }
    sort_diagnostics(in.diagnostics);
    for (const Rule& r : all_rules())
        if (filter.enabled(r.descriptor->id)) in.rules.push_back(&r);
    in.working_directory = std::filesystem::current_path().string();
    in.quiet = o.quiet;
    bool tty = o.output.empty() && isatty(STDOUT_FILENO);
    in.color = o.color == "always" || (o.color == "auto" && tty && !std::getenv("NO_COLOR"));
    in.source_line = [&sources](const std::string& file, uint32_t line) -> std::string {
        auto it = sources.find(file);
        if (it == sources.end() || line == 0) return {};
        const std::string& s = *it->second;
        size_t pos = 0;
        for (uint32_t l = 1; l < line; ++l) {
            pos = s.find('\n', pos);
            if (pos == std::string::npos) return {};
            ++pos;
        }
        size_t end = s.find('\n', pos);
        std::string text = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        if (!text.empty() && text.back() == '\r') text.pop_back();
        return text;
    };

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
    if (parse_error || input_error) return 2;
    if (!any || o.fail_on == "never") return 0;
    Severity threshold = o.fail_on == "note" ? Severity::Note : o.fail_on == "warning" ? Severity::Warning : Severity::Error;
    return worst >= threshold ? 1 : 0;
}
