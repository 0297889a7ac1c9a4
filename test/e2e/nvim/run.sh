#!/usr/bin/env bash
# Runs the Neovim LSP test (lsp_test.lua) against the built server on a throwaway copy of test/e2e/workspace.
# Neovim writes its log and state under XDG folders: they go to a temporary folder too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
command -v nvim >/dev/null || { echo "nvim: 0 passed, 1 failed, 0 skipped (nvim is not installed: apt-get install neovim)"; exit 1; }
[ -f "$root/dist/server.js" ] || { echo "nvim: 0 passed, 1 failed, 0 skipped (dist/server.js is missing: npm run build)"; exit 1; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/pyinsight-e2e-nvim.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
cp -r "$here/../workspace" "$scratch/workspace"
export XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache" XDG_DATA_HOME="$scratch/data" XDG_STATE_HOME="$scratch/state"
export PYINSIGHT_SERVER="$root/dist/server.js" PYINSIGHT_NVIM_WORKSPACE="$scratch/workspace"
# stdin from /dev/null: headless Neovim must not wait on a terminal; the Lua script ends with qall!/cquit.
nvim --headless --clean -u NONE -c "luafile $here/lsp_test.lua" </dev/null
