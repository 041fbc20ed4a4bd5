// Characters a person cannot see or that change how the text around them is shown: control characters
// (NUL, line breaks …, Unicode Cc), format characters (Cf: the bidi controls U+202A–U+202E and
// U+2066–U+2069 that let "gpj.exe" read as "exe.jpg", U+200E/U+200F, U+061C, zero-width characters,
// U+FEFF) and the line / paragraph separators (Zl, Zp). Names staff read — a PC name, a file name —
// must hold none of them (issue 17 point 6).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu

export function hasInvisibleChars(text: string): boolean {
  return INVISIBLE.test(text)
}

/** The text without them (for names that come from elsewhere: a host name, a file written before). */
export function stripInvisibleChars(text: string): string {
  return text.replace(INVISIBLE_ALL, '')
}
