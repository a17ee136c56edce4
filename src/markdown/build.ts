/**
 * The task-log model: built once per document from markdownlint's micromark tokens and shared by
 * every rule of the pack (cached by the frozen token array markdownlint passes to all of them).
 *
 * The model answers the convention's questions (CONVENTION.md, as data in convention.ts); it does not
 * judge anything, the rules do. Rules read the model only: no rule reads micromark tokens.
 *
 * Public shape (what rules, the CLI and other tools may rely on):
 *
 * - `TaskLog`: `isTaskLog`, `lines`, `headings`, `sections`, `tasks`, `statuses` (the configuration
 *   it was built for); the identifier index `taskWithIdentity(key)` and `tasksNumbered(n)`.
 * - `Section` (a `Heading`): `status` (span as written), `statusName` (configured spelling), `group`,
 *   `stamp` (spans), `tasks`.
 * - `Task` (a `Heading`): heading parts as spans (`status`, `id`, `title`, `separators`), `parsed`
 *   (the heading grammar's result), `identifier` (parsed) and `identity` (`prefix-date:PRn`),
 *   `statusName` (its own status in configured spelling), `template` (the status its required
 *   fields come from, its own or its section's), `section`, `endLine`, `lists`, `fields`;
 *   read lazily in one walk of the task's body on first use: `gitPlans`, `prTitles`, `prLinks`,
 *   `mentions`.
 * - `Field`: `label` as written, `key` (its lowercase), `name` (canonical, when it names a
 *   configured field), `is(name)`, `form`, `labelSpan`, `labelDate`, `valueColumn`, `value`,
 *   `firstLine`, `multiPart`, `hasValue`, `hasCommand`, `item`.
 * - `ListItem`, `List`: the list structure (`ordered`, `line`, `markerColumn`, `contentColumn`,
 *   `endLine`, `lists`). The tokens they were read from are in private fields (src/markdown/nodes.ts),
 *   for the model's readers (src/markdown/gitplan.ts, src/markdown/itemtext.ts) only.
 *
 * Every position is 1-based as markdownlint's; a `Span` is text on one line.
 */
import {
  childOfType,
  descendants,
  HEADING_TYPES,
  LIST_TYPES,
  type ModelParams,
  type Token,
  normalizeLabel,
  tokensOf,
} from "./tokens.js";
import {
  configuredStatus,
  DEFAULT_STATUSES,
  FIELD,
  PR_LINK_FIELDS,
  type LabelForm,
  type StatusFields,
} from "../convention.js";
import {
  looksLikeTaskHeading,
  parseSectionHeading,
  parseTaskHeading,
  spaceInsideIdentifier,
  type ParsedSectionHeading,
  type ParsedTaskHeading,
  unreadablePart,
} from "../grammar/heading.js";
import {
  findMentions,
  IDENTIFIER_SHAPE,
  mayMention,
  parseIdentifier,
  type ParsedIdentifier,
} from "../grammar/identifier.js";
import { findUrls } from "../grammar/prurl.js";
import { isSpace } from "../grammar/space.js";
import { parseLabel } from "./label.js";
import { readGitPlan, readPrTitles } from "./gitplan.js";
import { itemParagraphs, paragraphLines, type TextLine } from "./itemtext.js";
import { FieldTokens, fieldValueInline, itemBlocks, ItemNode, itemParagraph, ListNode, listToken } from "./nodes.js";
import {
  identityOf,
  type Field,
  type GitPlan,
  type PrTitle,
  type Heading,
  type IdentifierMention,
  type List,
  type ListItem,
  type PrLinkMention,
  type Section,
  type Span,
  type Task,
  type TaskLog,
  type Template,
} from "../model/types.js";

const cache = new WeakMap<readonly Token[], Map<string, TaskLog>>();
/** The cache key of a statuses configuration (configurations are frozen, so one key per object). */
const statusKeys = new WeakMap<StatusFields, string>();

/** The model of the document in `params`, built once per token array and statuses configuration. */
export function getTaskLog(params: ModelParams, statuses: StatusFields = DEFAULT_STATUSES): TaskLog {
  const tokens = tokensOf(params);
  let key = statusKeys.get(statuses);
  if (key === undefined) {
    key = JSON.stringify(statuses);
    statusKeys.set(statuses, key);
  }
  let byKey = cache.get(tokens);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(tokens, byKey);
  }
  let model = byKey.get(key);
  if (model === undefined) {
    model = buildTaskLog(tokens, params.lines, statuses);
    byKey.set(key, model);
  }
  return model;
}

function headingOf(token: Token): Heading {
  let level = 1;
  let textToken: Token | undefined;
  if (token.type === "atxHeading") {
    level = childOfType(token, "atxHeadingSequence")?.text.length ?? 1;
    textToken = childOfType(token, "atxHeadingText");
  } else {
    const underline = childOfType(token, "setextHeadingLine");
    level = underline?.text.trim().startsWith("-") ? 2 : 1;
    textToken = childOfType(token, "setextHeadingText");
  }
  if (textToken === undefined) {
    const textSpan = { line: token.startLine, column: token.endColumn, text: "" };
    return {
      line: token.startLine,
      startColumn: token.startColumn,
      level,
      text: "",
      textColumn: token.endColumn,
      textSpan,
    };
  }
  // A setext heading's text can span lines: the first line is the heading's text here.
  const text = textToken.text.split("\n")[0] as string;
  const textSpan = { line: textToken.startLine, column: textToken.startColumn, text };
  return {
    line: textToken.startLine,
    startColumn: token.startColumn,
    level,
    text,
    textColumn: textToken.startColumn,
    textSpan,
  };
}

/** The level of a status section's heading (`##`, or a setext heading underlined with `-`). */
const SECTION_LEVEL = 2;

/**
 * The status section `heading` opens, read by the grammar, or undefined: a status section is a level-2
 * heading (spec section 3); the same words at another level (`# Open tasks`, `### Open tasks`) are an
 * ordinary heading, which neither opens a section nor makes a file a task log.
 */
function sectionHeadingOf(heading: Heading, statuses: readonly string[]): ParsedSectionHeading | undefined {
  return heading.level === SECTION_LEVEL ? parseSectionHeading(heading.text, statuses) : undefined;
}

function span(heading: Heading, part: { offset: number; text: string } | undefined): Span | undefined {
  return part === undefined
    ? undefined
    : { line: heading.line, column: heading.textColumn + part.offset, text: part.text };
}

function buildList(root: Token): ListNode {
  const top = new ListNode(root);
  const work: ListNode[] = [top];
  while (work.length > 0) {
    const list = work.pop() as ListNode;
    let current: ItemNode | undefined;
    const children = listToken(list).children;
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Token;
      if (child.type === "listItemPrefix") {
        current = new ItemNode(list.ordered, child.startLine, child.startColumn, child.endColumn);
        list.items.push(current);
        continue;
      }
      if (current === undefined) continue;
      if (child.type === "lineEnding" || child.type === "lineEndingBlank" || child.type === "listItemIndent") continue;
      if (LIST_TYPES.has(child.type)) {
        const sub = new ListNode(child);
        current.addList(sub);
        work.push(sub);
      } else {
        current.addBlock(child, child.type === "content" ? childOfType(child, "paragraph") : undefined);
      }
      current.endLine = Math.max(current.endLine, child.endLine);
    }
  }
  return top;
}

/** Strip continuation-line indentation from a paragraph's source text. */
function unindent(text: string): string {
  return text.replace(/\n[ \t]*/g, "\n");
}

const LABEL_DATE = /\((\d{4}-\d{2}-\d{2})\)$/;
const CODE_TYPES = new Set(["codeText", "codeFenced", "codeIndented"]);

/** Lowercase spellings of the names `Field.is` is asked about (a handful of constants in practice). */
const LOWER_NAMES = new Map<string, string>();
function lowerName(name: string): string {
  let lower = LOWER_NAMES.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (LOWER_NAMES.size < 256) LOWER_NAMES.set(name, lower);
  }
  return lower;
}

class FieldImpl extends FieldTokens implements Field {
  /** `key` trimmed (a plain label keeps the spaces before its colon). */
  readonly #trimmedKey: string;

  constructor(
    readonly label: string,
    readonly key: string,
    readonly name: string | undefined,
    readonly form: LabelForm,
    readonly line: number,
    readonly labelSpan: Span,
    readonly labelDate: Span | undefined,
    readonly valueColumn: number,
    readonly value: string,
    /** The paragraph's inline tokens and the index of the one holding the colon (see `fieldValueInline`). */
    inline: readonly Token[],
    holder: number,
    readonly item: ItemNode,
  ) {
    super(inline, holder);
    this.#trimmedKey = key.trim();
  }

  /** The trimmed lowercase label (what the PR fields and `is` compare). */
  get trimmedKey(): string {
    return this.#trimmedKey;
  }

  /** `hasCommand`, worked out on first use (TL004 asks). */
  #holdsCode: boolean | undefined = undefined;

  is(name: string): boolean {
    // `name` (when defined) is the known field whose lowercase spelling is `key`.
    const wanted = lowerName(name);
    return this.#trimmedKey === wanted || (this.name !== undefined && this.key === wanted);
  }

  get firstLine(): string {
    const newline = this.value.indexOf("\n");
    return newline === -1 ? this.value : this.value.slice(0, newline);
  }

  get multiPart(): boolean {
    return this.value.includes("\n") || this.item.lists.length > 0 || this.item.blockCount > 1;
  }

  get hasValue(): boolean {
    return this.value !== "" || this.item.lists.length > 0 || this.item.blockCount > 1;
  }

  get hasCommand(): boolean {
    if (this.#holdsCode === undefined) {
      const roots = [...fieldValueInline(this), ...itemBlocks(this.item).slice(1), ...this.item.lists.map(listToken)];
      this.#holdsCode = descendants(roots).some((token) => CODE_TYPES.has(token.type));
    }
    return this.#holdsCode;
  }
}

/** The field an item starts with, or undefined. A plain `Label:` is a field only when it names a known field. */
function fieldOf(item: ItemNode, known: ReadonlyMap<string, string>): Field | undefined {
  const paragraph = itemParagraph(item);
  if (paragraph === undefined || paragraph.startLine !== item.line) return undefined;
  const inline = paragraph.children;
  const raw = parseLabel(inline);
  if (raw === undefined) return undefined;
  let label = raw.text;
  if (raw.form === "plain") {
    // `Label :` and `Label:value` are not plain fields; the label keeps spaces before its colon.
    if (!raw.spaced || raw.gap.includes("\t")) return undefined;
    label += raw.gap;
  }
  const key = label.toLowerCase();
  if (raw.form === "plain" && !known.has(key)) return undefined;
  // A doubled colon (`**Summary:**:`, `**Priority**::`) belongs to the label, so that its fix leaves one.
  const labelEnd = raw.end + raw.extraColons;
  const line = item.line;
  const text = paragraph.text;
  const newline = text.indexOf("\n");
  const offsetInLine = labelEnd - paragraph.startColumn;
  // The white space after the label on its line (what `trimStart` of the line's rest would remove).
  let space = offsetInLine;
  while (space < text.length && text[space] !== "\n" && isSpace(text[space] as string)) space++;
  const valueColumn = labelEnd + (space - offsetInLine);
  const dateMatch = label.endsWith(")") ? LABEL_DATE.exec(label) : null;
  const labelStart = raw.start;
  const labelText = text.slice(0, offsetInLine);
  const valueText = text.slice(offsetInLine);
  const value = (newline === -1 ? valueText : unindent(valueText)).trim();
  // `valueInline`: the tokens from the one holding the colon that reach past the value's start.
  const holder = raw.form === "plain" ? 0 : 1;
  const labelDate = dateMatch
    ? {
        line,
        column: labelStart + (raw.form === "plain" ? 0 : 2) + (dateMatch.index as number) + 1,
        text: dateMatch[1] as string,
      }
    : undefined;
  return new FieldImpl(
    label,
    key,
    known.get(key),
    raw.form,
    line,
    { line, column: labelStart, text: labelText },
    labelDate,
    valueColumn,
    value,
    inline,
    holder,
    item,
  );
}

/** What the model reads of a task's body in its one walk. */
interface TaskReading {
  readonly gitPlans: readonly GitPlan[];
  readonly prTitles: readonly PrTitle[];
  readonly prLinks: readonly PrLinkMention[];
  readonly mentions: readonly IdentifierMention[];
}

interface LogContext {
  readonly tokens: readonly Token[];
  definitions: Map<string, string> | undefined;
}

/** The label a reference link names: `[text][label]` → label; `[label][]` and `[label]` → label. */
function referenceLabel(link: Token): string {
  const reference = childOfType(link, "reference");
  const named = reference === undefined ? undefined : childOfType(reference, "referenceString");
  if (named !== undefined) return named.text;
  const label = childOfType(link, "label");
  return label === undefined ? "" : (childOfType(label, "labelText")?.text ?? "");
}

/** Link reference definitions of the document: normalized label → destination (the first one wins). */
function definitionsOf(tokens: readonly Token[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const token of descendants(tokens)) {
    if (token.type !== "definition") continue;
    const label = childOfType(token, "definitionLabel");
    const labelString = label === undefined ? undefined : childOfType(label, "definitionLabelString");
    const destination = descendants(token.children).find((child) => child.type === "definitionDestinationString");
    if (labelString === undefined || destination === undefined) continue;
    const key = normalizeLabel(labelString.text);
    if (!out.has(key)) out.set(key, destination.text);
  }
  return out;
}

/** Whether the source text of an item's blocks or nested lists may hold an identifier mention. */
function itemMayMention(item: ListItem): boolean {
  for (const block of itemBlocks(item)) if (mayMention(block.text)) return true;
  for (const list of item.lists) if (mayMention(listToken(list).text)) return true;
  return false;
}

/** The one walk of a task's body: Git plans, PR titles, PR links and identifier mentions. */
function readTask(task: Task, context: LogContext): TaskReading {
  const gitPlans: GitPlan[] = [];
  const prTitles: PrTitle[] = [];
  const prLinks: PrLinkMention[] = [];
  const mentions: IdentifierMention[] = [];
  // Fields are in item order: the next field is the current item's or a later one's.
  let next = 0;
  // One pair of arrays for every item's walk.
  const paragraphs: Token[] = [];
  const links: Token[] = [];
  const lists = task.lists;
  for (let l = 0; l < lists.length; l++) {
    const items = (lists[l] as List).items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as ListItem;
      const candidate = task.fields[next];
      const field = candidate !== undefined && candidate.item === item ? candidate : undefined;
      if (field !== undefined) next++;
      const from = field === undefined ? undefined : { line: field.line, column: field.valueColumn };
      const isPr = field !== undefined && PR_FIELD_KEYS.has((field as FieldImpl).trimmedKey);
      // A paragraph's text is a piece of its item's blocks' and lists' source text: when none of those
      // may hold a mention, no paragraph does, and only a PR field needs the walk.
      if (isPr || itemMayMention(item)) itemParagraphs(item, isPr, paragraphs, links);
      else paragraphs.length = links.length = 0;
      for (let p = 0; p < paragraphs.length; p++) {
        const paragraph = paragraphs[p] as Token;
        const mayHoldMention = mayMention(paragraph.text);
        if (!mayHoldMention && !isPr) continue;
        for (const text of paragraphLines(paragraph, from)) {
          if (mayHoldMention) {
            for (const mention of findMentions(text.text)) {
              const identifier = parseIdentifier(mention.text);
              if (identifier !== undefined)
                mentions.push({
                  line: text.line,
                  column: text.column + mention.index,
                  text: mention.text,
                  identifier,
                  field,
                });
            }
          }
          if (isPr) for (const url of urlsOf(text, field)) prLinks.push(url);
        }
      }
      if (field === undefined) continue;
      // Reference links (`[PR][pr35]` with `[pr35]: https://…` anywhere in the document), after the item's URLs.
      for (const link of links) {
        if (childOfType(link, "resource") !== undefined) continue;
        const label = referenceLabel(link);
        context.definitions ??= definitionsOf(context.tokens);
        const destination = context.definitions.get(normalizeLabel(label));
        if (destination === undefined) continue;
        const firstLine = link.text.split("\n")[0] as string;
        prLinks.push({
          line: link.startLine,
          column: link.startColumn,
          text: firstLine,
          field,
          url: destination,
          reference: label,
          context: link.text,
        });
      }
      if (field.is(FIELD.gitPlan)) gitPlans.push(readGitPlan(field));
      if (isPr && field.is(FIELD.pr)) for (const title of readPrTitles(field)) prTitles.push(title);
    }
  }
  return { gitPlans, prTitles, prLinks, mentions };
}

const PR_FIELD_KEYS: ReadonlySet<string> = new Set(PR_LINK_FIELDS.map((name) => name.toLowerCase()));

function urlsOf(text: TextLine, field: Field): PrLinkMention[] {
  return findUrls(text.text).map((found) => ({
    line: text.line,
    column: text.column + found.index,
    text: found.text,
    field,
    url: found.text,
    reference: undefined,
    context: found.text,
  }));
}

function templatesOf(statuses: StatusFields): Map<string, Template> {
  const out = new Map<string, Template>();
  for (const [status, fields] of Object.entries(statuses)) {
    const keys = fields.map((field) => field.toLowerCase());
    out.set(status, { status, fields, keys, order: new Map(keys.map((key, index) => [key, index])) });
  }
  return out;
}

/** What a task holds besides its heading and its lazily read body. */
type TaskParts = Omit<Task, keyof Heading | "gitPlans" | "prTitles" | "prLinks" | "mentions">;

/** A task: its heading, its parts, and its body read in one walk on first use (a class, so that V8 keeps one shape). */
class TaskImpl implements Task {
  readonly line: number;
  readonly startColumn: number;
  readonly level: number;
  readonly text: string;
  readonly textColumn: number;
  readonly textSpan: Span;
  readonly parsed: ParsedTaskHeading;
  readonly status: Span | undefined;
  readonly statusName: string | undefined;
  readonly template: Template | undefined;
  readonly id: Span | undefined;
  readonly identifier: ParsedIdentifier | undefined;
  readonly identity: string | undefined;
  readonly spaceInsideIdentifier: boolean;
  readonly unclear: string | undefined;
  readonly title: Span | undefined;
  readonly separators: readonly (Span & { readonly canonical: boolean })[];
  readonly section: Section | undefined;
  readonly endLine: number;
  readonly lists: readonly List[];
  readonly fields: readonly Field[];
  #reading: TaskReading | undefined = undefined;
  /** The document's tokens (for reference definitions), out of reach of the model's users. */
  readonly #context: LogContext;

  constructor(heading: Heading, parts: TaskParts, context: LogContext) {
    this.#context = context;
    this.line = heading.line;
    this.startColumn = heading.startColumn;
    this.level = heading.level;
    this.text = heading.text;
    this.textColumn = heading.textColumn;
    this.textSpan = heading.textSpan;
    this.parsed = parts.parsed;
    this.status = parts.status;
    this.statusName = parts.statusName;
    this.template = parts.template;
    this.id = parts.id;
    this.identifier = parts.identifier;
    this.identity = parts.identity;
    this.spaceInsideIdentifier = parts.spaceInsideIdentifier;
    this.unclear = parts.unclear;
    this.title = parts.title;
    this.separators = parts.separators;
    this.section = parts.section;
    this.endLine = parts.endLine;
    this.lists = parts.lists;
    this.fields = parts.fields;
  }

  #read(): TaskReading {
    this.#reading ??= readTask(this, this.#context);
    return this.#reading;
  }

  get gitPlans(): readonly GitPlan[] {
    return this.#read().gitPlans;
  }

  get prTitles(): readonly PrTitle[] {
    return this.#read().prTitles;
  }

  get prLinks(): readonly PrLinkMention[] {
    return this.#read().prLinks;
  }

  get mentions(): readonly IdentifierMention[] {
    return this.#read().mentions;
  }
}

function buildTaskLog(tokens: readonly Token[], lines: readonly string[], statuses: StatusFields): TaskLog {
  const statusNames = Object.keys(statuses);
  const known = new Map<string, string>();
  for (const fields of Object.values(statuses)) {
    for (const field of fields) if (!known.has(field.toLowerCase())) known.set(field.toLowerCase(), field);
  }
  const context: LogContext = { tokens, definitions: undefined };
  const templates = templatesOf(statuses);

  // Top-level headings only: a heading inside a block quote or list item is not part of the log's outline.
  const headings: Heading[] = [];
  const headingIndex: number[] = [];
  tokens.forEach((token, index) => {
    if (HEADING_TYPES.has(token.type)) {
      headings.push(headingOf(token));
      headingIndex.push(index);
    }
  });

  // Spec section 2: a status section heading or a heading carrying an identifier-shaped token makes a
  // task log; a status word and a separator alone (`### Open · questions from the review`) do not.
  const isTaskLog = headings.some(
    (heading) => IDENTIFIER_SHAPE.test(heading.text) || sectionHeadingOf(heading, statusNames) !== undefined,
  );
  const byIdentity = new Map<string, Task>();
  const byNumber = new Map<number, Task[]>();
  const index = {
    taskWithIdentity: (key: string): Task | undefined => byIdentity.get(key),
    tasksNumbered: (number: number): readonly Task[] => byNumber.get(number) ?? [],
  };
  if (!isTaskLog) return { isTaskLog, lines, statuses, headings, sections: [], tasks: [], ...index };
  const taskShaped = headings.map((heading) => looksLikeTaskHeading(heading.text, statusNames));

  const sections: Section[] = [];
  const tasks: Task[] = [];
  let openSection: Section | undefined;
  headings.forEach((heading, h) => {
    if (taskShaped[h] === true) {
      const parsed = parseTaskHeading(heading.text);
      const start = (headingIndex[h] as number) + 1;
      const end = h + 1 < headings.length ? (headingIndex[h + 1] as number) : tokens.length;
      const endLine =
        h + 1 < headings.length ? (tokens[headingIndex[h + 1] as number] as Token).startLine - 1 : lines.length;
      const lists: ListNode[] = [];
      for (let i = start; i < end; i++) {
        const token = tokens[i] as Token;
        if (LIST_TYPES.has(token.type)) lists.push(buildList(token));
      }
      const fields: Field[] = [];
      for (const list of lists) {
        for (const item of list.items) {
          const field = fieldOf(item, known);
          if (field !== undefined) fields.push(field);
        }
      }
      const id = span(heading, parsed.id);
      const status = span(heading, parsed.status);
      const statusName = configuredStatus(statuses, status?.text);
      const spaced = spaceInsideIdentifier(parsed);
      // An identifier with a space inside (`tv-2025-10-03: PR45`) cannot be read as one.
      const identifier = id === undefined || spaced ? undefined : parseIdentifier(id.text);
      const task = new TaskImpl(
        heading,
        {
          parsed,
          status,
          statusName,
          template: templates.get((status !== undefined ? statusName : openSection?.statusName) ?? ""),
          id,
          identifier,
          identity: identityOf(identifier),
          spaceInsideIdentifier: spaced,
          unclear: unreadablePart(parsed, statusNames),
          title: span(heading, parsed.title),
          separators: parsed.separators.map((separator) => ({
            line: heading.line,
            column: heading.textColumn + separator.offset,
            text: separator.text,
            canonical: separator.canonical,
          })),
          section: openSection,
          endLine: Math.max(heading.line, endLine),
          lists,
          fields,
        },
        context,
      );
      tasks.push(task);
      openSection?.tasks.push(task);
      if (task.identity !== undefined && !byIdentity.has(task.identity)) byIdentity.set(task.identity, task);
      if (identifier !== undefined && identifier.suffix.kind !== "placeholder") {
        const numbered = byNumber.get(identifier.suffix.number);
        if (numbered === undefined) byNumber.set(identifier.suffix.number, [task]);
        else numbered.push(task);
      }
      return;
    }
    // A non-task heading at or above the open section's level closes it.
    if (openSection !== undefined && heading.level <= openSection.level) openSection = undefined;
    const parsedSection = sectionHeadingOf(heading, statusNames);
    if (parsedSection !== undefined) {
      const status = span(heading, parsedSection.status) as Span;
      const section: Section = {
        ...heading,
        status,
        statusName: configuredStatus(statuses, status.text),
        group: span(heading, parsedSection.group),
        stamp: span(heading, parsedSection.stamp),
        tasks: [],
      };
      sections.push(section);
      openSection = section;
    }
  });
  return { isTaskLog, lines, statuses, headings, sections, tasks, ...index };
}
