#!/usr/bin/env bash
# Run Node.js 20 (what the VS Code markdownlint extension runs on) with the given arguments.
# npm scripts run on Node 22 (the node@22 dev dependency comes first on PATH, also for nested
# `npm run`), so the system's Node 20 is looked up explicitly; TASKLOG_NODE20 may name another one.
set -euo pipefail
for candidate in "${TASKLOG_NODE20:-}" "${npm_node_execpath:-}" /usr/bin/node /usr/local/bin/node $(which -a node 2>/dev/null || true); do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  if [ "$("$candidate" -p 'process.versions.node.split(".")[0]')" = "20" ]; then
    exec "$candidate" "$@"
  fi
done
echo "with-node20: no Node.js 20 found (set TASKLOG_NODE20 to one)" >&2
exit 1
