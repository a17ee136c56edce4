import { SUMMARY_SENTENCES, VALUE_RULES, type ValueRule } from "../src/convention.js";
import { defineRule, type Fix } from "../src/kit/define.js";
import { splitSentences } from "../src/grammar/sentences.js";
import { atWithContext, clamp, expected, quote, replace } from "../src/kit/messages.js";
import type { Field } from "../src/model/index.js";
import { integer, shared } from "../src/kit/options.js";

const EM_DASH = "\u2014";

const show = (text: string): string => (text === "" ? "empty" : quote(clamp(text, 60, "...")));
const plural = (count: number): string => (count === 1 ? "" : "s");

/** A finding about a value: its message and, when the reading is unambiguous, its fix. */
interface Problem {
  readonly detail: string;
  readonly fix?: Fix | undefined;
}

/** Replace the whole one-line value. */
function replaceValue(field: Field, text: string): Fix | undefined {
  return field.multiPart
    ? undefined
    : replace({ line: field.line, column: field.valueColumn, text: field.firstLine }, text);
}

/** Exactly one of the choices (a case-only difference is fixable). */
function checkOneOf(field: Field, choices: readonly string[]): Problem | undefined {
  if (choices.includes(field.value) && !field.multiPart) return undefined;
  const match = choices.find((choice) => choice.toLowerCase() === field.value.toLowerCase());
  const wanted = `exactly one of ${choices.join(", ")}`;
  if (match !== undefined && !field.multiPart) {
    return { detail: expected(wanted, `${show(field.value)} (wrong case)`), fix: replaceValue(field, match) };
  }
  const line = field.firstLine;
  const actual = !field.multiPart
    ? show(field.value)
    : line === ""
      ? "a nested list or block"
      : `${show(line)} and more lines`;
  return { detail: expected(wanted, actual) };
}

/** `Yes — <reason>` or `No`: the dash and the case are fixable. */
function checkYesNoReason(field: Field): Problem | undefined {
  const value = field.value;
  if (/^No\.?$/.test(value) || /^(?:Yes|No) \u2014 \S/.test(value)) return undefined;
  const wanted = `"Yes ${EM_DASH} <reason>" or "No"`;
  // Yes/No (any case) and a dash-like separator before a reason: a hyphen, en dash or double
  // hyphen with spaces around it, or an em dash with any spacing.
  const dashed = /^(yes|no)([ \t]+(?:-{1,2}|\u2013)[ \t]+|[ \t]*\u2014[ \t]*)(?=\S)/i.exec(field.firstLine);
  if (dashed !== null) {
    const written = dashed[1] as string;
    const word = written.toLowerCase() === "yes" ? "Yes" : "No";
    const separator = dashed[2] as string;
    const problems = [
      ...(separator === ` ${EM_DASH} ` ? [] : [`separator ${quote(separator)}`]),
      ...(written === word ? [] : [`${quote(written)} in the wrong case`]),
    ];
    return {
      detail: expected(wanted, `${show(value)} (${problems.join(", ")})`),
      fix: replace({ line: field.line, column: field.valueColumn, text: dashed[0] }, `${word} ${EM_DASH} `),
    };
  }
  if (/^no\.?$/i.test(value) && !field.multiPart) {
    return {
      detail: expected(wanted, `${show(value)} (wrong case)`),
      fix: replaceValue(field, `No${value.endsWith(".") ? "." : ""}`),
    };
  }
  if (/^yes\b[\s.!:;,\u2013\u2014-]*$/i.test(value))
    return { detail: expected(wanted, `${show(value)} (a bare "Yes" needs its reason)`) };
  return { detail: expected(wanted, show(value)) };
}

/** One to `max` sentences. */
function checkSentences(field: Field, max: number): Problem | undefined {
  const sentences = splitSentences(field.value);
  if (sentences.length === 0) {
    return field.hasValue
      ? undefined
      : { detail: expected(`a Summary of 1 to ${max} sentence${plural(max)}`, "empty") };
  }
  if (sentences.length <= max) return undefined;
  const extra = sentences[max];
  return {
    detail: expected(
      `at most ${max} sentence${plural(max)} in the Summary`,
      `${sentences.length} (the extra begins ${show((extra?.text ?? "").slice(0, 40))})`,
    ),
  };
}

function checkNotEmpty(field: Field): Problem | undefined {
  return field.hasValue ? undefined : { detail: expected('a value (write "None." when there is none)', "empty") };
}

function checkOrderedList(field: Field): Problem | undefined {
  if (field.item.lists.some((list) => list.ordered)) return undefined;
  const actual =
    field.item.lists.length > 0 ? "a bullet list" : field.value === "" ? "empty" : `text only, ${show(field.value)}`;
  return { detail: expected('an ordered list of steps (nested "1." items)', actual) };
}

function checkCommand(field: Field): Problem | undefined {
  if (field.hasCommand) return undefined;
  const actual =
    field.value !== "" ? show(field.value) : field.hasValue ? "no code span in the nested content" : "empty";
  return { detail: expected("at least one command in a code span (`…`)", actual) };
}

function checkValue(field: Field, rule: ValueRule, maxSentences: number): Problem | undefined {
  switch (rule.kind) {
    case "one-of":
      return checkOneOf(field, rule.choices);
    case "yes-no-reason":
      return checkYesNoReason(field);
    case "sentences":
      return checkSentences(field, maxSentences);
    case "not-empty":
      return checkNotEmpty(field);
    case "ordered-list":
      return checkOrderedList(field);
    case "command":
      return checkCommand(field);
  }
}

/** TL004 task-values: the values of Priority, Size, Meta?, Summary, Dependencies, … (spec section 6). */
export default defineRule({
  id: "TL004",
  name: "task-values",
  description: "Field values follow the task template",
  tag: "fields",
  options: {
    summary_sentences: integer({ default: SUMMARY_SENTENCES, description: "The most sentences a Summary may hold." }),
    statuses: {
      ...shared.statuses,
      description: "The known fields: a value is checked when its label names one of the fields in the table above.",
    },
  },
  check({ model, options, report }) {
    for (const task of model.tasks) {
      for (const field of task.fields) {
        // A known field's `key` is its name in lowercase.
        const rule = field.name === undefined ? undefined : VALUE_RULES.get(field.key);
        const problem = rule === undefined ? undefined : checkValue(field, rule, options.summary_sentences);
        if (problem === undefined) continue;
        // The value on the label line, or the label when there is none.
        const line = field.firstLine;
        const where = atWithContext(
          line === "" ? field.labelSpan : { line: field.line, column: field.valueColumn, text: line },
        );
        report(
          problem.fix === undefined
            ? { ...where, detail: problem.detail }
            : { ...where, detail: problem.detail, fix: problem.fix },
        );
      }
    }
  },
});
