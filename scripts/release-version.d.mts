/** Types of scripts/release-version.mjs (a plain script, run by release-it without a build). */
export declare const OWN_PIN: RegExp;
export declare function withVersion(text: string, version: string): string;
