#!/usr/bin/env bash
# `vpclint lsp` workspace pass: .vpclint.yaml and cross-stack imports (tests/e2e/lsp_workspace.py).
# Usage: lsp_workspace.sh VPCLINT_BINARY SOURCE_DIR
set -u
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
exec python3 "$(dirname "$0")/lsp_workspace.py" "$1" "$2"
