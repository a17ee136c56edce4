/**
 * A deterministic generator of Conventional Commits headers for the commitlint oracle test: every
 * part (type, scope, `!`, separator, subject) is varied over good and bad values, first one part at
 * a time from a good header, then in seeded random combinations.
 *
 * Left out on purpose (documented differences, tested one by one in tests/grammar/commit.test.ts):
 * the empty header and subjects of only spaces (see `isDocumentedDifference`); the part lists hold
 * no quoted text in a scope, no type or scope that starts with a digit and has capitals, and no
 * capitals in subject text shaped like `(x): ` (commitlint's greedy scope would take it).
 */
import { COMMIT_TYPES } from "../../src/convention.js";
import { mulberry32 } from "./prng.js";

/** The convention's types (which are config-conventional's), then wrong ones. */
export const GEN_TYPES = [
  ...COMMIT_TYPES,
  "Feat",
  "FIX",
  "Docs",
  "feature",
  "wip",
  "fix_it",
  "bugfix",
  "fixes2",
  "fEAT",
  "",
];
export const GEN_SCOPES = [
  "",
  "(core)",
  "(ci-tasks)",
  "(a/b)",
  "(a.b)",
  "(a_b)",
  "(pep420)",
  "(cosmic-ray)",
  "(Core)",
  "(UI)",
  "(ciTasks)",
  "(<module>)",
  "(<Module>)",
  "(<area>)",
  "()",
  "(a b)",
  "(a,b)",
  "(a, B)",
  "(x",
  "(a)(b)",
  "(a)!(b)",
  "(-x)",
  "(a//b)",
  "(é)",
  "(É)",
];
export const GEN_BANGS = ["", "!"];
export const GEN_SEPARATORS = [": ", ":", " : ", ":  ", " ", "", " - ", ":\t", " :", "::", ": : "];
export const GEN_SUBJECTS = [
  "add regression suite",
  "Add regression suite",
  "add README",
  "README update",
  "ADD THING",
  "add thing.",
  "add thing...",
  "add thing..",
  "add thing. ",
  " add thing",
  "update stuff",
  "Update stuff",
  "wip",
  "WIP",
  "x",
  "",
  "add (nested): colons",
  "fix `Foo` handling",
  "Über alles",
  "über alles",
  "2 fixes",
  "i18n support",
  "add thing!",
  "add thing?",
  "add e.g. this",
  "apply related-document template across READMEs",
  "add thing\u00a0",
  "Add Thing To Parser",
  "addThing",
  "AddThing",
  "a".repeat(70),
  `add ${"very ".repeat(20)}long subject`,
  "add thing: with colon",
  "add a (b)",
  "ok",
  "🚀 launch",
  "add thing 🚀",
];

/** About `count` distinct headers, the same on every run. */
export function generateHeaders(count = 800): string[] {
  const out = new Set<string>();
  const base = { type: "feat", scope: "(core)", bang: "", separator: ": ", subject: "add regression suite" };
  const make = (part: Partial<typeof base>): string => {
    const p = { ...base, ...part };
    return `${p.type}${p.scope}${p.bang}${p.separator}${p.subject}`;
  };
  for (const type of GEN_TYPES) out.add(make({ type }));
  for (const scope of GEN_SCOPES) out.add(make({ scope }));
  for (const bang of GEN_BANGS) out.add(make({ bang }));
  for (const separator of GEN_SEPARATORS) out.add(make({ separator }));
  for (const subject of GEN_SUBJECTS) {
    out.add(make({ subject }));
    out.add(make({ scope: "", subject }));
  }
  out.add("  feat: add thing");
  out.add("Add new thing");
  out.add("Merge branch 'main' into x");
  out.add('Revert "feat: add thing"');
  const random = mulberry32(20251128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (const header of out) if (isDocumentedDifference(header)) out.delete(header);
  while (out.size < count) {
    const header = `${pick(GEN_TYPES)}${pick(GEN_SCOPES)}${pick(GEN_BANGS)}${pick(GEN_SEPARATORS)}${pick(GEN_SUBJECTS)}`;
    if (!isDocumentedDifference(header)) out.add(header);
  }
  return [...out];
}

/**
 * Headers on which the pack and commitlint disagree by design: commitlint skips an empty message,
 * and counts a subject of only spaces (`feat:   `) as a subject; the pack reports both as empty.
 */
export function isDocumentedDifference(header: string): boolean {
  return header === "" || /: \s+$/.test(header);
}
