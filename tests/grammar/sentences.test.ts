import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ABBREVIATIONS, countSentences, maskInline, splitSentences } from "../../src/grammar/sentences.js";

describe("sentence counting", () => {
  it("counts plain sentences, with or without a final period", () => {
    expect(countSentences("Consolidate regression tests.")).toBe(1);
    expect(countSentences("Consolidate regression tests")).toBe(1);
    expect(countSentences("One. Two. Three.")).toBe(3);
    expect(countSentences("Is it flaky? Yes! Fix it.")).toBe(3);
    expect(countSentences("Wait... Then go.")).toBe(2);
  });

  it("has no sentence in empty or blank text", () => {
    expect(countSentences("")).toBe(0);
    expect(countSentences("  \n ")).toBe(0);
    expect(splitSentences("")).toEqual([]);
  });

  it("gives each sentence's text and offsets", () => {
    const text = "Badge differs on CI.\nInvestigation lives in PR #35.";
    expect(splitSentences(text)).toEqual([
      { start: 0, end: 20, text: "Badge differs on CI." },
      { start: 21, end: 51, text: "Investigation lives in PR #35." },
    ]);
  });

  it("does not end a sentence inside code spans", () => {
    expect(countSentences("Run `make test. Then lint.` before pushing.")).toBe(1);
    expect(countSentences("Run ``a `b. C` d. E`` before pushing.")).toBe(1);
    // A code span can end a sentence.
    expect(countSentences("Run `make`. Then push.")).toBe(2);
    // An unmatched backtick is literal.
    expect(countSentences("A ` tick. Then more.")).toBe(2);
  });

  it("does not end a sentence inside links, autolinks or bare URLs", () => {
    expect(countSentences("See [the plan. Part two.](https://example.com/a.b) for details.")).toBe(1);
    expect(countSentences("See [the plan. Part two.][plan] for details.")).toBe(1);
    expect(maskInline("See <https://e.com/x.> and <a.b@c.d>.")).toBe(`See ${"X".repeat(18)} and ${"X".repeat(9)}.`);
    expect(countSentences("Tracked at https://example.com/a. Next step follows.")).toBe(2);
    expect(countSentences("Tracked at https://example.com/a.B/c for details.")).toBe(1);
  });

  it("does not end a sentence after abbreviations", () => {
    expect(countSentences("Introduce mutation testing (e.g. `cosmic-ray`) to measure effectiveness.")).toBe(1);
    expect(countSentences("Compare CPU vs. GPU runs. Keep the faster.")).toBe(2);
    expect(countSentences("Tools, i.e. Ruff and Pyright, etc. All must pass.")).toBe(1);
    expect(countSentences("Follow Smith et al. To be decided.")).toBe(1);
    expect(countSentences("Ask Dr. Who.")).toBe(1);
    expect(ABBREVIATIONS).toContain("e.g.");
  });

  it("does not end a sentence in decimal numbers, versions or file names", () => {
    expect(countSentences("Support Python 3.13 and 3.14 once runtime stability reaches 99.5%.")).toBe(1);
    expect(countSentences("Update README.md and tools/ci_tasks.py accordingly.")).toBe(1);
  });

  it("does not end a sentence before a lowercase word or after an escaped period", () => {
    expect(countSentences("Land the change. then follow up.")).toBe(1);
    expect(countSentences("Version 1\\. Next part.")).toBe(1);
  });

  it("ends sentences after closing quotes, brackets and emphasis", () => {
    expect(countSentences("Ship it (finally.) Then rest.")).toBe(2);
    expect(countSentences("**Ship it.** Then rest.")).toBe(2);
    expect(countSentences('He said "done." Then left.')).toBe(2);
  });

  it("ends sentences at the terminators of other scripts", () => {
    // CJK and full-width terminators need no space after them.
    expect(countSentences("整合回归测试。添加说明文件。更新持续集成配置。")).toBe(3);
    expect(countSentences("回归测试稳定吗？是的！请合并。")).toBe(3);
    expect(countSentences("テストを整理する。READMEを追加する。")).toBe(2);
    expect(countSentences("Ｆｉｘ ｔｈｅ ｂａｄｇｅ．Ｔｈｅｎ ｒｅｓｔ！Ｄｏｎｅ？")).toBe(3);
    expect(countSentences("「完成了。」然后休息。")).toBe(2);
    expect(countSentences("halfwidth｡Ｎext")).toBe(2);
    // Devanagari danda and the Arabic question mark (and full stop) are followed by spaces.
    expect(countSentences("परीक्षण जोड़ें। दस्तावेज़ लिखें। समीक्षा करें।")).toBe(3);
    expect(countSentences("هل الاختبار مستقر؟ نعم. ادمج التغيير.")).toBe(3);
    expect(splitSentences("第一句。第二句。")).toEqual([
      { start: 0, end: 4, text: "第一句。" },
      { start: 4, end: 8, text: "第二句。" },
    ]);
  });

  it("does not end a sentence at a full-width period in a number or before a lowercase word", () => {
    expect(countSentences("版本３．１４已发布。")).toBe(1);
    expect(countSentences("ｆｉｌｅ．ｍｄ ｉｓ ｈｅｒｅ．")).toBe(1);
    // An ASCII period still needs a space after it, in any script.
    expect(countSentences("見てreadme.mdを。")).toBe(1);
  });

  it("counts real summaries from the corpus", () => {
    expect(
      countSentences(
        "Deliver a lean roadmap for closing remaining coverage gaps and ratcheting gates to 100%. Source of truth: `docs/coverage/roadmap.md`.",
      ),
    ).toBe(2);
    expect(
      countSentences(
        "After coverage gating, introduce mutation-based testing (e.g., `cosmic-ray`) to measure test\neffectiveness.",
      ),
    ).toBe(1);
    expect(
      countSentences("Add optional GitHub Actions matrix beyond 3.13 once\nruntime stability and coverage reach 100%."),
    ).toBe(1);
  });

  it("masks keeping offsets and line breaks", () => {
    expect(maskInline("a `b.c` d")).toBe("a XXXXX d");
    expect(maskInline("a [b](c)\nd")).toBe("a XXXXXX\nd");
    expect(maskInline("x \\. y")).toBe("x XX y");
  });

  it("never throws, keeps length, and yields ordered non-overlapping sentences", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "a",
            "B",
            ".",
            "!",
            "?",
            " ",
            "\n",
            "`",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "\\",
            "e.g.",
            "http://x",
          ),
        }),
        (text) => {
          expect(maskInline(text)).toHaveLength(text.length);
          const sentences = splitSentences(text);
          let previous = 0;
          for (const sentence of sentences) {
            expect(sentence.start).toBeGreaterThanOrEqual(previous);
            expect(sentence.end).toBeGreaterThan(sentence.start);
            expect(text.slice(sentence.start, sentence.end).trim()).toBe(sentence.text);
            previous = sentence.end;
          }
          expect(sentences.length === 0).toBe(text.trim() === "");
        },
      ),
    );
  });
});
