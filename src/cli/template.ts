/**
 * A new task's text from its status's template: the fields the configuration requires for that
 * status, in template order. A value the command knows is written; every other field is left for a
 * person (empty, or a template placeholder the rules name), and the command lists those. What each
 * field's line holds is the convention's table of fields (`FIELDS` in src/convention.ts).
 */
import { fieldSpec } from "../convention.js";

export interface TemplateInput {
  readonly status: string;
  readonly identifier: string;
  readonly title: string;
  readonly fields: readonly string[];
  readonly priority?: string | undefined;
  readonly size?: string | undefined;
  /** The PR number, when known. */
  readonly pr?: number | undefined;
  /** `owner/repo` of the log's PR links, when the log names one repository. */
  readonly repository?: string | undefined;
  readonly host: string;
  /** Heading level of a task (one below its section). */
  readonly level: number;
}

export interface TemplateLine {
  readonly text: string;
  /** The field the line belongs to (its label), if any. */
  readonly field?: string;
}

export interface BuiltTask {
  readonly lines: readonly TemplateLine[];
  /** Labels of the fields left for a person to fill, in order. */
  readonly toFill: readonly string[];
}

/** A PR URL for the template: a real one when repository and number are known, a placeholder in a code span otherwise. */
export function templateUrl(host: string, repository: string | undefined, pr: number | undefined): string {
  const url = `https://${host}/${repository ?? "<owner>/<repo>"}/pull/${pr ?? "###"}`;
  return repository !== undefined ? `<${url}>` : `\`${url}\``;
}

export function buildTask(input: TemplateInput): BuiltTask {
  const lines: TemplateLine[] = [
    { text: `${"#".repeat(input.level)} ${input.status} \u00B7 ${input.identifier} \u00B7 ${input.title}` },
    { text: "" },
  ];
  const toFill: string[] = [];
  const add = (
    field: string,
    value: string | undefined,
    nested: readonly string[] = [],
    fill = value === undefined,
  ): void => {
    lines.push({ text: value === undefined || value === "" ? `- **${field}**:` : `- **${field}**: ${value}`, field });
    for (const text of nested) lines.push({ text, field });
    if (fill) toFill.push(field);
  };
  const url = templateUrl(input.host, input.repository, input.pr);
  const linkComplete = input.repository !== undefined && input.pr !== undefined;
  for (const field of input.fields) {
    const template = fieldSpec(field)?.template ?? { kind: "empty" };
    switch (template.kind) {
      case "given":
        add(field, input[template.option]);
        break;
      case "placeholder":
        add(field, template.text.replace("{url}", url), template.nested, true);
        break;
      case "link":
        add(field, template.text.replace("{url}", url), [], !linkComplete);
        break;
      default:
        add(field, undefined);
        break;
    }
  }
  return { lines, toFill };
}
