#!/usr/bin/env bash
# `vpclint lsp` memory stays flat over 10,000 edits (tests/e2e/lsp_memory.py).
# Usage: lsp_memory.sh VPCLINT_BINARY SOURCE_DIR
set -u
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
[ -r /proc/self/status ] || { echo "no /proc: RSS cannot be read"; exit 77; }
exec python3 "$(dirname "$0")/lsp_memory.py" "$1" "$2"
