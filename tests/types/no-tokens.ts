/**
 * "No rule reads tokens" as a type error: each line marked `@ts-expect-error` reaches for a micromark
 * token through the public model or a rule's context, as a rule would. `npm run typecheck` compiles
 * this file; if any of these paths to a token existed, its expect-error would be unused and the
 * typecheck would fail. (Not a test file: nothing here runs. tests/model.test.ts checks the same at
 * run time: the model's objects hold no token property.)
 */
import { defineRule } from "../../src/kit/define.js";
import type { Field, Heading, List, ListItem, ModelParams, Section, Task, TaskLog } from "../../src/model/index.js";

export function reachForTokens(
  model: TaskLog,
  section: Section,
  task: Task,
  heading: Heading,
  list: List,
  item: ListItem,
  field: Field,
  params: ModelParams,
): unknown[] {
  const found: unknown[] = [];
  // @ts-expect-error a section has no token
  found.push(section.token);
  // @ts-expect-error a task has no token
  found.push(task.token.text);
  // @ts-expect-error a heading has no token
  const { token } = heading;
  found.push(token);
  // @ts-expect-error a list has no token
  found.push(list.token);
  // @ts-expect-error an item has no paragraph token
  found.push(item.paragraph);
  // @ts-expect-error an item has no block tokens
  found.push(item.blocks);
  // @ts-expect-error a field has no inline tokens
  found.push(field.valueInline);
  // @ts-expect-error a field's private token fields are not part of its type
  found.push(field.inline);
  // @ts-expect-error the model has no tokens
  found.push(model.tokens);
  const tokens = params.parsers.micromark?.tokens ?? [];
  // @ts-expect-error the tokens of the parameters are opaque: a token's text cannot be read
  found.push(tokens[0]?.text);
  // @ts-expect-error nor its children
  found.push(tokens[0]?.children);
  return found;
}

export const rule = defineRule({
  id: "TL000",
  name: "reads-tokens",
  description: "A rule that tries to read tokens (never registered)",
  tag: "types",
  options: {},
  check({ params, model }) {
    // @ts-expect-error a rule's context has no parsers
    void params.parsers.micromark;
    for (const task of model.tasks) {
      // @ts-expect-error a task from the context has no token either
      void task.token;
    }
  },
});
