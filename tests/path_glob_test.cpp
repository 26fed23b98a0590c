// Globs of the configuration file and .gitignore patterns.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/path_glob.h"

using namespace vpclint;
namespace fs = std::filesystem;

TEST_CASE("glob: * and ? stay in a segment, ** spans segments", "[glob]") {
    CHECK(glob_match("stacks/*.yaml", "stacks/app.yaml"));
    CHECK_FALSE(glob_match("stacks/*.yaml", "stacks/sub/app.yaml"));
    CHECK(glob_match("stacks/**/*.yaml", "stacks/sub/deep/app.yaml"));
    CHECK(glob_match("stacks/**/*.yaml", "stacks/app.yaml"));  // **/ matches no directory too
    CHECK(glob_match("**/cdk.out", "a/b/cdk.out"));
    CHECK(glob_match("**/cdk.out", "cdk.out"));
    CHECK(glob_match("app-?.yaml", "app-1.yaml"));
    CHECK_FALSE(glob_match("app-?.yaml", "app-12.yaml"));
    CHECK_FALSE(glob_match("a?b", "a/b"));
    CHECK(glob_match("Orders*", "OrdersFunction"));
    CHECK(glob_match("module.app.aws_lambda_function.*", "module.app.aws_lambda_function.api"));
    CHECK_FALSE(glob_match("build", "build/x.yaml"));
    CHECK(glob_match("build/**", "build/x.yaml"));
    CHECK(glob_match("*", ""));
    CHECK_FALSE(glob_match("a", ""));
}

TEST_CASE("gitignore: anchoring, directories, negation, nested files", "[glob]") {
    fs::path top = fs::temp_directory_path() / "vpclint-gitignore-test";
    fs::remove_all(top);
    fs::create_directories(top / "sub");
    std::ofstream(top / ".gitignore") << "# comment\n*.tmp.yaml\n/generated/\nkeep/\n!important.tmp.yaml\n";
    std::ofstream(top / "sub" / ".gitignore") << "local.yaml\n";
    GitIgnore g(top.string());
    auto at = [&](const char* rel) { return (top / rel).lexically_normal().string(); };
    CHECK(g.ignored(at("x.tmp.yaml"), false));
    CHECK(g.ignored(at("sub/deep/x.tmp.yaml"), false));
    CHECK_FALSE(g.ignored(at("important.tmp.yaml"), false));  // negated later
    CHECK(g.ignored(at("generated"), true));
    CHECK_FALSE(g.ignored(at("sub/generated"), true));        // anchored to the top
    CHECK_FALSE(g.ignored(at("generated"), false));           // a directory pattern
    CHECK(g.ignored(at("a/keep"), true));
    CHECK(g.ignored(at("sub/local.yaml"), false));            // sub/.gitignore
    CHECK_FALSE(g.ignored(at("local.yaml"), false));          // ...only below sub/
    CHECK_FALSE(g.ignored("/elsewhere/x.tmp.yaml", false));   // outside the repository
    fs::remove_all(top);
}
