/**
 * No input makes a rule throw, and every report stays inside markdownlint's contract: a line of the
 * document, a range inside that line, a fix inside that line. Rules run with `handleRuleFailures:
 * false` (see the harness), so a throw fails the property with the document that caused it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintPack } from "../harness.js";
import { reportProblems } from "../support/checks.js";
import { itCorpus, realVersions } from "../support/corpus.js";
import { validTaskLogArbitrary } from "../support/generate.js";
import { applyMutations, mutationsArbitrary } from "../support/mutate.js";
import { propertyParameters } from "../support/settings.js";

const real = realVersions();

function checkDocument(content: string): void {
  const errors = lintPack(content);
  expect(reportProblems(content, errors)).toEqual([]);
}

describe("robustness (property)", () => {
  it("mutated generated logs: no throw, every report well placed", () => {
    fc.assert(
      fc.property(validTaskLogArbitrary(4), mutationsArbitrary(8), (log, mutations) => {
        checkDocument(applyMutations(log.text, mutations));
      }),
      propertyParameters(80),
    );
  });

  itCorpus("mutated real corpus versions: no throw, every report well placed", () => {
    fc.assert(
      fc.property(fc.nat({ max: real.length - 1 }), mutationsArbitrary(8), (version, mutations) => {
        checkDocument(applyMutations((real[version] as [string, string])[1], mutations));
      }),
      propertyParameters(30),
    );
  });

  it("Markdown-shaped noise: no throw, every report well placed", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "### Open · tv-2025-10-03:PR1 · T\n",
        "## Open tasks (updated 2025-10-03)\n",
        "- **Summary**: ",
        "- **PR**:",
        "  - Branch: `",
        "  1. ",
        "```",
        "<!--",
        "-->",
        "> ",
        "\t",
        "\r\n",
        "\n",
        "\r",
        "\0",
        "\u{1F600}",
        " · ",
        "**",
        "`",
        "tv-2025-10-03:PR",
        "https://github.com/a/b/pull/1",
        "<",
        ">",
        "[",
        "](",
        ")",
        "#",
        "- ",
        "    ",
        "\uFEFF",
        "Deferred",
        "open ",
        "(updated ",
      ),
      fc.string({ unit: "binary", maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        checkDocument(`### Open · tv-2025-10-03:PR9 · Start\n${pieces.join("")}`);
      }),
      propertyParameters(150),
    );
  });
});
