/**
 * Each rule's description is what markdownlint prints on every finding and what VS Code shows in the
 * Problems panel: it must fit one line there (about 60 characters). Details carry the specifics.
 */
import { describe, expect, it } from "vitest";
import { packRules } from "./harness.js";

describe("rule descriptions", () => {
  it.each(packRules.map((rule) => [rule.names[0], rule.description] as const))(
    "%s: %s fits a Problems-panel line",
    (_id, description) => {
      expect(description.length).toBeLessThanOrEqual(60);
      expect(description).not.toMatch(/…|\.$/);
    },
  );
});
