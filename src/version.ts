/** The package's version (scripts/release-version.mjs writes it on every release; a test checks it equals package.json's). */
export const VERSION = "0.1.0";
