import { z } from 'zod'
import { toHalfWidth } from '@shared/text'

/*
 * Positive wording (docs/design.md §3.1): text written to a customer — explanations, plan text, result
 * messages — is checked for the negative phrases the store handbook forbids, and the clerk is offered
 * the handbook's positive alternative. The phrase list is store-editable data (系统设置); the defaults
 * below are the handbook's list plus a few common 服务忌语.
 *
 * Matching rules (each one is pinned by a test in tests/unit/shared/domain/wording.test.ts):
 *  1. Substring match: Chinese has no word boundaries, so a phrase is found anywhere in the text (这个不行了 flags 不行).
 *  2. Whitespace inside a phrase is ignored, half- and full-width alike: "不 行", "不　行", "不\n行" all flag 不行 (the span covers the space).
 *  3. Full-width and half-width forms are the same character (？ = ?); no other folding (no case folding).
 *  4. Question exemption: a phrase immediately followed (spaces aside) by 吗, 么, ？ or ? is not flagged — the clerk is asking (这样不可以吗？).
 *  5. 嘛 does NOT exempt: it is emphatic, not interrogative ("这样不行嘛" = "it just won't do"); 吧, 呢, 啊 likewise.
 *  6. A-not-A exemption: a phrase starting with 不 whose preceding text repeats the start of what follows 不 is a question: 行不行, 可不可以, 可以不可以, 知不知道.
 *  7. …unless that repeated part is the tail of an ordinary word (执行不行, 步行不行, 银行不行: "X won't do") or itself follows 不 (不行不行 is a double refusal).
 *  8. Compound exemption: a phrase that is only part of a longer word is not flagged — 不但是 (not only), 不行使 (not exercise), 不行驶 (not drive); nothing else.
 *  9. No other exemption: rhetorical questions ending in 吗 (这都不知道吗？) slip through rule 4, and polite 不知道您…？ ("I wonder") is still flagged — the note points to 请问.
 * 10. Overlaps: the longest phrase wins (我想我做不了 over 做不了, 我也没办法 over 没办法); equal lengths — the earlier one, then the earlier rule.
 * 11. Exempt occurrences are dropped before overlaps are resolved, so they never hide or shorten another hit.
 * 12. Hits are returned in text order, never overlap, and carry UTF-16 indices into the original text (end exclusive).
 * 13. applySuggestion replaces exactly the hit's span; a stale hit (the span no longer holds the phrase) leaves the text unchanged.
 *
 * Fixing (issue 13.3): a fix must never make a sentence say the opposite.
 * 14. A phrase that carries a negation (a NEGATORS character: 不 没 無 无 非 别 莫 勿 未) cannot be replaced
 *     mechanically: the words after it belong to the negation. "我不能给您退款" with 我不能 swapped for
 *     我们能为您做的是… reads "what we can do is … refund you". Such a hit is fix 'rewrite': the handbook's
 *     alternative is offered as a suggestion to rewrite the sentence with (shown, never applied), and
 *     applySuggestion leaves the text unchanged.
 * 15. Only a phrase without a negator whose suggestion has none either (但是 → 同时, 你自己看, 这是规定) is fix
 *     'replace', one click. So a one-click fix never removes or adds a negator: what is denied stays denied.
 * 16. The kind is derived from the phrase and the suggestion, never stored: a store-edited rule cannot
 *     make a negation one-click, and applySuggestion re-derives it rather than trusting the hit.
 */

export interface WordingRule {
  /** the forbidden phrase, e.g. 不行 */
  phrase: string
  /** the handbook's positive alternative: swapped in by one click, or shown to rewrite with (rule 14) */
  suggestion: string
  /** extra advice shown with the hit */
  note?: string
}

export interface WordingHit {
  /** UTF-16 index of the first character of the phrase in the checked text */
  start: number
  /** UTF-16 index just past the phrase (exclusive) */
  end: number
  /** the rule's phrase, as written in the rule */
  phrase: string
  suggestion: string
  /** 'replace': one click swaps the phrase for the suggestion; 'rewrite': the suggestion is only shown (rule 14) */
  fix: WordingFix
}

export type WordingFix = 'replace' | 'rewrite'

/** Rule 14: characters that negate what follows them. */
const NEGATORS = /[不没無无非别莫勿未]/

/** Rules 14–16: whether a rule's phrase may be swapped for its suggestion in one click. */
export function wordingFix(rule: { phrase: string; suggestion: string }): WordingFix {
  return NEGATORS.test(rule.phrase) || NEGATORS.test(rule.suggestion) ? 'rewrite' : 'replace'
}

const CAN_DO = '我们能为您做的是…'
const REFER = '这件事由…负责，我马上帮您联系'

/** The handbook list (我不能 … 不可以) and a few common 服务忌语. Store-editable: this is only the default. */
export const DEFAULT_WORDING_RULES: WordingRule[] = [
  { phrase: '我不能', suggestion: CAN_DO },
  { phrase: '我不会做', suggestion: CAN_DO },
  { phrase: '这不是我应该做的', suggestion: REFER },
  { phrase: '我想我做不了', suggestion: CAN_DO },
  { phrase: '做不了', suggestion: CAN_DO },
  { phrase: '但是', suggestion: '同时', note: '也可以用“另外”' },
  { phrase: '不行', suggestion: '我们可以为您…', note: '也可以用“建议您…”' },
  { phrase: '不可以', suggestion: '建议您…', note: '也可以用“我们可以为您…”' },
  { phrase: '不知道', suggestion: '我们会尽快为您确认…', note: '想问客户时，可以用“请问您…”' },
  { phrase: '没办法', suggestion: CAN_DO },
  { phrase: '我也没办法', suggestion: CAN_DO },
  { phrase: '不归我管', suggestion: REFER },
  { phrase: '你自己看', suggestion: '我来为您介绍一下…' },
  { phrase: '这是规定', suggestion: '为了保障您的权益，我们的做法是…' }
]

// ---------------------------------------------------------------------------------------------
// Matching

/** Rule 4: what directly after a phrase makes it a question. Compared after width folding (？ → ?). */
const QUESTION_FOLLOWERS = new Set(['吗', '么', '?'])

/** Rule 7: words ending in the repeated part of an A-not-A look-alike: 执行不行 is 执行 + 不行, not 行不行. */
const NOT_A_NOT_A = [
  '执行',
  '进行',
  '银行',
  '步行',
  '可行',
  '运行',
  '试行',
  '实行',
  '举行',
  '流行',
  '旅行',
  '自行',
  '通行',
  '推行',
  '同行',
  '另行',
  '许可',
  '认可',
  '宁可',
  '通知',
  '告知',
  '得知',
  '须知',
  '可知'
]

/** Rule 8: longer words in which the phrase is not a word of its own. Keyed by the phrase's matching key. */
const COMPOUND_EXCEPTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['但是', ['不但是']],
  ['不行', ['不行使', '不行驶']]
])

/** The text as matched: width-folded, whitespace removed, with the original UTF-16 index of every kept unit. */
interface Compact {
  text: string
  index: number[]
}

function compact(raw: string): Compact {
  const folded = toHalfWidth(raw) // one UTF-16 unit in, one out: indices are preserved
  let text = ''
  const index: number[] = []
  for (let i = 0; i < folded.length; i++) {
    const unit = folded[i] as string
    if (/\s/.test(unit)) continue
    text += unit
    index.push(i)
  }
  return { text, index }
}

/** The matching key of a phrase (rules 2 and 3). */
export function phraseKey(phrase: string): string {
  return compact(phrase).text
}

function isANotA(text: string, start: number, key: string): boolean {
  if (!key.startsWith('不') || key.length < 2) return false
  const before = text.slice(0, start)
  for (let k = 1; k < key.length; k++) {
    const a = key.slice(1, 1 + k)
    if (!before.endsWith(a)) continue
    const aStart = start - a.length
    if (text[aStart - 1] === '不') continue
    const partOfWord = NOT_A_NOT_A.some((word) => {
      const wordStart = aStart - (word.length - a.length)
      return word.length > a.length && word.endsWith(a) && wordStart >= 0 && text.startsWith(word, wordStart)
    })
    if (partOfWord) continue
    return true
  }
  return false
}

function isCompound(text: string, start: number, key: string): boolean {
  for (const word of COMPOUND_EXCEPTIONS.get(key) ?? []) {
    for (let offset = word.indexOf(key); offset >= 0; offset = word.indexOf(key, offset + 1)) {
      if (start - offset >= 0 && text.startsWith(word, start - offset)) return true
    }
  }
  return false
}

function isExempt(text: string, start: number, end: number, key: string): boolean {
  const next = text[end]
  if (next !== undefined && QUESTION_FOLLOWERS.has(next)) return true
  return isANotA(text, start, key) || isCompound(text, start, key)
}

interface Candidate {
  start: number
  end: number
  order: number
  rule: WordingRule
}

/** Negative phrases in `text`, in text order, non-overlapping (see the rules at the top of this file). */
export function checkWording(
  text: string,
  rules: readonly WordingRule[] = DEFAULT_WORDING_RULES
): WordingHit[] {
  const { text: flat, index } = compact(text)
  const candidates: Candidate[] = []
  const seen = new Set<string>()
  rules.forEach((rule, order) => {
    const key = phraseKey(rule.phrase)
    if (!key || seen.has(key)) return // an empty or repeated phrase (unvalidated list): the first rule wins
    seen.add(key)
    for (let at = flat.indexOf(key); at >= 0; at = flat.indexOf(key, at + 1)) {
      const end = at + key.length
      if (!isExempt(flat, at, end, key)) candidates.push({ start: at, end, order, rule })
    }
  })
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order)
  const taken = new Uint8Array(flat.length)
  const accepted: Candidate[] = []
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).some((t) => t === 1)) continue
    taken.fill(1, c.start, c.end)
    accepted.push(c)
  }
  return accepted
    .sort((a, b) => a.start - b.start)
    .map((c) => ({
      start: index[c.start] as number,
      end: (index[c.end - 1] as number) + 1,
      phrase: c.rule.phrase,
      suggestion: c.rule.suggestion,
      fix: wordingFix(c.rule)
    }))
}

/** The text with the hit's span replaced by its suggestion. Re-check afterwards: later hits have moved.
 *  A hit that no longer matches the text (edited since the check) changes nothing, nor does a hit to
 *  rewrite (rule 14): swapping a negation would reverse the sentence. */
export function applySuggestion(text: string, hit: Omit<WordingHit, 'fix'>): string {
  if (wordingFix(hit) === 'rewrite') return text
  const { start, end } = hit
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end)
    return text
  if (phraseKey(text.slice(start, end)) !== phraseKey(hit.phrase)) return text
  return text.slice(0, start) + hit.suggestion + text.slice(end)
}

// ---------------------------------------------------------------------------------------------
// Settings: the store's edited rule list. Messages are i18n keys.

export const MAX_WORDING_RULES = 100

export const wordingRuleSchema = z.object({
  phrase: z.string().trim().min(1, 'validation.required').max(20, 'validation.tooLong'),
  suggestion: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong'),
  note: z.string().trim().max(60, 'validation.tooLong').optional()
})

export const wordingRulesSchema = z
  .array(wordingRuleSchema)
  .max(MAX_WORDING_RULES, 'validation.tooMany')
  .superRefine((rules, ctx) => {
    const first = new Map<string, number>()
    rules.forEach((rule, i) => {
      const key = phraseKey(rule.phrase)
      if (first.has(key))
        ctx.addIssue({ code: 'custom', message: 'wording.duplicatePhrase', path: [i, 'phrase'] })
      else first.set(key, i)
    })
    // A suggestion that is itself flagged would make the one-click fix produce a new hit.
    rules.forEach((rule, i) => {
      if (checkWording(rule.suggestion, rules).length > 0)
        ctx.addIssue({ code: 'custom', message: 'wording.negativeSuggestion', path: [i, 'suggestion'] })
    })
  })
