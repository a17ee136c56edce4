#!/usr/bin/env node
/** The `tasklog` executable (package.json "bin"): runs the command and exits with its code. */
import { runTasklog } from "./main.js";

const result = await runTasklog(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
