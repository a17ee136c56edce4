/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped by the runner's rules:
 * in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in a property value also `:` and `,`
 * (`%3A`, `%2C`), which would otherwise end the value.
 */
export type AnnotationLevel = "error" | "warning" | "notice";

export function escapeData(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

export interface Annotation {
  readonly level: AnnotationLevel;
  readonly file: string;
  readonly line?: number | undefined;
  readonly title?: string | undefined;
  readonly message: string;
}

export function formatAnnotation(annotation: Annotation): string {
  const properties: string[] = [`file=${escapeProperty(annotation.file)}`];
  if (annotation.line !== undefined) properties.push(`line=${annotation.line}`);
  if (annotation.title !== undefined) properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::${annotation.level} ${properties.join(",")}::${escapeData(annotation.message)}`;
}
