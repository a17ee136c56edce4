import { canonicalLabel, LABEL_FORMS } from "../src/convention.js";
import { defineRule, type Reporter } from "../src/kit/define.js";
import { checkDate } from "../src/grammar/date.js";
import { listed } from "../src/messages.js";
import { at, expected, quote, replace } from "../src/kit/messages.js";
import type { Field, StatusFields, Task, Template } from "../src/model/index.js";
import { shared, strings } from "../src/kit/options.js";

/** What a task's labels are checked against. */
interface Labels {
  readonly statuses: StatusFields;
  /** Every configured field, lowercase. */
  readonly known: ReadonlySet<string>;
  /** `allowed` labels: lowercase → as listed. */
  readonly allowed: ReadonlyMap<string, string>;
  /** The document's lines (the white space between a label and its value is read from them). */
  readonly lines: readonly string[];
}

/** What the label should read, or undefined for an unknown label. */
function canonicalOf(field: Field, template: Template | undefined, labels: Labels): string | undefined {
  const key = field.key;
  const inTemplate = template?.order.has(key) ?? false;
  if (field.name !== undefined && (template === undefined || inTemplate || labels.allowed.has(key))) return field.name;
  if (labels.allowed.has(key)) return labels.allowed.get(key) as string;
  if (isDated(field)) return field.label;
  return undefined;
}

/** A dated label (`Latest baseline (2025-10-05)`) that names no field: allowed anywhere, any number of times. */
const isDated = (field: Field): boolean => field.labelDate !== undefined && field.name === undefined;

function reportUnknown(field: Field, template: Template | undefined, labels: Labels, report: Reporter): void {
  const allowed = labels.allowed.size > 0 ? `, an allowed label (${listed([...labels.allowed.values()])})` : "";
  const fields =
    template === undefined
      ? `a field of a configured status (${listed([...new Set(Object.values(labels.statuses).flat())])})`
      : `a field of ${template.status} tasks (${listed(template.fields)})`;
  const other =
    field.name !== undefined && labels.known.has(field.label.toLowerCase()) ? " (a field of other statuses)" : "";
  report({
    ...at(field.labelSpan),
    context: field.labelSpan.text,
    detail: expected(
      `${fields}${allowed} or a dated label such as "Latest baseline (YYYY-MM-DD)"`,
      `unknown label ${quote(field.label)}${other}`,
    ),
  });
}

/** The white space between a label and its value, as a message says it (`2 spaces`, `U+00A0`). */
function describeGap(gap: string): string {
  if (gap === "") return "no space before the value";
  if (/^ +$/.test(gap)) return `${gap.length} spaces before the value`;
  const points = [...gap].map(
    (char) => `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return `white space ${points.join(" ")} before the value`;
}

/**
 * The label is written `**Label**:` in its canonical spelling, and one space separates it from a value
 * on its line (fixable). Every colon and white space between the label and its value belongs to the
 * label form (the model takes a run of colons into the label), so the fix leaves exactly
 * `**Label**: value`.
 */
function checkForm(field: Field, canonical: string, lines: readonly string[], report: Reporter): void {
  const wanted = canonicalLabel(canonical);
  const lineText = lines[field.line - 1] ?? "";
  const labelEnd = field.labelSpan.column + field.labelSpan.text.length;
  // Nothing after the label on its line: trailing white space is not the label's (MD009's).
  const valueOnLine = field.valueColumn <= lineText.length;
  const gap = valueOnLine ? lineText.slice(labelEnd - 1, field.valueColumn - 1) : "";
  const wantedGap = valueOnLine ? " " : "";
  if (field.labelSpan.text === wanted && gap === wantedGap) return;
  const why = [
    ...(LABEL_FORMS[field.form].problem === undefined ? [] : [LABEL_FORMS[field.form].problem as string]),
    ...(/:[\s*_]*:[*_]*$/u.test(field.labelSpan.text) ? ["doubled colon"] : []),
    ...(field.label !== canonical ? ["wrong case"] : []),
    ...(gap === wantedGap ? [] : [describeGap(gap)]),
  ].join(", ");
  report({
    ...at(field.labelSpan),
    context: field.labelSpan.text,
    detail: expected(
      gap === wantedGap ? `label ${quote(wanted)}` : `label ${quote(wanted)} and one space before the value`,
      `${quote(field.labelSpan.text)} (${why})`,
    ),
    // The white space is replaced only when it is wrong, so the fix names no more text than it must.
    fix:
      gap === wantedGap
        ? replace(field.labelSpan, wanted)
        : {
            column: field.labelSpan.column,
            deleteCount: field.labelSpan.text.length + gap.length,
            insertText: wanted + wantedGap,
          },
  });
}

/** A dated label's date is a real calendar date. */
function checkLabelDate(field: Field, report: Reporter): void {
  const date = field.labelDate;
  if (date === undefined) return;
  const checked = checkDate(date.text);
  if (checked.ok) return;
  report({
    ...at(date),
    detail: expected("a real calendar date YYYY-MM-DD in the label", checked.reason),
    context: field.labelSpan.text,
  });
}

/** A field's canonical label (undefined for an unknown label) and its lowercase key. */
interface Canonical {
  readonly canonical: string | undefined;
  readonly key: string;
}

const ordinal = (number: number): string => ["second", "third", "fourth"][number - 2] ?? `${number}th`;

interface Block {
  /** 2 for the second block of fields, 3 for the third, … */
  readonly number: number;
  /** The block's first field: a field the task already has. */
  readonly start: Field;
  /** The block's fields that repeat a field of an earlier block, in order, with their canonical labels. */
  readonly repeated: { readonly field: Field; readonly canonical: string }[];
}

const NO_BLOCKS: ReadonlyMap<Field, Block> = new Map();

/**
 * Blocks of fields after the first: a new block starts where a field repeats one of the current
 * block (spec section 6: a second block under one heading is a task whose heading was deleted). Dated
 * labels may repeat and never start a block. Returns the block of each field after the first block.
 */
function blocksOf(task: Task, canonicals: readonly Canonical[]): Map<Field, Block> {
  const out = new Map<Field, Block>();
  const everSeen = new Set<string>();
  let current = new Set<string>();
  let block: Block | undefined;
  for (let index = 0; index < task.fields.length; index++) {
    const field = task.fields[index] as Field;
    const { canonical, key } = canonicals[index] as Canonical;
    if (canonical === undefined || isDated(field)) continue;
    if (current.has(key)) {
      block = { number: (block?.number ?? 1) + 1, start: field, repeated: [] };
      current = new Set();
    }
    current.add(key);
    if (block !== undefined) {
      out.set(field, block);
      if (everSeen.has(key)) block.repeated.push({ field, canonical });
    }
    everSeen.add(key);
  }
  return out;
}

/**
 * A field the task already has: a second block of fields (a deleted heading) is reported once, on
 * its first field; a single repeated field on its own.
 */
function reportRepeat(
  field: Field,
  canonical: string,
  earlier: Field,
  block: Block | undefined,
  seen: ReadonlyMap<string, Field>,
  report: Reporter,
): void {
  if (block !== undefined && block.repeated.length > 1) {
    if (block.start !== field) return;
    const names = block.repeated.map((repeat) => repeat.canonical);
    const lines = block.repeated.map((repeat) => (seen.get(repeat.canonical.toLowerCase()) as Field).line);
    const from = lines.reduce((a, b) => Math.min(a, b));
    const to = lines.reduce((a, b) => Math.max(a, b));
    report({
      ...at(field.labelSpan),
      context: field.labelSpan.text,
      detail: expected(
        "one block of fields per task",
        `a ${ordinal(block.number)} block from line ${field.line} repeats ${names.length} fields (${listed(names)}) ` +
          `of lines ${from}–${to}: was a task heading deleted above it?`,
      ),
    });
    return;
  }
  report({
    ...at(field.labelSpan),
    context: field.labelSpan.text,
    detail: expected(`one ${quote(canonical)} field per task`, `another on line ${earlier.line}`),
  });
}

/** Every field of the task: known, canonical, once, in template order; then the missing ones. */
function checkTask(task: Task, labels: Labels, seen: Map<string, Field>, report: Reporter): void {
  const template = task.template;
  seen.clear();
  let latest: { field: Field; index: number } | undefined;
  // Each label's canonical spelling and key, worked out once for both passes; `seen` first notes
  // whether any key repeats (only then are there blocks of fields to find).
  let repeats = false;
  const canonicals = task.fields.map((field): Canonical => {
    const canonical = canonicalOf(field, template, labels);
    const key = canonical?.toLowerCase() ?? "";
    if (canonical !== undefined && !isDated(field)) {
      if (seen.has(key)) repeats = true;
      else seen.set(key, field);
    }
    return { canonical, key };
  });
  seen.clear();
  const blocks = repeats ? blocksOf(task, canonicals) : NO_BLOCKS;

  for (let fieldIndex = 0; fieldIndex < task.fields.length; fieldIndex++) {
    const field = task.fields[fieldIndex] as Field;
    const { canonical, key } = canonicals[fieldIndex] as Canonical;
    if (canonical === undefined) {
      reportUnknown(field, template, labels, report);
      continue;
    }
    checkForm(field, canonical, labels.lines, report);
    if (isDated(field)) {
      checkLabelDate(field, report);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reportRepeat(field, canonical, earlier, blocks.get(field), seen, report);
      continue;
    }
    seen.set(key, field);
    const index = template?.order.get(key);
    if (index === undefined || template === undefined) continue;
    if (latest !== undefined && index < latest.index) {
      const before = latest.field.name ?? latest.field.label;
      report({
        ...at(field.labelSpan),
        context: field.labelSpan.text,
        detail: expected(
          `${quote(canonical)} before ${quote(before)} (line ${latest.field.line}), as in the ${template.status} template (${listed(template.fields)})`,
          "after it",
        ),
      });
    } else {
      latest = { field, index };
    }
  }

  if (template === undefined) return;
  for (const field of template.fields.filter((_, index) => !seen.has(template.keys[index] as string))) {
    report({
      ...at(task.textSpan),
      context: task.text,
      detail: expected(`field ${quote(field)} (required for ${template.status} tasks)`, "missing"),
    });
  }
}

/** TL003 task-fields: required, duplicated, out-of-order and unknown fields; label form (spec section 6). */
export default defineRule({
  id: "TL003",
  name: "task-fields",
  description: "Task has its status's fields, once each, in order",
  tag: "fields",
  options: {
    statuses: { ...shared.statuses, description: "The fields each status requires, in template order." },
    allowed: strings({
      default: Object.freeze([]),
      description:
        "Extra field labels allowed in any task besides the status's fields (matched case-insensitively; written as listed). They may appear anywhere, once each.",
      check: (value) =>
        value.every((entry) => entry.trim() !== "" && !/[*:\n]/.test(entry))
          ? undefined
          : "labels without `*`, `:` or line breaks",
    }),
  },
  check({ model, options, report }) {
    const statuses = options.statuses;
    const labels: Labels = {
      statuses,
      known: new Set(Object.values(statuses).flatMap((fields) => fields.map((field) => field.toLowerCase()))),
      allowed: new Map(options.allowed.map((label) => [label.trim().toLowerCase(), label.trim()])),
      lines: model.lines,
    };
    // One map of the fields seen so far, emptied for each task.
    const seen = new Map<string, Field>();
    for (const task of model.tasks) checkTask(task, labels, seen, report);
  },
});
