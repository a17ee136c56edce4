import { defineRule, type Fix, type Report } from "../src/factory.js";
import { splitSentences } from "../src/grammar/sentences.js";
import type { Field } from "../src/model.js";
import { option } from "../src/options.js";
import { descendants, type Token } from "../src/tokens.js";

const PRIORITIES = ["P0", "P1", "P2", "P3"];
const SIZES = ["XS", "S", "M", "L"];
const EM_DASH = "\u2014";

/** Does the value go on past its first line (continuation lines, nested lists or other blocks)? */
function isMultiPart(field: Field): boolean {
  return field.value.includes("\n") || field.item.lists.length > 0 || field.item.blocks.length > 1;
}

/** Is there anything after the label: text, nested lists or other blocks of the item? */
function hasValue(field: Field): boolean {
  return field.value !== "" || field.item.lists.length > 0 || field.item.blocks.length > 1;
}

/** Tokens of the whole value: the inline tokens after the label, later blocks and nested lists. */
function valueTokens(field: Field): Token[] {
  return descendants([...field.valueInline, ...field.item.blocks.slice(1), ...field.item.lists.map((list) => list.token)]);
}

const firstLine = (field: Field): string => field.value.split("\n")[0] as string;

const show = (text: string): string => (text === "" ? "empty" : `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`);

/** TL004 task-values: the values of Priority, Size, Meta?, Summary, Dependencies, … (spec section 6). */
export default defineRule({
  id: "TL004",
  name: "task-values",
  description: "Field values follow the template: Priority P0-P3, Size XS/S/M/L, 'Yes — reason' or 'No', short Summary, …",
  tag: "fields",
  options: {
    summary_sentences: option<number>({
      kind: "integer",
      default: 2,
      description: "The most sentences a Summary may hold.",
    }),
  },
  check({ model, options, report }) {
    const maxSentences = options.summary_sentences;
    for (const task of model.tasks) {
      for (const field of task.fields) {
        const line = firstLine(field);
        // The value on the label line, or the label when there is none.
        const at =
          line === ""
            ? { line: field.line, column: field.labelSpan.column, length: field.labelSpan.text.length, context: field.labelSpan.text }
            : { line: field.line, column: field.valueColumn, length: line.length, context: line };
        const fail = (detail: string, fix?: Fix): void => {
          const entry: Report = fix === undefined ? { ...at, detail } : { ...at, detail, fix };
          report(entry);
        };
        // Replace the whole one-line value.
        const replaceValue = (text: string): Fix | undefined =>
          isMultiPart(field) ? undefined : { column: field.valueColumn, deleteCount: line.length, insertText: text };

        switch (field.name?.toLowerCase()) {
          case "priority":
          case "size": {
            const choices = field.name?.toLowerCase() === "priority" ? PRIORITIES : SIZES;
            if (choices.includes(field.value) && !isMultiPart(field)) break;
            const match = choices.find((choice) => choice.toLowerCase() === field.value.toLowerCase());
            const expected = `Expected exactly one of ${choices.join(", ")}`;
            if (match !== undefined && !isMultiPart(field)) {
              fail(`${expected}; Actual: ${show(field.value)} (wrong case)`, replaceValue(match));
            } else {
              const actual = !isMultiPart(field) ? show(field.value) : line === "" ? "a nested list or block" : `${show(line)} and more lines`;
              fail(`${expected}; Actual: ${actual}`);
            }
            break;
          }
          case "meta?": {
            const value = field.value;
            if (/^No\.?$/.test(value) || /^(?:Yes|No) \u2014 \S/.test(value)) break;
            const expected = `Expected "Yes ${EM_DASH} <reason>" or "No"`;
            // Yes/No (any case) and a dash-like separator before a reason: a hyphen, en dash or double
            // hyphen with spaces around it, or an em dash with any spacing.
            const dashed = /^(yes|no)([ \t]+(?:-{1,2}|\u2013)[ \t]+|[ \t]*\u2014[ \t]*)(?=\S)/i.exec(line);
            if (dashed !== null) {
              const written = dashed[1] as string;
              const word = written.toLowerCase() === "yes" ? "Yes" : "No";
              const separator = dashed[2] as string;
              const problems = [
                ...(separator === ` ${EM_DASH} ` ? [] : [`separator "${separator}"`]),
                ...(written === word ? [] : [`"${written}" in the wrong case`]),
              ];
              fail(`${expected}; Actual: ${show(value)} (${problems.join(", ")})`, {
                column: field.valueColumn,
                deleteCount: dashed[0].length,
                insertText: `${word} ${EM_DASH} `,
              });
              break;
            }
            if (/^no\.?$/i.test(value) && !isMultiPart(field)) {
              fail(`${expected}; Actual: ${show(value)} (wrong case)`, replaceValue(`No${value.endsWith(".") ? "." : ""}`));
              break;
            }
            if (/^yes\b[\s.!:;,\u2013\u2014-]*$/i.test(value)) {
              fail(`${expected}; Actual: ${show(value)} (a bare "Yes" needs its reason)`);
              break;
            }
            fail(`${expected}; Actual: ${show(value)}`);
            break;
          }
          case "summary": {
            const sentences = splitSentences(field.value);
            if (sentences.length === 0) {
              if (!hasValue(field)) fail(`Expected a Summary of 1 to ${maxSentences} sentence${maxSentences === 1 ? "" : "s"}; Actual: empty`);
              break;
            }
            if (sentences.length > maxSentences) {
              const extra = sentences[maxSentences];
              fail(
                `Expected at most ${maxSentences} sentence${maxSentences === 1 ? "" : "s"} in the Summary; Actual: ${sentences.length} (the extra begins ${show(
                  (extra?.text ?? "").slice(0, 40),
                )})`,
              );
            }
            break;
          }
          case "dependencies":
          case "references":
          case "holding pattern":
            if (!hasValue(field)) fail(`Expected a value (write "None." when there is none); Actual: empty`);
            break;
          case "next steps": {
            if (field.item.lists.some((list) => list.ordered)) break;
            const actual = field.item.lists.length > 0 ? "a bullet list" : field.value === "" ? "empty" : `text only, ${show(field.value)}`;
            fail(`Expected an ordered list of steps (nested "1." items); Actual: ${actual}`);
            break;
          }
          case "validation": {
            const code = valueTokens(field).some((token) => token.type === "codeText" || token.type === "codeFenced" || token.type === "codeIndented");
            if (!code) fail(`Expected at least one command in a code span (\`…\`); Actual: ${field.value !== "" ? show(field.value) : hasValue(field) ? "no code span in the nested content" : "empty"}`);
            break;
          }
          default:
            break;
        }
      }
    }
  },
});
