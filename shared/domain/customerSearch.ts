import { pinyin } from 'pinyin-pro'
import { toHalfWidth } from '@shared/text'

// Customer search as staff type it (docs/design.md §3.2): name, pinyin initials (张三 → zs), full pinyin,
// full phone, last four digits, member card. Each customer stores a bounded list of tagged keys in
// a multiEntry index, so every search is a handful of index prefix reads; the tag keeps kinds apart
// (a 4-digit card prefix is not a last-4). rankResults re-derives the same keys to explain and order hits.

/** Keys per customer; IndexedDB index size stays proportional to the number of customers. */
export const MAX_SEARCH_KEYS = 16
/** Characters kept after the tag; query prefixes are clipped the same way, so a long query still matches. */
export const MAX_KEY_LENGTH = 64
export const DEFAULT_RESULT_LIMIT = 20

export type MatchKind =
  | 'phone' // full phone (or a landline's full local number)
  | 'card' // full member card
  | 'last4' // 尾号
  | 'name'
  | 'namePrefix'
  | 'initials' // all initials, 张三 = zs
  | 'initialsPrefix'
  | 'pinyinPrefix'
  | 'phonePrefix'
  | 'cardPrefix'

/** Preference when one customer matches several ways (phone before card in the shared top tier). */
const MATCH_ORDER: readonly MatchKind[] = [
  'phone',
  'card',
  'last4',
  'name',
  'namePrefix',
  'initials',
  'initialsPrefix',
  'pinyinPrefix',
  'phonePrefix',
  'cardPrefix'
]
/** Ranking tier: an exact phone and an exact card are equally certain. */
const TIER: Record<MatchKind, number> = {
  phone: 0,
  card: 0,
  last4: 1,
  name: 2,
  namePrefix: 3,
  initials: 4,
  initialsPrefix: 5,
  pinyinPrefix: 6,
  phonePrefix: 7,
  cardPrefix: 8
}

export interface Searchable {
  name: string
  phones: string[]
  memberNo?: string
}
export interface SearchLookup {
  /** tagged prefix: read `where('_keys').startsWith(prefix)` */
  prefix: string
  /** the best a hit of this read can be */
  kind: MatchKind
  /** only a key equal to `prefix` matches (a phone for someone who may not see full numbers) */
  exact?: boolean
}
/** What the searcher may do. `phonePrefix: false` — a role without the right to full numbers: digits
 *  match a phone only as the full number or its last four, never by prefix, or the masked middle
 *  digits of 138****5678 fall to 40 searches (docs/security.md §4). */
export interface SearchOptions {
  phonePrefix: boolean
}
const ALL_KINDS: SearchOptions = { phonePrefix: true }
export interface SearchPlan {
  /** the query as normalised (half-width, lower case, no spaces) */
  query: string
  lookups: SearchLookup[]
}
export interface SearchMatch {
  kind: MatchKind
  /** the key text that matched, without tag: '5678', 'zs', 'zhangsan', '13812345678' (unmasked!) */
  matched: string
  /** the customer's value it came from: the stored phone, the name or the member card */
  source: string
}
export interface RankedCustomer<T> {
  customer: T
  match: SearchMatch
}

type Tag = 'n' | 'i' | 'f' | 'p' | 't' | 'm'
interface KeyEntry {
  tag: Tag
  text: string
  source: string
}

// --- normalisation shared by keys and queries -------------------------------------------------

/** Code-point slice, so a rare character outside the BMP is never cut in half. */
const clip = (text: string) => Array.from(text).slice(0, MAX_KEY_LENGTH).join('')
const key = (tag: Tag, text: string) => `${tag}:${clip(text)}`

/** Names compare without spaces and the 间隔号 of minority names (阿依古丽·买买提). */
function normName(name: string): string {
  return toHalfWidth(name)
    .toLowerCase()
    .replace(/[\s·・•]/g, '')
}
/** Cards are typed with or without their dashes and spaces. */
function normCard(card: string): string {
  return toHalfWidth(card).toLowerCase().replace(/[\s-]/g, '')
}

/** Initials and toneless pinyin (ü as v, as typed on a pinyin keyboard). Latin or digit runs in a
 *  name count as words (Tom李 → tl / tomli); other characters (·, rare ideographs) are skipped. */
function reading(name: string, surname: boolean): { initials: string; full: string } {
  let initials = ''
  let full = ''
  let run = ''
  const endRun = () => {
    if (run) [initials, full, run] = [initials + run[0], full + run, '']
  }
  for (const item of pinyin(toHalfWidth(name), {
    type: 'all',
    toneType: 'none',
    v: true,
    surname: surname ? 'head' : 'off'
  })) {
    const syllable = item.isZh ? item.pinyin.toLowerCase().replace(/[^a-z]/g, '') : ''
    if (syllable) {
      endRun()
      initials += syllable[0]
      full += syllable
    } else if (/^[a-z0-9]+$/i.test(item.origin)) run += item.origin.toLowerCase()
    else endRun()
  }
  endRun()
  return { initials, full }
}

/** Pinyin initials of any text (标准用语 titles: 致歉 → zq), read as ordinary words, not as a name. */
export function pinyinInitials(text: string): string {
  return reading(text, false).initials
}

/** The surname reading (单 shan, 曾 zeng, 解 xie …) first, then the ordinary one (dan, ceng, jie). */
function readings(name: string): { initials: string; full: string }[] {
  return [reading(name, true), reading(name, false)]
}

const LANDLINE = /^0\d{2,3}-(\d{7,8})(?:-\d+)?$/

/** Digits, the landline's local number (typed without area code) and the last four of the number proper. */
function phoneParts(phone: string): { digits: string; local?: string; last4?: string } {
  const digits = phone.replace(/\D/g, '')
  const local = LANDLINE.exec(phone)?.[1]
  const base = local ?? digits
  return { digits, local, last4: base.length >= 4 ? base.slice(-4) : undefined }
}

function uniqueBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = keyOf(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

// --- keys --------------------------------------------------------------------------------------

/** Every key of a customer with where it came from, most useful first, deduplicated and bounded. */
function keyEntries(c: Searchable): KeyEntry[] {
  const entries: KeyEntry[] = []
  const name = normName(c.name)
  if (name) entries.push({ tag: 'n', text: name, source: c.name })
  for (const r of readings(c.name)) {
    if (r.initials) entries.push({ tag: 'i', text: r.initials, source: c.name })
    if (r.full) entries.push({ tag: 'f', text: r.full, source: c.name })
  }
  const card = c.memberNo ? normCard(c.memberNo) : ''
  if (card) entries.push({ tag: 'm', text: card, source: c.memberNo as string })
  // Full numbers and last-4 of every phone before any landline local number: if the bound bites,
  // a customer with five landlines loses only the "typed without area code" keys.
  const phones = c.phones.filter((p) => p.trim() !== '').map((p) => ({ phone: p, ...phoneParts(p) }))
  for (const p of phones) {
    if (p.digits) entries.push({ tag: 'p', text: p.digits, source: p.phone })
    if (p.last4) entries.push({ tag: 't', text: p.last4, source: p.phone })
  }
  for (const p of phones) if (p.local) entries.push({ tag: 'p', text: p.local, source: p.phone })

  return uniqueBy(entries, (e) => key(e.tag, e.text)).slice(0, MAX_SEARCH_KEYS)
}

/** The entries behind keys already stored on a record (its `_keys`), with their sources: ranking a
 *  page of search results must not recompute pinyin for every candidate on every keystroke. */
function entriesFromStoredKeys(c: Searchable, keys: readonly string[]): KeyEntry[] {
  const phones = c.phones.map((p) => ({ phone: p, ...phoneParts(p) }))
  return keys.map((k) => {
    const tag = k[0] as Tag
    const text = k.slice(2)
    const source =
      tag === 'm'
        ? (c.memberNo ?? text)
        : tag === 'p'
          ? (phones.find((p) => clip(p.digits) === text || p.local === text)?.phone ?? text)
          : tag === 't'
            ? (phones.find((p) => p.last4 === text)?.phone ?? text)
            : c.name
    return { tag, text, source }
  })
}

/** A candidate's key entries: from its stored `_keys` when it has them, else computed. */
function entriesOf(c: Searchable & { _keys?: readonly string[] }): KeyEntry[] {
  return c._keys?.length ? entriesFromStoredKeys(c, c._keys) : keyEntries(c)
}

/** The values for the customers' multiEntry `_keys` index: `n:` name, `i:` initials, `f:` full
 *  pinyin, `p:` phone digits (and landline local number), `t:` last four, `m:` member card. */
export function searchKeys(c: Searchable): string[] {
  return keyEntries(c).map((e) => key(e.tag, e.text))
}

// --- queries -----------------------------------------------------------------------------------

const MOBILE = /^1[3-9]\d{9}$/
const lookup = (tag: Tag, text: string, kind: MatchKind): SearchLookup => ({ prefix: key(tag, text), kind })

function digitLookups(digits: string, options: SearchOptions): SearchLookup[] {
  if (MOBILE.test(digits))
    return [
      options.phonePrefix ? lookup('p', digits, 'phone') : { ...lookup('p', digits, 'phone'), exact: true },
      lookup('m', digits, 'cardPrefix')
    ]
  const phone = options.phonePrefix
    ? lookup('p', digits, 'phonePrefix')
    : // a landline's full digits or its local number, as a whole
      { ...lookup('p', digits, 'phone'), exact: true }
  const both = [phone, lookup('m', digits, 'cardPrefix')]
  return digits.length === 4 ? [lookup('t', digits, 'last4'), ...both] : both
}

function pinyinLookups(text: string): SearchLookup[] {
  return readings(text).flatMap((r) => [
    ...(r.initials ? [lookup('i', r.initials, 'initialsPrefix')] : []),
    ...(r.full ? [lookup('f', r.full, 'pinyinPrefix')] : [])
  ])
}

/** What staff typed → the index prefixes to read. Empty input reads nothing. */
export function parseQuery(raw: string, options: SearchOptions = ALL_KINDS): SearchPlan {
  // Spaces, pinyin apostrophes (xi'an) and name dots never matter; full-width input is common.
  const text = toHalfWidth(raw)
    .trim()
    .toLowerCase()
    .replace(/[\s'’·・•]/g, '')
  const digits = text.replace(/[-()]/g, '')
  const query = /^\d+$/.test(digits) ? digits : text
  return { query, lookups: uniqueBy(lookupsFor(query, options), (l) => l.prefix) }
}

function lookupsFor(query: string, options: SearchOptions): SearchLookup[] {
  if (!query) return []
  if (/^\d+$/.test(query)) return digitLookups(query, options)
  if (/^[a-z]+$/.test(query))
    return [
      lookup('i', query, 'initialsPrefix'),
      lookup('f', query, 'pinyinPrefix'),
      lookup('m', query, 'cardPrefix')
    ]
  // 张s: the name as typed, and its pinyin with the letters kept (zs / zhangs).
  if (/\p{Script=Han}/u.test(query))
    return [lookup('n', normName(query), 'namePrefix'), ...(/[a-z]/.test(query) ? pinyinLookups(query) : [])]
  // vip-0012: a member card, or a name with digits in it (李2号 → li2hao).
  if (/^[a-z0-9-]+$/.test(query))
    return [lookup('m', normCard(query), 'cardPrefix'), lookup('f', query.replace(/-/g, ''), 'pinyinPrefix')]
  return [lookup('n', normName(query), 'namePrefix'), lookup('m', normCard(query), 'cardPrefix')]
}

// --- matching and ranking ----------------------------------------------------------------------

function kindOf(tag: Tag, exact: boolean): MatchKind {
  switch (tag) {
    case 'n':
      return exact ? 'name' : 'namePrefix'
    case 'i':
      return exact ? 'initials' : 'initialsPrefix'
    case 'f':
      return 'pinyinPrefix'
    case 'p':
      return exact ? 'phone' : 'phonePrefix'
    case 't':
      return 'last4'
    case 'm':
      return exact ? 'card' : 'cardPrefix'
  }
}

function bestMatch(lookups: SearchLookup[], entries: KeyEntry[]): SearchMatch | null {
  let best: SearchMatch | null = null
  for (const l of lookups) {
    for (const e of entries) {
      const k = key(e.tag, e.text)
      if (l.exact ? k !== l.prefix : !k.startsWith(l.prefix)) continue
      const kind = kindOf(e.tag, k === l.prefix)
      if (!best || MATCH_ORDER.indexOf(kind) < MATCH_ORDER.indexOf(best.kind))
        best = { kind, matched: e.text, source: e.source }
    }
  }
  return best
}

/** How a customer matched the query (for hints like 尾号 5678 / 拼音 zs), or null if it does not. */
export function matchOf(query: string | SearchPlan, c: Searchable): SearchMatch | null {
  const plan = typeof query === 'string' ? parseQuery(query) : query
  return bestMatch(plan.lookups, keyEntries(c))
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The candidates that match, best first: exact phone/card, last-4, exact name, name prefix, exact
 *  initials, initials prefix, pinyin prefix, phone prefix, card prefix; within a tier by pinyin,
 *  then name, then id. Duplicates (one customer read by several keys) are dropped. */
export function rankResults<T extends Searchable & { id: string; _keys?: readonly string[] }>(
  query: string,
  candidates: readonly T[],
  limit = DEFAULT_RESULT_LIMIT,
  options: SearchOptions = ALL_KINDS
): RankedCustomer<T>[] {
  const plan = parseQuery(query, options)
  if (plan.lookups.length === 0) return []
  const seen = new Set<string>()
  const hits: (RankedCustomer<T> & { sortName: string })[] = []
  for (const customer of candidates) {
    if (seen.has(customer.id)) continue
    seen.add(customer.id)
    const entries = entriesOf(customer)
    const match = bestMatch(plan.lookups, entries)
    if (match)
      hits.push({
        customer,
        match,
        sortName: entries.find((e) => e.tag === 'f')?.text ?? normName(customer.name)
      })
  }
  hits.sort(
    (a, b) =>
      TIER[a.match.kind] - TIER[b.match.kind] ||
      byCodePoint(a.sortName, b.sortName) ||
      byCodePoint(a.customer.name, b.customer.name) ||
      byCodePoint(a.customer.id, b.customer.id)
  )
  return hits.slice(0, Math.max(0, limit)).map(({ customer, match }) => ({ customer, match }))
}
