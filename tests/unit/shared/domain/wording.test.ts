import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WORDING_RULES,
  MAX_WORDING_RULES,
  applySuggestion,
  checkWording,
  phraseKey,
  wordingRulesSchema,
  type WordingHit,
  type WordingRule
} from '@shared/domain/wording'

/** The phrases found, as they appear in the text (the span the renderer underlines). */
const spans = (text: string, rules?: WordingRule[]) =>
  checkWording(text, rules).map((h) => text.slice(h.start, h.end))
const phrases = (text: string, rules?: WordingRule[]) => checkWording(text, rules).map((h) => h.phrase)
const rule = (phrase: string, suggestion = '请改用正面表达'): WordingRule => ({ phrase, suggestion })
const suggestionOf = (phrase: string) => DEFAULT_WORDING_RULES.find((r) => r.phrase === phrase)?.suggestion
/** The default phrases without a negation: the only ones swapped in one click (rule 15). */
const ONE_CLICK = new Set(['但是', '你自己看', '这是规定'])
const fixOf = (phrase: string) => (ONE_CLICK.has(phrase) ? 'replace' : 'rewrite')

const HANDBOOK = [
  '我不能',
  '我不会做',
  '这不是我应该做的',
  '我想我做不了',
  '但是',
  '不行',
  '不知道',
  '不可以'
]

describe('DEFAULT_WORDING_RULES', () => {
  it('contains every phrase the handbook forbids', () => {
    const defaults = DEFAULT_WORDING_RULES.map((r) => r.phrase)
    for (const phrase of HANDBOOK) expect(defaults).toContain(phrase)
  })

  it('stays modest: at most 14 rules, the extras included', () => {
    expect(DEFAULT_WORDING_RULES.length).toBeLessThanOrEqual(14)
    const defaults = DEFAULT_WORDING_RULES.map((r) => r.phrase)
    for (const phrase of ['没办法', '我也没办法', '不归我管', '你自己看']) expect(defaults).toContain(phrase)
  })

  it.each([
    ['我不能', '我们能为您做的是…'],
    ['我想我做不了', '我们能为您做的是…'],
    ['做不了', '我们能为您做的是…'],
    ['不知道', '我们会尽快为您确认…'],
    ['但是', '同时'],
    ['不行', '我们可以为您…'],
    ['不可以', '建议您…'],
    ['这不是我应该做的', '这件事由…负责，我马上帮您联系'],
    ['不归我管', '这件事由…负责，我马上帮您联系']
  ])('offers the handbook alternative for %s: %s', (phrase, suggestion) => {
    expect(suggestionOf(phrase)).toBe(suggestion)
  })

  it('mentions 另外 as the other alternative for 但是', () => {
    expect(DEFAULT_WORDING_RULES.find((r) => r.phrase === '但是')?.note).toContain('另外')
  })

  it('has no suggestion that is itself flagged', () => {
    for (const r of DEFAULT_WORDING_RULES) expect(checkWording(r.suggestion), r.suggestion).toEqual([])
  })

  it('is a valid settings list', () => {
    expect(wordingRulesSchema.safeParse(DEFAULT_WORDING_RULES).success).toBe(true)
  })
})

/** One realistic counter sentence per default rule. */
const SENTENCES: [text: string, phrase: string][] = [
  ['我不能给您退这个钱。', '我不能'],
  ['这个型号我不会做调试。', '我不会做'],
  ['上门安装这不是我应该做的事情。', '这不是我应该做的'],
  ['这种情况我想我做不了主。', '我想我做不了'],
  ['发票我们现在做不了。', '做不了'],
  ['您的心情我理解，但是小票已经过期了。', '但是'],
  ['拆封以后退货不行。', '不行'],
  ['这件事我不知道。', '不知道'],
  ['没有小票不可以退换。', '不可以'],
  ['系统坏了，没办法查。', '没办法'],
  ['我也没办法，系统就是这样。', '我也没办法'],
  ['配送的事不归我管。', '不归我管'],
  ['说明书上都写着，你自己看。', '你自己看'],
  ['这是规定，谁来都一样。', '这是规定']
]

describe('checkWording: every default phrase in a realistic sentence', () => {
  it.each(SENTENCES)('%s → %s', (text, phrase) => {
    const start = text.indexOf(phrase)
    expect(checkWording(text)).toEqual([
      { start, end: start + phrase.length, phrase, suggestion: suggestionOf(phrase), fix: fixOf(phrase) }
    ])
  })

  it('the table covers every default rule', () => {
    expect(SENTENCES.map(([, phrase]) => phrase).sort()).toEqual(
      DEFAULT_WORDING_RULES.map((r) => r.phrase).sort()
    )
  })

  it('returns nothing for positive text, an empty text or an empty rule list', () => {
    expect(checkWording('我们能为您做的是为您更换一台新的，同时赠送一张优惠券。')).toEqual([])
    expect(checkWording('')).toEqual([])
    expect(checkWording('这个不行', [])).toEqual([])
  })
})

describe('checkWording: spans (UTF-16, end exclusive)', () => {
  it('counts an emoji before the hit as two units', () => {
    const text = '😀不行'
    expect(checkWording(text)).toMatchObject([{ start: 2, end: 4 }])
    expect(text.slice(2, 4)).toBe('不行')
  })

  it('keeps spans exact after several surrogate pairs and a supplementary-plane character', () => {
    const text = '👍🏻您好𠮷，但是👨‍👩‍👧这个不可以'
    const hits = checkWording(text)
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['但是', '不可以'])
    expect(hits[0]?.start).toBe(text.indexOf('但是'))
    expect(hits[1]?.end).toBe(text.length)
  })

  it('flags an emoji-containing custom phrase with the right span', () => {
    expect(checkWording('好的🙄随便', [rule('🙄随便')])).toMatchObject([{ start: 2, end: 6 }])
  })
})

describe('checkWording: whitespace and width', () => {
  it.each([
    ['这个不 行', '不 行'],
    ['这个不　行', '不　行'], // full-width (ideographic) space
    ['这个不\t行', '不\t行'],
    ['但\n是小票过期了', '但\n是']
  ])('ignores whitespace inside a phrase: %j', (text, span) => {
    expect(spans(text)).toEqual([span])
    expect(phrases(text)).toEqual([phraseKey(span)])
  })

  it('does not stretch the span over whitespace around the phrase', () => {
    expect(checkWording(' 不行 ')).toMatchObject([{ start: 1, end: 3 }])
  })

  it('matches a custom phrase written with spaces against text without them', () => {
    expect(spans('这个不方便', [rule('不 方便')])).toEqual(['不方便'])
  })

  it('treats full-width and half-width forms as one (？ = ?)', () => {
    expect(spans('ＮＯ', [rule('NO')])).toEqual(['ＮＯ'])
    expect(spans('no', [rule('NO')])).toEqual([]) // no case folding
  })
})

describe('checkWording: longest phrase wins', () => {
  it('prefers 我想我做不了 over 做不了', () => {
    expect(phrases('这件事我想我做不了。')).toEqual(['我想我做不了'])
  })

  it('prefers 我也没办法 over 没办法', () => {
    expect(phrases('我也没办法。')).toEqual(['我也没办法'])
  })

  it('keeps the shorter phrase where the longer one does not match', () => {
    expect(phrases('我想我做不了，他们也做不了。')).toEqual(['我想我做不了', '做不了'])
  })

  it('prefers the longer of two partly overlapping phrases, even when it starts later', () => {
    expect(checkWording('abcd', [rule('ab'), rule('bcd')])).toMatchObject([
      { start: 1, end: 4, phrase: 'bcd' }
    ])
  })

  it('prefers the earlier of two overlapping phrases of equal length', () => {
    expect(phrases('abc', [rule('bc'), rule('ab')])).toEqual(['ab'])
  })

  it('uses the first of two rules with the same phrase', () => {
    expect(checkWording('不行', [rule('不行', '甲'), rule('不 行', '乙')])).toMatchObject([
      { suggestion: '甲' }
    ])
  })

  it('ignores a rule whose phrase is empty or blank', () => {
    expect(checkWording('不行', [rule(''), rule('  '), rule('不行')])).toHaveLength(1)
  })
})

describe('checkWording: several hits', () => {
  it('returns hits in text order, without overlaps', () => {
    const text = '不知道，但是这个不行，我也没办法，不可以退。'
    const hits = checkWording(text)
    expect(hits.map((h) => h.phrase)).toEqual(['不知道', '但是', '不行', '我也没办法', '不可以'])
    for (const h of hits) expect(phraseKey(text.slice(h.start, h.end))).toBe(h.phrase)
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.end)
  })

  it('flags every occurrence of the same phrase', () => {
    expect(spans('不行就是不行')).toEqual(['不行', '不行'])
  })
})

describe('checkWording: questions are not refusals', () => {
  it.each([
    '这样不可以吗？',
    '这样不可以吗',
    '换成同款不行吗？',
    '您是不知道么？',
    '这样处理不行?',
    '这样处理不行？',
    '这样处理不行 ？',
    '这样不可以　吗？'
  ])('phrase followed by 吗/么/？/?: %s', (text) => {
    expect(checkWording(text)).toEqual([])
  })

  it.each([
    ['您看这样行不行？', '行不行'],
    ['您看这样行不行', '行不行 without a question mark'],
    ['明天来取可不可以？', '可不可以'],
    ['明天来取可以不可以', '可以不可以'],
    ['您知不知道订单号？', '知不知道'],
    ['您知道不知道订单号', '知道不知道']
  ])('A-not-A question: %s (%s)', (text) => {
    expect(checkWording(text)).toEqual([])
  })

  it('applies the A-not-A rule to custom phrases too (能不能)', () => {
    expect(checkWording('您明天能不能来？', [rule('不能')])).toEqual([])
    expect(spans('您明天不能来', [rule('不能')])).toEqual(['不能'])
  })

  it.each([
    ['这样不行嘛', '不行'], // 嘛 is emphatic: "it just won't do"
    ['我也不知道呢', '不知道'],
    ['这样不可以吧？', '不可以'],
    ['这样不行啊', '不行']
  ])('other particles do not exempt: %s', (text, phrase) => {
    expect(phrases(text)).toEqual([phrase])
  })

  it.each([
    ['这样执行不行。', '执行 + 不行'],
    ['从停车场步行不行。', '步行 + 不行'],
    ['那家银行不行。', '银行 + 不行'],
    ['没有许可不可以进入。', '许可 + 不可以'],
    ['短信通知不知道发没发。', '通知 + 不知道']
  ])('a word ending like the A part is not an A-not-A question: %s (%s)', (text) => {
    expect(checkWording(text)).toHaveLength(1)
  })

  it('a doubled refusal is not an A-not-A question: 不行不行', () => {
    expect(spans('不行不行，这个真的不行。')).toEqual(['不行', '不行', '不行'])
    expect(spans('不可以不可以')).toEqual(['不可以', '不可以'])
  })

  it('the question exemption is per occurrence', () => {
    expect(spans('换货不行吗？这个真的不行。')).toEqual(['不行'])
    expect(checkWording('换货不行吗？这个真的不行。')[0]?.start).toBe(10)
  })

  it('known gaps, on purpose: a rhetorical question slips through; polite 不知道您…？ is still flagged', () => {
    expect(checkWording('这都不知道吗？')).toEqual([])
    expect(phrases('不知道您什么时候方便？')).toEqual(['不知道'])
    expect(DEFAULT_WORDING_RULES.find((r) => r.phrase === '不知道')?.note).toContain('请问')
  })
})

describe('checkWording: compounds', () => {
  it.each([
    ['这不但是质量问题，也影响了您的使用。', '不但是 (not only)'],
    ['本店不行使该条款。', '不行使 (not exercise)'],
    ['车辆不行驶时请熄火。', '不行驶 (not drive)']
  ])('does not flag a phrase inside %s — %s', (text) => {
    expect(checkWording(text)).toEqual([])
  })

  it('still flags the same phrase elsewhere in the text', () => {
    expect(spans('这不但是质量问题，但是小票过期了。')).toEqual(['但是'])
    expect(checkWording('这不但是质量问题，但是小票过期了。')[0]?.start).toBe(9)
  })

  it('tolerates whitespace inside the compound like inside a phrase', () => {
    expect(checkWording('这不但 是质量问题')).toEqual([])
  })

  it('does not exempt a custom rule that is the whole compound', () => {
    expect(spans('本店不行使该条款', [rule('不行使')])).toEqual(['不行使'])
  })

  it('an exempt occurrence does not hide a shorter rule inside it', () => {
    // 不可以 in 可不可以 is a question; a store rule 可以 (silly, but legal) still flags its own occurrence.
    expect(checkWording('可不可以', [rule('不可以'), rule('可以')])).toMatchObject([
      { start: 2, end: 4, phrase: '可以' }
    ])
  })
})

describe('checkWording: custom rule lists', () => {
  const custom = [rule('不清楚', '我帮您查一下'), rule('找别人去', '我马上帮您联系负责的同事')]

  it('flags only the custom phrases', () => {
    const text = '这个我不清楚，你找别人去。不行。'
    expect(checkWording(text, custom)).toEqual([
      { start: 3, end: 6, phrase: '不清楚', suggestion: '我帮您查一下', fix: 'rewrite' },
      // 别 of 别人 is no negation, but the rule errs on the side of rewriting.
      { start: 8, end: 12, phrase: '找别人去', suggestion: '我马上帮您联系负责的同事', fix: 'rewrite' }
    ])
  })

  it('reports the phrase as the rule writes it', () => {
    expect(phrases('不方便', [rule(' 不 方便 ')])).toEqual([' 不 方便 '])
  })
})

describe('applySuggestion', () => {
  it('replaces exactly the hit span', () => {
    const text = '您的心情我理解，但是小票已经过期了。'
    const [hit] = checkWording(text)
    expect(applySuggestion(text, hit!)).toBe('您的心情我理解，同时小票已经过期了。')
  })

  it('replaces a span with whitespace inside and emoji before it', () => {
    const text = '😀这个但 是。'
    const [hit] = checkWording(text)
    expect(applySuggestion(text, hit!)).toBe('😀这个同时。')
  })

  it('never swaps a negation (issue 13.3): 这个不 行 and 我想我做不了主 stay as they are', () => {
    for (const text of ['😀这个不 行。', '我想我做不了主。']) {
      const [hit] = checkWording(text)
      expect(hit?.fix).toBe('rewrite')
      expect(applySuggestion(text, hit!)).toBe(text)
    }
  })

  it('applying every hit from the last one leaves only the hits to rewrite (defaults)', () => {
    const text = '我不能退，但是这个不行，配送也不归我管，系统坏了没办法。'
    const hits = checkWording(text)
    expect(hits).toHaveLength(5)
    const fixed = hits.reduceRight((acc, hit) => applySuggestion(acc, hit), text)
    expect(fixed).toBe('我不能退，同时这个不行，配送也不归我管，系统坏了没办法。')
    expect(checkWording(fixed).map((h) => [h.phrase, h.fix])).toEqual([
      ['我不能', 'rewrite'],
      ['不行', 'rewrite'],
      ['不归我管', 'rewrite'],
      ['没办法', 'rewrite']
    ])
  })

  it('leaves the text unchanged for a stale hit', () => {
    const hit: WordingHit = { start: 2, end: 4, phrase: '但是', suggestion: '同时', fix: 'replace' }
    expect(applySuggestion('这个但是', hit)).toBe('这个同时')
    expect(applySuggestion('这个可以', hit)).toBe('这个可以')
    expect(applySuggestion('这个', hit)).toBe('这个')
    expect(applySuggestion('这个但是', { ...hit, start: 3, end: 2 })).toBe('这个但是')
    expect(applySuggestion('这个但是', { ...hit, start: -1 })).toBe('这个但是')
  })

  it('re-derives the kind: a hit claiming "replace" for a negation changes nothing', () => {
    const hit: WordingHit = {
      start: 0,
      end: 3,
      phrase: '我不能',
      suggestion: '我们能为您做的是…',
      fix: 'replace'
    }
    expect(applySuggestion('我不能给您退款。', hit)).toBe('我不能给您退款。')
  })
})

describe('wordingRulesSchema', () => {
  const issues = (input: unknown) =>
    wordingRulesSchema.safeParse(input).error?.issues.map((i) => ({ path: i.path, message: i.message })) ?? []

  it('accepts and trims an edited list', () => {
    const result = wordingRulesSchema.parse([
      { phrase: ' 不清楚 ', suggestion: ' 我帮您查一下 ', note: ' 备注 ' }
    ])
    expect(result).toEqual([{ phrase: '不清楚', suggestion: '我帮您查一下', note: '备注' }])
  })

  it('accepts an empty list and the length limits exactly', () => {
    expect(issues([])).toEqual([])
    expect(issues([{ phrase: '甲'.repeat(20), suggestion: '乙'.repeat(60), note: '丙'.repeat(60) }])).toEqual(
      []
    )
  })

  it.each([
    [{ phrase: '', suggestion: '好' }, [0, 'phrase'], 'validation.required'],
    [{ phrase: '  　 ', suggestion: '好' }, [0, 'phrase'], 'validation.required'],
    [{ phrase: '甲'.repeat(21), suggestion: '好' }, [0, 'phrase'], 'validation.tooLong'],
    [{ phrase: '不清楚', suggestion: ' ' }, [0, 'suggestion'], 'validation.required'],
    [{ phrase: '不清楚', suggestion: '乙'.repeat(61) }, [0, 'suggestion'], 'validation.tooLong'],
    [{ phrase: '不清楚', suggestion: '好', note: '丙'.repeat(61) }, [0, 'note'], 'validation.tooLong']
  ])('rejects %j', (entry, path, message) => {
    expect(issues([entry])).toEqual([{ path, message }])
  })

  it('rejects more than 100 rules', () => {
    expect(MAX_WORDING_RULES).toBe(100)
    const list = Array.from({ length: MAX_WORDING_RULES + 1 }, (_, i) => ({
      phrase: `忌语${i}`,
      suggestion: '好'
    }))
    expect(issues(list)).toEqual([{ path: [], message: 'validation.tooMany' }])
    expect(issues(list.slice(0, MAX_WORDING_RULES))).toEqual([])
  })

  it.each([
    ['不行', '不行'],
    ['不行', ' 不行 '],
    ['不行', '不 行'],
    ['不行', '不　行']
  ])('rejects a duplicate phrase: %j then %j', (first, second) => {
    expect(
      issues([
        { phrase: first, suggestion: '好' },
        { phrase: '不清楚', suggestion: '好' },
        { phrase: second, suggestion: '好' }
      ])
    ).toEqual([{ path: [2, 'phrase'], message: 'wording.duplicatePhrase' }])
  })

  it('rejects a suggestion that the list itself would flag', () => {
    expect(
      issues([
        { phrase: '不行', suggestion: '我们可以为您…' },
        { phrase: '不清楚', suggestion: '不行的话我帮您查' }
      ])
    ).toEqual([{ path: [1, 'suggestion'], message: 'wording.negativeSuggestion' }])
  })
})
