/**
 * The model, cross-checked. An independent extraction of sections, tasks and field labels from the
 * mdast tree of `mdast-util-from-markdown` (tests only) must agree with the model the pack builds
 * from markdownlint's micromark tokens (`getTaskLog`), on every real corpus version and on generated
 * logs: line numbers, levels, statuses, identifiers, titles, section membership, field labels, label
 * forms, field lines and values. On generated logs both must also agree with what the generator built.
 * Two parsers that agree are the test oracle for the one we ship.
 */
import fc from "fast-check";
import type { Heading as MdHeading, List as MdList, Nodes, Paragraph, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { lint } from "markdownlint/sync";
import { describe, expect, it } from "vitest";
import { DEFAULT_STATUSES, getTaskLog, type ModelParams, type TaskLog } from "../src/model/index.js";
import { itCorpus, realVersions } from "./support/corpus.js";
import { buildTaskLog, seededRandom, validTaskLogArbitrary, type GeneratedLog } from "./support/generate.js";
import { propertyParameters } from "./support/settings.js";

// ---------------------------------------------------------------------------------------------
// The model as the pack builds it: from the tokens markdownlint hands a custom rule.

function modelOf(content: string): TaskLog {
  let captured: ModelParams | undefined;
  const capture = {
    names: ["capture-params"],
    description: "captures the rule parameters",
    tags: ["test"],
    parser: "micromark",
    function(params: ModelParams): void {
      captured = params;
    },
  };
  lint({
    strings: { content },
    customRules: [capture],
    config: { default: false, "capture-params": true },
    handleRuleFailures: false,
    noInlineConfig: true,
  } as never);
  if (captured === undefined) throw new Error("the capture rule did not run");
  return getTaskLog(captured);
}

// ---------------------------------------------------------------------------------------------
// A common shape for both sides.

interface OutlineField {
  label: string;
  form: string;
  line: number;
  value: string;
}

interface OutlineTask {
  line: number;
  level: number;
  status: string | undefined;
  id: string | undefined;
  title: string | undefined;
  sectionLine: number | undefined;
  fields: OutlineField[];
}

interface Outline {
  isTaskLog: boolean;
  headings: { line: number; level: number; text: string }[];
  sections: { line: number; status: string; stamp: string | undefined }[];
  tasks: OutlineTask[];
}

/** The model, reduced to the outline. Status, identifier and title only for well-formed headings. */
function outlineOfModel(model: TaskLog): Outline {
  return {
    isTaskLog: model.isTaskLog,
    headings: model.headings.map((heading) => ({ line: heading.line, level: heading.level, text: heading.text })),
    sections: model.sections.map((section) => ({
      line: section.line,
      status: section.status.text,
      stamp: section.stamp?.text,
    })),
    tasks: model.tasks.map((task) => {
      const wellFormed = task.separators.length === 2 && task.separators.every((separator) => separator.canonical);
      return {
        line: task.line,
        level: task.level,
        status: wellFormed ? task.status?.text : undefined,
        id: wellFormed ? task.id?.text : undefined,
        title: wellFormed ? task.title?.text : undefined,
        sectionLine: task.section?.line,
        fields: task.fields.map((field) => ({
          label: field.label,
          form: field.form,
          line: field.line,
          value: field.value,
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The independent extraction, written from the spec against the mdast tree.

const STATUSES = Object.keys(DEFAULT_STATUSES);
const KNOWN_LABELS = new Set(
  Object.values(DEFAULT_STATUSES)
    .flat()
    .map((label) => label.toLowerCase()),
);
const isStatus = (word: string): boolean =>
  STATUSES.some((status) => status.toLowerCase() === word.trim().toLowerCase());

/** Spec sections 2 and 4: a heading carrying something shaped like an identifier, or a status word and a separator. */
function isTaskHeading(text: string): boolean {
  if (/[A-Za-z]+-\d{4}-\d{2}-\d{2}:/.test(text)) return true;
  const lead = /^(.*?)(?:[ \t]*[\u00B7\u2022|\u2013\u2014]|[ \t]+-[ \t])/.exec(text);
  return lead !== null && (lead[1] as string).trim() !== "" && isStatus(lead[1] as string);
}

/** Spec section 3: `<Status> tasks (updated YYYY-MM-DD)` (the stamp may be missing or malformed). */
function sectionOf(text: string): { status: string; stamp: string | undefined } | undefined {
  const match = /^(.+?)[ \t]+tasks\b[ \t]*(?:\((.*)\))?[ \t]*$/iu.exec(text);
  if (match === null) return undefined;
  const status = match[1] as string;
  const stamp = /^[ \t]*updated[ \t]+(\S+)[ \t]*$/i.exec(match[2] ?? "");
  if (!isStatus(status) && stamp === null) return undefined;
  return { status, stamp: stamp === null ? undefined : (stamp[1] as string) };
}

const startOffset = (node: Nodes): number => node.position?.start.offset ?? 0;
const endOffset = (node: Nodes): number => node.position?.end.offset ?? 0;
const startLine = (node: Nodes): number => node.position?.start.line ?? 0;

/** A heading's text as written: from its first inline node to its last, first line only. */
function headingText(source: string, heading: MdHeading): string {
  const first = heading.children[0];
  const last = heading.children[heading.children.length - 1];
  if (first === undefined || last === undefined) return "";
  return source.slice(startOffset(first), endOffset(last)).split(/\r\n|\r|\n/)[0] as string;
}

function headingLine(heading: MdHeading): number {
  return heading.children[0] === undefined ? startLine(heading) : startLine(heading.children[0]);
}

/** Spec section 6: `- **Label**: value`, `- **Label:** value`, or a plain `Label:` of a known field. */
function fieldOf(source: string, paragraph: Paragraph, itemLine: number): OutlineField | undefined {
  if (startLine(paragraph) !== itemLine) return undefined;
  const first = paragraph.children[0];
  if (first === undefined) return undefined;
  let label: string;
  let form: string;
  let valueStart: number;
  if (first.type === "strong" && startLine(first) === first.position?.end.line) {
    const inner = source.slice(startOffset(first) + 2, endOffset(first) - 2);
    if (inner.endsWith(":")) {
      label = inner.slice(0, -1).trimEnd();
      form = "colon-inside";
      valueStart = endOffset(first);
    } else if (source[endOffset(first)] === ":") {
      label = inner;
      form = "canonical";
      valueStart = endOffset(first) + 1;
    } else {
      return undefined;
    }
  } else if (first.type === "text") {
    const raw = source.slice(startOffset(first), endOffset(first));
    const match = /^([A-Za-z][A-Za-z ?]*?):(?=\s|$)/.exec(raw);
    if (match === null || !KNOWN_LABELS.has((match[1] as string).toLowerCase())) return undefined;
    label = match[1] as string;
    form = "plain";
    valueStart = startOffset(first) + label.length + 1;
  } else {
    return undefined;
  }
  if (label.trim() === "") return undefined;
  const value = source
    .slice(valueStart, endOffset(paragraph))
    .replace(/\n[ \t]*/g, "\n")
    .trim();
  return { label, form, line: itemLine, value };
}

function fieldsOf(source: string, lists: MdList[]): OutlineField[] {
  const fields: OutlineField[] = [];
  for (const list of lists) {
    for (const item of list.children) {
      const paragraph = item.children[0];
      if (paragraph?.type !== "paragraph") continue;
      const field = fieldOf(source, paragraph, startLine(item));
      if (field !== undefined) fields.push(field);
    }
  }
  return fields;
}

function outlineOfMdast(source: string): Outline {
  const root: Root = fromMarkdown(source);
  const blocks = root.children;
  const headings: { line: number; level: number; text: string; index: number; isTask: boolean }[] = [];
  blocks.forEach((node, index) => {
    if (node.type !== "heading") return;
    const text = headingText(source, node);
    headings.push({ line: headingLine(node), level: node.depth, text, index, isTask: isTaskHeading(text) });
  });
  const isTaskLog = headings.some(
    (heading) =>
      /[A-Za-z]+-\d{4}-\d{2}-\d{2}:/.test(heading.text) ||
      (heading.level === 2 && sectionOf(heading.text) !== undefined),
  );
  const outline: Outline = {
    isTaskLog,
    headings: headings.map(({ line, level, text }) => ({ line, level, text })),
    sections: [],
    tasks: [],
  };
  if (!isTaskLog) return outline;
  let open: { line: number; level: number } | undefined;
  headings.forEach((heading, h) => {
    if (heading.isTask) {
      const end = h + 1 < headings.length ? (headings[h + 1] as (typeof headings)[number]).index : blocks.length;
      const lists = blocks.slice(heading.index + 1, end).filter((node): node is MdList => node.type === "list");
      const parts = /^(.+?) \u00B7 (\S+) \u00B7 (.+)$/.exec(heading.text);
      outline.tasks.push({
        line: heading.line,
        level: heading.level,
        status: parts?.[1],
        id: parts?.[2],
        title: parts?.[3],
        sectionLine: open?.line,
        fields: fieldsOf(source, lists),
      });
      return;
    }
    if (open !== undefined && heading.level <= open.level) open = undefined;
    // A status section is a level-2 heading (spec section 3).
    const section = heading.level === 2 ? sectionOf(heading.text) : undefined;
    if (section !== undefined) {
      outline.sections.push({ line: heading.line, ...section });
      open = { line: heading.line, level: heading.level };
    }
  });
  return outline;
}

/** What the generator says it built, in the same shape. */
function outlineOfGenerated(log: GeneratedLog): Pick<Outline, "sections" | "tasks"> {
  return {
    sections: log.sections.map((section) => ({ line: section.line, status: section.status, stamp: section.stamp })),
    tasks: log.tasks.map((task) => ({
      line: task.line,
      level: 3,
      status: task.status,
      id: task.id,
      title: task.title,
      sectionLine: task.sectionLine,
      fields: task.fields.map((field) => ({ label: field.label, line: field.line })) as OutlineField[],
    })),
  };
}

const withoutValues = (outline: Pick<Outline, "sections" | "tasks">) => ({
  sections: outline.sections,
  tasks: outline.tasks.map((task) => ({ ...task, fields: task.fields.map(({ label, line }) => ({ label, line })) })),
});

// ---------------------------------------------------------------------------------------------

const real = realVersions();
const realOutlines = new Map<string, Outline>();
const modelOutlineOf = (version: string, content: string): Outline => {
  let outline = realOutlines.get(version);
  if (outline === undefined) {
    outline = outlineOfModel(modelOf(content));
    realOutlines.set(version, outline);
  }
  return outline;
};

describe("model cross-check: micromark tokens (markdownlint) vs mdast (mdast-util-from-markdown)", () => {
  for (const [version, content] of real) {
    itCorpus(`${version}: same headings, sections, tasks, fields`, () => {
      const expected = outlineOfMdast(content);
      const actual = modelOutlineOf(version, content);
      expect(actual).toEqual(expected);
      expect(actual.headings.length).toBeGreaterThan(0);
    });
  }

  itCorpus("is not vacuous: the real versions hold many tasks and fields", () => {
    const outlines = real.map(([version, content]) => modelOutlineOf(version, content));
    expect(outlines.filter((outline) => outline.isTaskLog).length).toBeGreaterThanOrEqual(30);
    expect(outlines.flatMap((outline) => outline.tasks).filter((task) => task.id !== undefined).length).toBeGreaterThan(
      100,
    );
    expect(outlines.flatMap((outline) => outline.tasks.flatMap((task) => task.fields)).length).toBeGreaterThan(1000);
  });

  it("generated logs: the model, the mdast extraction and the generator agree", () => {
    fc.assert(
      fc.property(validTaskLogArbitrary(6), (log) => {
        const actual = outlineOfModel(modelOf(log.text));
        expect(actual).toEqual(outlineOfMdast(log.text));
        expect(withoutValues(actual)).toEqual(withoutValues(outlineOfGenerated(log)));
      }),
      propertyParameters(30),
    );
  });

  it("a larger generated log (100 tasks): all three agree", () => {
    const log = buildTaskLog(seededRandom(2026), 100);
    const actual = outlineOfModel(modelOf(log.text));
    expect(actual.tasks).toHaveLength(100);
    expect(actual).toEqual(outlineOfMdast(log.text));
    expect(withoutValues(actual)).toEqual(withoutValues(outlineOfGenerated(log)));
  });
});
