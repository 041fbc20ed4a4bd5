import { describe, expect, it } from 'vitest'
import { applySuggestion, checkWording, wordingFix, type WordingFix } from '@shared/domain/wording'

// Issue 13.3: the one-click fix must never make a counter sentence say the opposite. Real sentences
// with 不能 / 不可以 / 不行 / 但是 at the start, in the middle, at the end, with objects, negated twice and
// in questions. For each: what is flagged and how (a one-click swap or a suggestion to rewrite), and
// the text after every one-click fix was clicked — which may swap only negation-free phrases.

type Case = [text: string, hits: [phrase: string, fix: WordingFix][], afterOneClick: string]

const CASES: Case[] = [
  // 不能 (the handbook's 我不能; a bare 不能 is not on the list and nothing may change)
  ['我不能给您退款。', [['我不能', 'rewrite']], '我不能给您退款。'],
  [
    '我不能给您退款，但是可以换货。',
    [
      ['我不能', 'rewrite'],
      ['但是', 'replace']
    ],
    '我不能给您退款，同时可以换货。'
  ],
  ['不好意思，我不能做主。', [['我不能', 'rewrite']], '不好意思，我不能做主。'],
  ['这个价格我不能再便宜了。', [['我不能', 'rewrite']], '这个价格我不能再便宜了。'],
  ['我不能不收您的押金。', [['我不能', 'rewrite']], '我不能不收您的押金。'],
  [
    '不是我不能帮您，是系统不行。',
    [
      ['我不能', 'rewrite'],
      ['不行', 'rewrite']
    ],
    '不是我不能帮您，是系统不行。'
  ],
  [
    '您说得对，但是我不能给您退款。',
    [
      ['但是', 'replace'],
      ['我不能', 'rewrite']
    ],
    '您说得对，同时我不能给您退款。'
  ],
  [
    '我不能说不行。',
    [
      ['我不能', 'rewrite'],
      ['不行', 'rewrite']
    ],
    '我不能说不行。'
  ],
  ['这个不能退。', [], '这个不能退。'],
  ['不能给您开发票，但是可以开收据。', [['但是', 'replace']], '不能给您开发票，同时可以开收据。'],
  ['您不能在这里抽烟。', [], '您不能在这里抽烟。'],
  ['为什么不能退？', [], '为什么不能退？'],
  ['我想我做不了主，这个不能退。', [['我想我做不了', 'rewrite']], '我想我做不了主，这个不能退。'],
  // 不可以
  ['不可以退。', [['不可以', 'rewrite']], '不可以退。'],
  ['这个商品拆封了就不可以退了。', [['不可以', 'rewrite']], '这个商品拆封了就不可以退了。'],
  ['您这样不可以。', [['不可以', 'rewrite']], '您这样不可以。'],
  [
    '不是不可以，但是要走流程。',
    [
      ['不可以', 'rewrite'],
      ['但是', 'replace']
    ],
    '不是不可以，同时要走流程。'
  ],
  ['您不可以不付款就拿走。', [['不可以', 'rewrite']], '您不可以不付款就拿走。'],
  ['这样不可以吗？', [], '这样不可以吗？'],
  ['可不可以帮我看看？', [], '可不可以帮我看看？'],
  [
    '但是不可以退吗？',
    [
      ['但是', 'replace'],
      ['不可以', 'rewrite']
    ],
    '同时不可以退吗？'
  ],
  // 不行
  [
    '不行，这个真的不行。',
    [
      ['不行', 'rewrite'],
      ['不行', 'rewrite']
    ],
    '不行，这个真的不行。'
  ],
  ['不行就换一个吧。', [['不行', 'rewrite']], '不行就换一个吧。'],
  ['现在去仓库拿不行吗？', [], '现在去仓库拿不行吗？'],
  ['行不行您说句话。', [], '行不行您说句话。'],
  ['执行不行的话我们再想办法。', [['不行', 'rewrite']], '执行不行的话我们再想办法。'],
  [
    '这个方案不行，但是我们可以为您换货。',
    [
      ['不行', 'rewrite'],
      ['但是', 'replace']
    ],
    '这个方案不行，同时我们可以为您换货。'
  ],
  [
    '不行不行，这个不能退。',
    [
      ['不行', 'rewrite'],
      ['不行', 'rewrite']
    ],
    '不行不行，这个不能退。'
  ],
  ['银行卡不行的话可以付现金。', [['不行', 'rewrite']], '银行卡不行的话可以付现金。'],
  ['这个不 行。', [['不行', 'rewrite']], '这个不 行。'],
  // 但是
  ['但是您没有小票。', [['但是', 'replace']], '同时您没有小票。'],
  ['东西是好东西，但是。', [['但是', 'replace']], '东西是好东西，同时。'],
  ['不但是价格，质量也有问题。', [], '不但是价格，质量也有问题。'],
  [
    '但是不行。',
    [
      ['但是', 'replace'],
      ['不行', 'rewrite']
    ],
    '同时不行。'
  ],
  ['可以退，但是不能退现金，只能退到卡里。', [['但是', 'replace']], '可以退，同时不能退现金，只能退到卡里。'],
  [
    '但是但是，您听我说。',
    [
      ['但是', 'replace'],
      ['但是', 'replace']
    ],
    '同时同时，您听我说。'
  ],
  // with the handbook's other phrases in the same sentence
  [
    '没办法，这是规定。',
    [
      ['没办法', 'rewrite'],
      ['这是规定', 'replace']
    ],
    '没办法，为了保障您的权益，我们的做法是…。'
  ],
  [
    '这不归我管，你自己看吧。',
    [
      ['不归我管', 'rewrite'],
      ['你自己看', 'replace']
    ],
    '这不归我管，我来为您介绍一下…吧。'
  ]
]

/** Every negating character, in order: a fix may not take one away nor add one. */
const negators = (text: string) => text.replace(/[^不没無无非别莫勿未]/g, '')

/** The text after every one-click fix offered was clicked, re-checking after each as the UI does. */
function clickEveryOneClickFix(text: string): string {
  let current = text
  for (let guard = 0; guard < 20; guard++) {
    const hit = checkWording(current).find((h) => h.fix === 'replace')
    if (!hit) return current
    const next = applySuggestion(current, hit)
    if (next === current) return current
    current = next
  }
  throw new Error('the one-click fixes did not settle')
}

describe('the one-click fix never reverses a sentence (issue 13.3)', () => {
  it('covers at least 30 sentences with 不能 / 不可以 / 不行 / 但是', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
    for (const word of ['不能', '不可以', '不行', '但是'])
      expect(CASES.filter(([text]) => text.includes(word)).length, word).toBeGreaterThanOrEqual(6)
  })

  it.each(CASES)('%s', (text, expected, afterOneClick) => {
    const hits = checkWording(text)
    expect(hits.map((h) => [h.phrase, h.fix])).toEqual(expected)
    for (const hit of hits) {
      const once = applySuggestion(text, hit)
      if (hit.fix === 'rewrite') {
        // Offered as a suggestion only: the phrase and the words it negates stay.
        expect(once).toBe(text)
      } else {
        expect(once).not.toBe(text)
        expect(negators(once)).toBe(negators(text))
      }
    }
    const fixed = clickEveryOneClickFix(text)
    expect(fixed).toBe(afterOneClick)
    // No output keeps the verb while dropping the negation: every negator is still there, in order.
    expect(negators(fixed)).toBe(negators(text))
    // What is left to fix is only what must be rewritten.
    expect(checkWording(fixed).every((h) => h.fix === 'rewrite')).toBe(true)
  })

  it('"我不能给您退款" never becomes "我们能为您做的是…给您退款"', () => {
    const text = '我不能给您退款'
    for (const hit of checkWording(text)) expect(applySuggestion(text, hit)).not.toContain('我们能为您做的是')
  })

  it('a store-edited rule cannot make a negation one-click, nor swap in one', () => {
    expect(wordingFix({ phrase: '没门', suggestion: '我们一起想办法' })).toBe('rewrite')
    expect(wordingFix({ phrase: '随便', suggestion: '不用担心' })).toBe('rewrite')
    expect(wordingFix({ phrase: '随便', suggestion: '您可以放心' })).toBe('replace')
    const rules = [{ phrase: '没门', suggestion: '我们一起想办法' }]
    const text = '退款？没门。'
    const [hit] = checkWording(text, rules)
    expect(applySuggestion(text, hit!)).toBe(text)
  })
})
