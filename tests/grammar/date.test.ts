import { describe, expect, it } from "vitest";
import { checkDate, daysInMonth, isLeapYear, parseDate } from "../../src/grammar/date.js";

describe("calendar dates", () => {
  it("accepts real dates", () => {
    for (const text of ["2025-10-03", "2024-02-29", "2000-02-29", "1999-12-31", "2025-01-01"]) {
      expect(checkDate(text)).toEqual({ ok: true, date: expect.objectContaining({ text }) });
    }
    expect(parseDate("2025-10-03")).toEqual({ year: 2025, month: 10, day: 3, text: "2025-10-03" });
  });

  it("rejects dates that do not exist, naming the reason", () => {
    expect(checkDate("2025-02-29")).toEqual({
      ok: false,
      reason: "2025-02-29 does not exist (month 02 of 2025 has 28 days)",
    });
    expect(checkDate("1900-02-29")).toMatchObject({ ok: false });
    expect(checkDate("2025-04-31")).toMatchObject({ ok: false, reason: expect.stringContaining("has 30 days") });
    expect(checkDate("2025-13-01")).toEqual({ ok: false, reason: "2025-13-01 has no month 13" });
    expect(checkDate("2025-00-10")).toMatchObject({ ok: false });
    expect(checkDate("2025-10-00")).toMatchObject({ ok: false });
  });

  it("rejects text that is not YYYY-MM-DD", () => {
    for (const text of ["YYYY-MM-DD", "2025-1-03", "25-10-03", "2025/10/03", " 2025-10-03", "2025-10-03x", ""]) {
      expect(checkDate(text).ok).toBe(false);
      expect(parseDate(text)).toBeUndefined();
    }
  });

  it("knows leap years and month lengths", () => {
    expect([1900, 2000, 2024, 2025].map(isLeapYear)).toEqual([false, true, true, false]);
    expect([1, 2, 4, 12].map((month) => daysInMonth(2023, month))).toEqual([31, 28, 30, 31]);
  });
});
