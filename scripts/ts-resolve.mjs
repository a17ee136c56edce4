/**
 * Lets plain Node 22 run the scripts of this folder over the TypeScript sources: Node strips the types
 * of a `.ts` file but resolves `./x.js` literally, while the sources (written for TypeScript's
 * `nodenext` resolution) name their siblings `./x.js`. This synchronous resolve hook maps a relative
 * `.js` specifier written in a `.ts` file to the `.ts` file beside it when no `.js` file is there.
 * Imported first by every script that loads a source or test-support module (scripts/bench-logs.ts,
 * scripts/output-guard.ts); `module.registerHooks` is Node 22.15+, which the scripts need anyway.
 */
import { existsSync } from "node:fs";
import { registerHooks } from "node:module";
import { fileURLToPath } from "node:url";

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (
      (specifier.startsWith("./") || specifier.startsWith("../")) &&
      specifier.endsWith(".js") &&
      context.parentURL?.startsWith("file:") === true &&
      context.parentURL.endsWith(".ts")
    ) {
      const candidate = new URL(specifier, context.parentURL);
      if (!existsSync(fileURLToPath(candidate))) {
        const typescript = new URL(`${candidate.href.slice(0, -".js".length)}.ts`);
        if (existsSync(fileURLToPath(typescript))) return nextResolve(typescript.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});
