/**
 * A small analyser of the pack's regular expressions, shared by `npm run bench:regex`
 * (scripts/regex-adversarial.ts) and tests/regex-attacks.test.ts.
 *
 * - `parsePattern` reads a pattern into a tree (characters and classes, groups, alternatives,
 *   quantifiers, anchors, look-arounds; what the pack's patterns use).
 * - `attackShapes` derives the inputs a backtracking engine is slow on, from the pattern's ambiguous
 *   loops, as a regex analyser (e.g. `recheck`) reports them: two loops that can take the same
 *   character with only optional items between them (`[ \t]*:?[ \t]*`, a lazy `[A-Za-z ?]*?` before
 *   `[ \t]*`), a loop inside a repeated group that can take the same character, and a loop the search
 *   reaches from many start positions (an unanchored pattern, or `^` with the `m` flag before a loop
 *   that crosses line breaks). Each shape is the text before the loop, the shared character pumped n
 *   times, and a suffix that makes the match fail.
 * - `countSteps` runs a pattern the way a backtracking engine does (ordered choice, greedy and lazy
 *   loops, one search per start position) and counts the steps: the work a match does, without timing
 *   it. Look-arounds are asked of the real engine at one position (one step each).
 */

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface Found {
  readonly where: string;
  readonly name: string | undefined;
  readonly regex: RegExp;
  readonly approx: boolean;
}

/** Every TypeScript file under src/ and rules/, at any depth (the command's and readers' too). */
const sourceFilesOf = (root: string): string[] =>
  ["src", "rules"].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .sort()
      .map((file) => join(root, dir, file)),
  );

function literalToRegExp(text: string): RegExp {
  const slash = text.lastIndexOf("/");
  return new RegExp(text.slice(1, slash), text.slice(slash + 1));
}

/**
 * Every regular expression of the pack's sources under `root`: every literal (with the name of the
 * constant holding it), then every `new RegExp(…)` whose pattern is a template of other patterns'
 * `.source` (resolved) and plain expressions (replaced by a representative string, marked `approx`).
 */
export function collectPatterns(root: string): { found: Found[]; unresolved: string[] } {
  const found: Found[] = [];
  const unresolved: string[] = [];
  const byName = new Map<string, RegExp>();
  const dynamic: { where: string; node: ts.NewExpression; file: ts.SourceFile }[] = [];
  for (const path of sourceFilesOf(root)) {
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node): string =>
      `${relative(root, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const regex = literalToRegExp(node.getText(file));
        const parent = node.parent;
        const name = parent !== undefined && ts.isVariableDeclaration(parent) ? parent.name.getText(file) : undefined;
        if (name !== undefined) byName.set(name, regex);
        found.push({ where: where(node), name, regex, approx: false });
      } else if (ts.isNewExpression(node) && node.expression.getText(file) === "RegExp") {
        dynamic.push({ where: where(node), node, file });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  for (const { where, node, file } of dynamic) {
    const [pattern, flags] = node.arguments ?? [];
    if (pattern === undefined) continue;
    let approx = false;
    let source: string | undefined;
    const piece = (expression: ts.Expression): string => {
      const text = expression.getText(file);
      const sourceOf = /^(\w+)\.source$/.exec(text);
      if (sourceOf !== null && byName.has(sourceOf[1] as string))
        return (byName.get(sourceOf[1] as string) as RegExp).source;
      approx = true;
      return "``";
    };
    if (ts.isNoSubstitutionTemplateLiteral(pattern) || ts.isStringLiteral(pattern)) {
      source = pattern.text;
    } else if (ts.isTemplateExpression(pattern)) {
      source =
        pattern.head.text + pattern.templateSpans.map((span) => piece(span.expression) + span.literal.text).join("");
    } else {
      source = piece(pattern);
    }
    const flagText = flags !== undefined && ts.isStringLiteral(flags) ? flags.text : "";
    try {
      found.push({ where, name: undefined, regex: new RegExp(source, flagText), approx });
    } catch {
      unresolved.push(where);
    }
  }
  return { found, unresolved };
}

export type Node =
  | { readonly kind: "char"; readonly source: string; readonly test: (char: string) => boolean }
  | { readonly kind: "seq"; readonly items: readonly Node[] }
  | { readonly kind: "alt"; readonly options: readonly Node[] }
  | { readonly kind: "group"; readonly body: Node }
  | { readonly kind: "repeat"; readonly body: Node; readonly min: number; readonly max: number; readonly lazy: boolean }
  | { readonly kind: "anchor"; readonly which: "^" | "$" | "\\b" | "\\B" }
  | { readonly kind: "look"; readonly source: string };

export interface Pattern {
  readonly root: Node;
  readonly flags: string;
  readonly multiline: boolean;
  readonly unicode: boolean;
}

/** Parse `regex` (throws on syntax the analyser does not know, such as back-references). */
export function parsePattern(regex: RegExp): Pattern {
  const source = regex.source;
  const unicode = regex.unicode || regex.flags.includes("v");
  // Flags for testing one character or one look-around alone.
  const charFlags = regex.flags.replace(/[gymd]/g, "");
  let i = 0;
  const charNode = (text: string): Node => {
    const single = new RegExp(`^(?:${text})$`, charFlags);
    return { kind: "char", source: text, test: (char) => single.test(char) };
  };
  const parseAlt = (): Node => {
    const options: Node[] = [parseSeq()];
    while (source[i] === "|") {
      i++;
      options.push(parseSeq());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: "alt", options };
  };
  const parseSeq = (): Node => {
    const items: Node[] = [];
    while (i < source.length && source[i] !== "|" && source[i] !== ")") items.push(parseQuantified());
    return items.length === 1 ? (items[0] as Node) : { kind: "seq", items };
  };
  const parseQuantified = (): Node => {
    const atom = parseAtom();
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i));
    if (quantifier === null) return atom;
    i += quantifier[0].length;
    let min = 0;
    let max = Number.POSITIVE_INFINITY;
    if (quantifier[0] === "+") min = 1;
    else if (quantifier[0] === "?") max = 1;
    else if (quantifier[0] !== "*") {
      min = Number(quantifier[1]);
      max = quantifier[2] === undefined ? min : quantifier[3] === "" ? Number.POSITIVE_INFINITY : Number(quantifier[3]);
    }
    const lazy = source[i] === "?";
    if (lazy) i++;
    return { kind: "repeat", body: atom, min, max, lazy };
  };
  const parseAtom = (): Node => {
    const char = source[i] as string;
    if (char === "(") {
      const start = i;
      const head = /^\((\?(?:<?[=!]|:|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i)) as RegExpExecArray;
      i += head[0].length;
      const body = parseAlt();
      if (source[i] !== ")") throw new Error(`unclosed group in /${source}/`);
      i++;
      const kind = head[1] ?? "";
      if (kind.startsWith("?=") || kind.startsWith("?!") || kind.startsWith("?<=") || kind.startsWith("?<!"))
        return { kind: "look", source: source.slice(start, i) };
      return { kind: "group", body };
    }
    if (char === "^" || char === "$") {
      i++;
      return { kind: "anchor", which: char };
    }
    if (char === "[") {
      const start = i;
      i++;
      if (source[i] === "^") i++;
      if (source[i] === "]") i++;
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
      i++;
      return charNode(source.slice(start, i));
    }
    if (char === "\\") {
      const next = source[i + 1] as string;
      if (next === "b" || next === "B") {
        i += 2;
        return { kind: "anchor", which: `\\${next}` };
      }
      if (/[1-9k]/.test(next)) throw new Error(`back-reference in /${source}/`);
      const escaped = /^\\(?:[pP]\{[^}]*\}|u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|.)/s.exec(
        source.slice(i),
      ) as RegExpExecArray;
      i += escaped[0].length;
      return charNode(escaped[0]);
    }
    // A literal (a surrogate pair is one character under the `u` flag).
    const width = unicode && (source.codePointAt(i) as number) > 0xffff ? 2 : 1;
    i += width;
    return charNode(source.slice(i - width, i));
  };
  const root = parseAlt();
  if (i !== source.length) throw new Error(`unbalanced ) in /${source}/`);
  return { root, flags: regex.flags, multiline: regex.multiline, unicode };
}

// --- Attack shapes --------------------------------------------------------------------------------

const nullable = (node: Node): boolean => {
  switch (node.kind) {
    case "char":
      return false;
    case "seq":
      return node.items.every(nullable);
    case "alt":
      return node.options.some(nullable);
    case "group":
      return nullable(node.body);
    case "repeat":
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
};

/** A loop: a repeated single character or class that can repeat more than once. */
type CharNode = Extract<Node, { kind: "char" }>;
type Loop = Extract<Node, { kind: "repeat" }> & { readonly body: CharNode };
const isLoop = (node: Node): node is Loop => node.kind === "repeat" && node.body.kind === "char" && node.max > 1;

/** Loops that can take the first (`edge` "first") or last character of what `node` matches. */
function edgeLoops(node: Node, edge: "first" | "last"): Loop[] {
  if (isLoop(node)) return [node];
  switch (node.kind) {
    case "group":
    case "repeat":
      return edgeLoops(node.body, edge);
    case "alt":
      return node.options.flatMap((option) => edgeLoops(option, edge));
    case "seq": {
      const items = edge === "first" ? node.items : [...node.items].reverse();
      const loops: Loop[] = [];
      for (const item of items) {
        loops.push(...edgeLoops(item, edge));
        if (!nullable(item)) break;
      }
      return loops;
    }
    default:
      return [];
  }
}

/** A short text `node` matches (look-arounds and anchors read as empty). */
function witness(node: Node, sample: (node: CharNode) => string): string {
  switch (node.kind) {
    case "char":
      return sample(node);
    case "seq":
      return node.items.map((item) => witness(item, sample)).join("");
    case "alt":
      return node.options
        .map((option) => witness(option, sample))
        .reduce((shortest, text) => (text.length < shortest.length ? text : shortest));
    case "group":
      return witness(node.body, sample);
    case "repeat":
      return witness(node.body, sample).repeat(Math.min(node.min, 64));
    default:
      return "";
  }
}

export interface AttackShape {
  /** Readable name: `before` + `(pump)ⁿ` + the reason. */
  readonly label: string;
  /** The text before the pumped run. */
  readonly before: string;
  /** The repeated unit. */
  readonly pump: string;
  /** The attack at size about `n` characters, before a failing suffix is added. */
  make(n: number): string;
}

/** Characters tried as the shared character of two loops. */
const UNIVERSE = [" ", "\t", "\n", "a", "A", "z", "7", ":", "-", ".", "_", "?", "#", "/", "é", "\u00a0", "·", "`", "*"];

/**
 * The attack shapes of `regex`: for each ambiguity found, the text that reaches it, the character
 * pumped, and the reason. Callers add failing suffixes (`""`, `"\u0000"`, `"!"`, `"\n"`).
 */
export function attackShapes(regex: RegExp, extraChars: readonly string[] = []): AttackShape[] {
  const pattern = parsePattern(regex);
  const universe = [...new Set([...UNIVERSE, ...extraChars])];
  // A literal stands for itself; a class for the first character of the universe it takes.
  const sample = (node: CharNode): string => {
    const literal = node.source.length === 2 && node.source[0] === "\\" ? node.source[1] : node.source;
    if (literal !== undefined && [...literal].length === 1 && node.test(literal)) return literal;
    return universe.find(node.test) ?? "a";
  };
  const shapes = new Map<string, AttackShape>();
  const add = (before: string, pump: string, why: string): void => {
    const key = `${before}\u0000${pump}`;
    if (pump === "" || shapes.has(key)) return;
    const show = (text: string): string => JSON.stringify(text).slice(1, -1);
    shapes.set(key, {
      label: `${show(before)}(${show(pump)})ⁿ ${why}`,
      before,
      pump,
      make: (n) => before + pump.repeat(Math.max(1, Math.floor((n - before.length) / pump.length))),
    });
  };
  const shared = (a: Loop, b: Loop): string[] => universe.filter((char) => a.body.test(char) && b.body.test(char));
  const walk = (node: Node, before: string): void => {
    switch (node.kind) {
      case "seq": {
        let prefix = before;
        node.items.forEach((item, index) => {
          // Loops at the end of an earlier item that meet loops at the start of this one across
          // optional items only.
          for (let j = index - 1; j >= 0; j--) {
            const earlier = node.items[j] as Node;
            for (const a of edgeLoops(earlier, "last"))
              for (const b of edgeLoops(item, "first"))
                if (a !== b) for (const char of shared(a, b).slice(0, 2)) add(prefix, char, "two loops take it");
            if (!nullable(earlier)) break;
          }
          walk(item, prefix);
          prefix += witness(item, sample);
        });
        return;
      }
      case "alt":
        for (const option of node.options) walk(option, before);
        return;
      case "group":
        walk(node.body, before);
        return;
      case "repeat": {
        if (node.max > 1 && !isLoop(node)) {
          // A repeated group whose own loops can take the character the group starts or ends with.
          const inner = [...edgeLoops(node.body, "first"), ...edgeLoops(node.body, "last")];
          for (const loop of inner)
            for (const char of universe.filter(loop.body.test).slice(0, 2)) add(before, char, "nested loops take it");
          // And the group pumped whole.
          const unit = witness(node.body, sample);
          if (unit !== "") add(before, unit, "the repeated group");
        }
        walk(node.body, before);
        return;
      }
      default:
        return;
    }
  };
  walk(pattern.root, "");
  // Start positions: the search retries every position (every line start for `^` with `m`).
  const firsts = edgeLoops(pattern.root, "first");
  const anchored = startsWithAnchor(pattern.root);
  for (const loop of firsts) {
    for (const char of universe.filter(loop.body.test).slice(0, 3)) {
      if (!anchored) add("", char, "the search retries each start");
      else if (pattern.multiline && /[\n\r\u2028\u2029]/.test(char)) add("", char, "each line start retries");
    }
    if (anchored && pattern.multiline && loop.body.test(" ") && loop.body.test("\n"))
      add("", " \n", "each line start retries");
  }
  // Every loop, reached from many start positions: the text before it and one character, repeated.
  const everyLoop = (node: Node, before: string): void => {
    if (isLoop(node)) {
      const char = sample(node.body);
      if (before !== "") add("", before + char, "the search retries each start");
      return;
    }
    if (node.kind === "seq") {
      let prefix = before;
      for (const item of node.items) {
        everyLoop(item, prefix);
        prefix += witness(item, sample);
      }
    } else if (node.kind === "alt") for (const option of node.options) everyLoop(option, before);
    else if (node.kind === "group" || node.kind === "repeat") everyLoop(node.body, before);
  };
  if (!anchored || pattern.multiline) everyLoop(pattern.root, "");
  return [...shapes.values()];
}

function startsWithAnchor(node: Node): boolean {
  switch (node.kind) {
    case "anchor":
      return node.which === "^";
    case "seq":
      return node.items[0] !== undefined && startsWithAnchor(node.items[0]);
    case "group":
      return startsWithAnchor(node.body);
    case "alt":
      return node.options.every(startsWithAnchor);
    default:
      return false;
  }
}

// --- Counting a backtracking engine's steps --------------------------------------------------------

export interface CountedMatch {
  /** Start and end of the first match, or undefined. */
  readonly match: { readonly index: number; readonly end: number } | undefined;
  /** Steps: every node tried at a position, every loop iteration, every start position. */
  readonly steps: number;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The first match of `regex` in `text` (searching from every start position unless `sticky`), the
 * way a backtracking engine finds it, with the number of steps taken. Meant for short patterns and
 * inputs of a few thousand characters (the recursion is as deep as the match is long).
 */
export function countSteps(regex: RegExp, text: string): CountedMatch {
  const pattern = parsePattern(regex);
  const lookFlags = `${pattern.flags.replace(/[gy]/g, "")}y`;
  const looks = new Map<string, RegExp>();
  let steps = 0;
  const charAt = (pos: number): string =>
    pattern.unicode ? String.fromCodePoint(text.codePointAt(pos) as number) : (text[pos] as string);
  const isWord = (pos: number): boolean => pos >= 0 && pos < text.length && /\w/.test(text[pos] as string);
  type Next = (pos: number) => boolean;
  const run = (node: Node, pos: number, next: Next): boolean => {
    steps++;
    switch (node.kind) {
      case "char": {
        if (pos >= text.length) return false;
        const char = charAt(pos);
        return node.test(char) && next(pos + char.length);
      }
      case "seq": {
        const from = (index: number, at: number): boolean =>
          index === node.items.length ? next(at) : run(node.items[index] as Node, at, (p) => from(index + 1, p));
        return from(0, pos);
      }
      case "alt":
        return node.options.some((option) => run(option, pos, next));
      case "group":
        return run(node.body, pos, next);
      case "repeat": {
        const again = (count: number, at: number): boolean => {
          steps++;
          const more = (): boolean =>
            count < node.max &&
            run(node.body, at, (p) => (p === at && count >= node.min ? false : again(count + 1, p)));
          if (count < node.min) return more();
          return node.lazy ? next(at) || more() : more() || next(at);
        };
        return again(0, pos);
      }
      case "anchor": {
        let ok: boolean;
        if (node.which === "^") ok = pos === 0 || (pattern.multiline && LINE_BREAK.test(text[pos - 1] as string));
        else if (node.which === "$")
          ok = pos === text.length || (pattern.multiline && LINE_BREAK.test(text[pos] as string));
        else ok = (isWord(pos - 1) !== isWord(pos)) === (node.which === "\\b");
        return ok && next(pos);
      }
      case "look": {
        let look = looks.get(node.source);
        if (look === undefined) {
          look = new RegExp(node.source, lookFlags);
          looks.set(node.source, look);
        }
        look.lastIndex = pos;
        return look.test(text) && next(pos);
      }
    }
  };
  const sticky = regex.sticky;
  for (let start = 0; start <= text.length; start++) {
    steps++;
    let end = -1;
    if (
      run(pattern.root, start, (p) => {
        end = p;
        return true;
      })
    )
      return { match: { index: start, end }, steps };
    if (sticky) break;
  }
  return { match: undefined, steps };
}

/** Failing ends added to every attack shape. */
export const FAILING_ENDS: readonly string[] = ["", "\u0000", "!", "\n", " "];

/**
 * The largest growth of `countSteps` from `small` to `large` characters over the attack shapes of
 * `shapesOf` (by default `regex`'s own) with every failing end: about `large / small` for a linear
 * pattern, its square for a quadratic one. A run that stops early (under 4 steps a character) counts as 1.
 */
export function stepGrowth(
  regex: RegExp,
  shapesOf: RegExp = regex,
  small = 150,
  large = 600,
): { readonly growth: number; readonly label: string; readonly shapes: number } {
  let worst = { growth: 0, label: "" };
  const shapes = attackShapes(shapesOf);
  for (const shape of shapes) {
    for (const end of FAILING_ENDS) {
      let few: number;
      let many: number;
      try {
        few = countSteps(regex, shape.make(small) + end).steps;
        many = countSteps(regex, shape.make(large) + end).steps;
      } catch (error) {
        // The step model recurses once per character and nesting level: a deeply nested pattern can
        // exhaust the stack (vitest's workers have a smaller one) at these sizes. Measure it at a third
        // of them, still four times apart.
        if (!(error instanceof RangeError) || small < 30) throw error;
        return stepGrowth(regex, shapesOf, Math.round(small / 3), Math.round(large / 3));
      }
      const growth = many < 4 * large ? 1 : many / few;
      if (growth > worst.growth) worst = { growth, label: `${shape.label}+${JSON.stringify(end)}` };
    }
  }
  return { ...worst, shapes: shapes.length };
}
