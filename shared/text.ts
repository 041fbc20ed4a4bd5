// Text normalisation for what clerks type on Chinese keyboards (full-width digits, ideographic spaces).

/** Full-width ASCII (！–～) to half-width, ideographic space to a normal space. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
}

/** Dates as clerks type them — 20261120, 2026/11/20, 2026.11.20, 2026-11-2 — as YYYY-MM-DD.
 *  Anything else is returned trimmed and unchanged, for the validator to reject. */
export function normalizeDateInput(raw: string): string {
  const text = toHalfWidth(raw).trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  const parts = compact ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text)
  if (!parts) return text
  return `${parts[1]}-${(parts[2] as string).padStart(2, '0')}-${(parts[3] as string).padStart(2, '0')}`
}
