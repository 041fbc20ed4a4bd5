// What may reach a log file (issue 17 point 5): customer names, phone numbers, card numbers and
// passphrases never do. Two layers, both applied by main to every line before it is written:
// - by field: a value under a key that names personal data or a secret is replaced whole, whatever it
//   looks like (a Latin name, a passphrase of any shape);
// - by shape, in any text: an HTTP credential (Authorization: Basic …) or one inside a URL (a WebDAV
//   password), a key=value pair whose key names such data (a record written into a
//   message: name=John, "phone":"…", passphrase: …), Chinese characters (names, addresses, notes — the app's own log texts are
//   English codes), runs of 7 or more digits with or without separators (mobile and landline numbers,
//   member and bank card numbers, order numbers), a masked number (138****5678), e-mail addresses.
// What is kept: codes, English words, numbers of up to 6 digits (counts, sizes, line numbers), paths'
// ASCII parts, stack frames.

export const REDACTED = '[redacted]'

/** Keys (any case, any separators) whose values are replaced whole. */
const SECRET_KEY =
  /(name|phone|mobile|tel|card|passphrase|password|passwd|secret|token|pin|key|address|addr|content|note|remark|text|email|idno|idcard|wechat|customer)/i

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}\u3000-\u303f\uff00-\uffef]+/gu
/** 7+ digits, allowing single spaces, dashes or dots between them (138 1234 5678, 0571-8888-6666) */
const LONG_NUMBER = /(?<![0-9])\+?[0-9](?:[ .-]?[0-9]){6,}(?![0-9])/g
/** a masked phone as the app shows it: 138****5678 */
const MASKED = /[0-9]{2,4}\*{2,}[0-9]{2,4}/g
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
/** key=value, key: value, "key":"value" in text (a record written into a message) */
const PAIR =
  /(["']?)([A-Za-z_]*(?:name|phone|mobile|card|passphrase|password|passwd|secret|token|pin|email|address)[A-Za-z_]*)\1(\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;}&)]+)/gi

/** an HTTP credential as a header carries it (Authorization: Basic …, Bearer …): a WebDAV password */
const HTTP_CREDENTIAL = /\b(Basic|Bearer|Digest)\s+[A-Za-z0-9+/=._~-]{4,}/gi
/** credentials inside a URL (https://user:password@host/) */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi

/** Text with every piece of personal data replaced by [redacted]. */
export function redactText(text: string): string {
  return text
    .replace(HTTP_CREDENTIAL, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_CREDENTIALS, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(PAIR, (_m, q: string, key: string, sep: string) => `${q}${key}${q}${sep}${REDACTED}`)
    .replace(EMAIL, REDACTED)
    .replace(MASKED, REDACTED)
    .replace(LONG_NUMBER, REDACTED)
    .replace(CJK, REDACTED)
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[^A-Za-z]/g, ''))
}

/** A value (record, error, array, text) as it may be logged: secret keys' values replaced whole, all
 *  text redacted by shape. Cycles and depth beyond 8 are cut. */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value)
  if (typeof value === 'number' || typeof value === 'bigint')
    return redactText(String(value)) === String(value) ? value : REDACTED
  if (value === null || typeof value !== 'object') return value
  if (seen.has(value) || depth > 8) return REDACTED
  seen.add(value)
  if (value instanceof Error)
    return {
      name: redactText(value.name),
      message: redactText(value.message),
      ...(value.stack ? { stack: redactText(value.stack) } : {})
    }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen))
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return REDACTED
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = redactText(k)
    out[key] =
      isSecretKey(k) && v !== null && v !== undefined && v !== '' ? REDACTED : redactValue(v, depth + 1, seen)
  }
  return out
}
