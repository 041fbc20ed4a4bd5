import { toHalfWidth } from '@shared/text'

// Mainland China numbers as they are written at a counter: "138 0013 8000", "+86 13800138000",
// "０２１－１２３４５６７８", "010-12345678 转 123". The normalised form is what we store and search.

export type PhoneKind = 'mobile' | 'landline'
export type PhoneCheck =
  { ok: true; value: string; kind: PhoneKind } | { ok: false; reason: 'empty' | 'invalid' }

const MOBILE = /^1[3-9]\d{9}$/
/** Area codes are 010 and 02x (three digits) or 0[3-9]xx (four), so "02112345678" splits
 *  unambiguously; then a 7–8 digit number and an optional extension. */
const LANDLINE = /^(01\d|02\d|0[3-9]\d{2})([2-9]\d{6,7})(?:-(\d{1,6}))?$/

export function normalizePhone(raw: string): PhoneCheck {
  let text = toHalfWidth(raw).trim()
  if (!text) return { ok: false, reason: 'empty' }
  text = text.replace(/(转|ext\.?|x)\s*/gi, '#')
  // Our own stored form, 0571-88888888-123: the third group is the extension (normalising is idempotent).
  text = text.replace(/^(0\d{2,3}-[2-9]\d{6,7})-(\d{1,6})$/, '$1#$2')
  const [main = '', ext] = text.split('#')
  let digits = main.replace(/[\s\-().]/g, '')
  if (/^(\+?86)/.test(digits) && digits.replace(/^\+?86/, '').length >= 10)
    digits = digits.replace(/^\+?86/, '')
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'invalid' }
  const extension = ext?.replace(/\D/g, '')
  if (MOBILE.test(digits) && !extension) return { ok: true, value: digits, kind: 'mobile' }
  const withExt = extension ? `${digits}-${extension}` : digits
  const landline = LANDLINE.exec(withExt)
  if (landline) {
    const [, area, number, extNo] = landline
    return { ok: true, value: `${area}-${number}${extNo ? `-${extNo}` : ''}`, kind: 'landline' }
  }
  return { ok: false, reason: 'invalid' }
}

/** 138****5678 for mobiles; landlines keep area code and last 4 digits. Used wherever a role need not see the number and on every printout. */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`
  const landline = /^(0\d{2,3})-(\d{7,8})/.exec(phone)
  if (landline) return `${landline[1]}-****${(landline[2] as string).slice(-4)}`
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****'
}

/** Whether a search query is part of a phone number: digits (as typed, with spaces, dashes and
 *  full-width forms) that are neither a whole phone nor 4 digits (尾号). Someone without the right
 *  to full numbers cannot search by such a fragment (docs/security.md §4); the search says so. */
export function isPhoneFragment(raw: string): boolean {
  const digits = toHalfWidth(raw).replace(/[\s\-()]/g, '')
  return /^\d{3,}$/.test(digits) && digits.length !== 4 && !normalizePhone(raw).ok
}
