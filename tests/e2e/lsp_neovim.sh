#!/usr/bin/env bash
# `vpclint lsp` with a real client: Neovim from Debian (tests/e2e/lsp_neovim.lua).
# Typing a public subnet into a function's SubnetIds on a 5,000-line template
# shows VL101; taking it out clears it. The time from the last keystroke to
# the diagnostic is printed (bench/RESULTS.md records it), not asserted.
# Usage: lsp_neovim.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
command -v nvim >/dev/null || { echo "nvim missing (scripts/test installs neovim)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 243 functions, ~5,000 lines; every function moved to a private subnet.
python3 "$src/bench/gen_functions.py" 243 |
  python3 -c 'import re,sys; print(re.sub(r"SubnetIds: \[!Ref Subnet(\d+)\]", lambda m: "SubnetIds: [!Ref Subnet%d]" % (int(m.group(1)) | 1), sys.stdin.read()), end="")' \
  >"$tmp/template.yaml"
line=$(grep -n 'SubnetIds: \[!Ref Subnet1\]' "$tmp/template.yaml" | head -1 | cut -d: -f1)
[ -n "$line" ] || { echo "FAIL generator: no Subnet1 function"; exit 1; }
VPCLINT_BIN=$bin LSP_FILE=$tmp/template.yaml LSP_LINE=$line LSP_RESULT=$tmp/result HOME=$tmp XDG_CONFIG_HOME=$tmp \
  XDG_DATA_HOME=$tmp XDG_STATE_HOME=$tmp timeout 120 \
  nvim --headless -u NONE -i NONE -n -c "luafile $src/tests/e2e/lsp_neovim.lua" </dev/null >"$tmp/nvim.out" 2>&1
rc=$?
result=$(cat "$tmp/result" 2>/dev/null || echo "FAIL no result (nvim exit $rc)")
echo "neovim $(nvim --version | head -1): $result"
case "$result" in
  ok*) [ "$rc" -eq 0 ] && exit 0 ;;
esac
sed 's/^/  | /' "$tmp/nvim.out" | head -20
exit 1
