/**
 * Calendar dates written as `YYYY-MM-DD` (ISO 8601 calendar date, proleptic Gregorian).
 */
import { quote } from "../messages.js";

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The date as written, `YYYY-MM-DD`; comparable as a string. */
  readonly text: string;
}

export const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export type DateCheck =
  | { readonly ok: true; readonly date: CalendarDate }
  | { readonly ok: false; readonly reason: string };

/** Check that `text` is a `YYYY-MM-DD` date that exists on the calendar. */
export function checkDate(text: string): DateCheck {
  const match = DATE_SHAPE.exec(text);
  if (!match) return { ok: false, reason: `${quote(text)} is not a date of the form YYYY-MM-DD` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return { ok: false, reason: `${text} has no month ${match[2]}` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, reason: `${text} does not exist (month ${match[2]} of ${match[1]} has ${last} days)` };
  }
  return { ok: true, date: { year, month, day, text } };
}

/** The date itself when `text` is a real calendar date, otherwise undefined. */
export function parseDate(text: string): CalendarDate | undefined {
  const result = checkDate(text);
  return result.ok ? result.date : undefined;
}
