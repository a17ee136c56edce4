/**
 * JavaScript's white space (`\s`: tab, line breaks, space, the no-break and other Unicode spaces,
 * U+FEFF) tested on one character without a regular expression for ASCII, which the scanners of
 * the grammars meet nearly always.
 */
const UNICODE_SPACE = /\s/;

/** Is `char` (one UTF-16 unit) white space, as `/\s/` says? */
export function isSpace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return UNICODE_SPACE.test(char);
}
