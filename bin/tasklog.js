#!/usr/bin/env node
// The `tasklog` command (package.json "bin"). This file is committed, not built, so that the bin npm
// links exists in every checkout: `npm publish` from a clean clone checks it before `prepack` builds.
// The command itself is dist/tasklog.js (built by `npm run build`; `prepack` runs it).
await import("../dist/tasklog.js");
