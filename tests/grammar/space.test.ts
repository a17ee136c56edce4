import { describe, expect, it } from "vitest";
import { isSpace } from "../../src/grammar/space.js";

describe("isSpace", () => {
  it("says what /\\s/ says of every UTF-16 unit", () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isSpace(char) !== /\s/.test(char)) differ.push(code);
    }
    expect(differ).toEqual([]);
    expect(isSpace(" ")).toBe(true);
    expect(isSpace("\u3000")).toBe(true);
    expect(isSpace("a")).toBe(false);
  });
});
