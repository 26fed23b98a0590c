#!/usr/bin/env bash
# `vpclint lsp` over pipes with a scripted JSON-RPC client (tests/e2e/lsp_protocol.py).
# Usage: lsp.sh VPCLINT_BINARY SOURCE_DIR
set -u
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
exec python3 "$(dirname "$0")/lsp_protocol.py" "$1" "$2"
