import { describe, expect, it } from 'vitest'
import {
  MAX_KEY_LENGTH,
  MAX_SEARCH_KEYS,
  matchOf,
  parseQuery,
  rankResults,
  searchKeys,
  type MatchKind,
  type Searchable
} from '@shared/domain/customerSearch'

type Row = Searchable & { id: string }
const row = (id: string, name: string, phones: string[] = ['13900000000'], memberNo?: string): Row => ({
  id,
  name,
  phones,
  memberNo
})
const keysOf = (name: string, phones: string[] = [], memberNo?: string) =>
  searchKeys({ name, phones, memberNo })
const prefixes = (q: string) => parseQuery(q).lookups.map((l) => l.prefix)

/** What the data layer does: one `where('_keys').startsWith(prefix)` read per lookup, then rank. */
function search(query: string, rows: Row[], limit?: number) {
  const read = parseQuery(query).lookups.flatMap((l) =>
    rows.filter((r) => searchKeys(r).some((k) => k.startsWith(l.prefix)))
  )
  return rankResults(query, read, limit)
}
const ids = (query: string, rows: Row[]) => search(query, rows).map((r) => r.customer.id)
const kinds = (query: string, rows: Row[]) => search(query, rows).map((r) => [r.customer.id, r.match.kind])

describe('searchKeys', () => {
  it('张三 → name, initials zs and full pinyin zhangsan', () => {
    expect(keysOf('张三')).toEqual(['n:张三', 'i:zs', 'f:zhangsan'])
  })

  it.each([
    ['单雄信', 'sxx', 'shanxiongxin', 'dxx', 'danxiongxin'],
    ['曾国藩', 'zgf', 'zengguofan', 'cgf', 'cengguofan'],
    ['解缙', 'xj', 'xiejin', 'jj', 'jiejin'],
    ['仇英', 'qy', 'qiuying', 'cy', 'chouying'],
    ['区志坚', 'ozj', 'ouzhijian', 'qzj', 'quzhijian'],
    ['查良镛', 'zly', 'zhaliangyong', 'cly', 'chaliangyong'],
    ['朴树', 'ps', 'piaoshu', 'ps', 'pushu'],
    ['盖聪', 'gc', 'gecong', 'gc', 'gaicong'],
    ['尉迟恭', 'ycg', 'yuchigong', 'wcg', 'weichigong']
  ])('%s is keyed by its surname reading and its ordinary one', (name, si, sf, oi, of) => {
    const keys = keysOf(name)
    for (const k of [`i:${si}`, `f:${sf}`, `i:${oi}`, `f:${of}`]) expect(keys).toContain(k)
  })

  it('覃 is keyed qin', () => {
    expect(keysOf('覃明')).toContain('f:qinming')
  })

  it('reads only the first character as a surname (李单 is li dan, not li shan)', () => {
    const keys = keysOf('李单')
    expect(keys).toContain('f:lidan')
    expect(keys).not.toContain('f:lishan')
  })

  it('writes ü as v, as it is typed (吕 → lv)', () => {
    expect(keysOf('吕布')).toContain('f:lvbu')
  })

  it('keys a mobile by its digits and last four', () => {
    expect(keysOf('', ['13812345678'])).toEqual(['p:13812345678', 't:5678'])
  })

  it('keys a landline by all digits, its local number and the last four of the number (not the extension)', () => {
    expect(keysOf('', ['021-52345678-123'])).toEqual(['p:02152345678123', 't:5678', 'p:52345678'])
    expect(keysOf('', ['0571-8888888'])).toEqual(['p:05718888888', 't:8888', 'p:8888888'])
  })

  it('keys the member card lower case without spaces and dashes, full-width folded', () => {
    expect(keysOf('', [], 'VIP-0012')).toEqual(['m:vip0012'])
    expect(keysOf('', [], 'ＶＩＰ ００１２')).toEqual(['m:vip0012'])
  })

  it('has no duplicates (two phones ending 5678, a name read the same both ways)', () => {
    const keys = keysOf('张三', ['13812345678', '13912345678'])
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.filter((k) => k === 't:5678')).toHaveLength(1)
  })

  it('tags every key so kinds never collide', () => {
    const keys = keysOf('单雄信 Tom', ['13812345678', '010-62345678'], '5678')
    for (const k of keys) expect(k).toMatch(/^[nifptm]:./)
    expect(keys).toContain('m:5678')
    expect(keys).toContain('t:5678')
  })

  it('stays bounded for five landlines, a card and a long polyphonic name, keeping every full number and last-4', () => {
    const phones = ['021-52345671', '021-52345672', '021-52345673', '021-52345674', '021-52345675']
    const name = '单' + '曾'.repeat(39)
    const keys = keysOf(name, phones, 'X'.repeat(32))
    expect(keys.length).toBeLessThanOrEqual(MAX_SEARCH_KEYS)
    for (const p of phones) {
      expect(keys).toContain(`p:${p.replace(/\D/g, '')}`)
      expect(keys).toContain(`t:${p.slice(-4)}`)
    }
    for (const k of keys) expect(Array.from(k).length).toBeLessThanOrEqual(MAX_KEY_LENGTH + 2)
  })

  it.each([
    ['', []],
    ['   ', []],
    ['𠀾', ['n:𠀾']], // unknown to the pinyin dictionary: name only
    ['Tom李', ['n:tom李', 'i:tl', 'f:tomli']],
    ['ＴＯＭ', ['n:tom', 'i:t', 'f:tom']],
    ['李2号', ['n:李2号', 'i:l2h', 'f:li2hao']],
    ['王 小明', ['n:王小明', 'i:wxm', 'f:wangxiaoming']],
    ['阿依古丽·买买提', ['n:阿依古丽买买提', 'i:ayglmmt', 'f:ayigulimaimaiti']]
  ])('odd name %j → %j', (name, keys) => {
    expect(keysOf(name)).toEqual(keys)
  })
})

describe('parseQuery', () => {
  it.each(['', '   ', '\u3000'])('%j reads nothing', (q) => {
    expect(parseQuery(q).lookups).toEqual([])
  })

  it('4 digits read last-4, phone prefix and member card', () => {
    expect(parseQuery('5678').lookups).toEqual([
      { prefix: 't:5678', kind: 'last4' },
      { prefix: 'p:5678', kind: 'phonePrefix' },
      { prefix: 'm:5678', kind: 'cardPrefix' }
    ])
  })

  it.each(['５６７８', ' 5678 ', '56 78'])('%j is the same 4-digit query', (q) => {
    expect(prefixes(q)).toEqual(['t:5678', 'p:5678', 'm:5678'])
  })

  it.each([
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '１３８１２３４５６７８',
    '１３８　１２３４　５６７８'
  ])('%j is an exact mobile', (q) => {
    const plan = parseQuery(q)
    expect(plan.query).toBe('13812345678')
    expect(plan.lookups[0]).toEqual({ prefix: 'p:13812345678', kind: 'phone' })
    expect(prefixes(q)).not.toContain('t:5678')
  })

  it('other digit lengths read phone prefix and member card, never last-4', () => {
    expect(prefixes('13812')).toEqual(['p:13812', 'm:13812'])
    expect(prefixes('021-5234')).toEqual(['p:0215234', 'm:0215234'])
    expect(prefixes('123')).toEqual(['p:123', 'm:123'])
  })

  it('letters read initials, full pinyin and member card', () => {
    expect(parseQuery('ZS').lookups).toEqual([
      { prefix: 'i:zs', kind: 'initialsPrefix' },
      { prefix: 'f:zs', kind: 'pinyinPrefix' },
      { prefix: 'm:zs', kind: 'cardPrefix' }
    ])
    expect(prefixes('zhang san')).toContain('f:zhangsan')
    expect(prefixes("xi'an")).toContain('f:xian')
    expect(prefixes('ｚｓ')).toContain('i:zs')
  })

  it('Chinese reads the name prefix', () => {
    expect(parseQuery(' 张 三 ').lookups).toEqual([{ prefix: 'n:张三', kind: 'namePrefix' }])
  })

  it('Chinese with letters also reads its pinyin, both readings of a surname', () => {
    expect(prefixes('张s')).toEqual(['n:张s', 'i:zs', 'f:zhangs'])
    expect(prefixes('单x')).toEqual(expect.arrayContaining(['i:sx', 'i:dx', 'f:shanx', 'f:danx']))
  })

  it('letters with digits read the member card (and a name with digits)', () => {
    expect(prefixes('VIP-0012')).toEqual(['m:vip0012', 'f:vip0012'])
  })

  it('anything else reads name and card', () => {
    expect(prefixes('a+b')).toEqual(['n:a+b', 'm:a+b'])
  })

  it('clips a long query like the keys, so it still finds its customer', () => {
    const card = 'a'.repeat(80)
    const [first] = parseQuery(card).lookups
    expect(first?.prefix).toBe(`i:${'a'.repeat(MAX_KEY_LENGTH)}`)
    expect(ids(card, [row('1', '张三', [], card)])).toEqual(['1'])
  })
})

describe('search through the index (prefix reads + rankResults)', () => {
  const rows = [
    row('zs', '张三', ['13812345678']),
    row('zsf', '张三丰', ['13900001111']),
    row('zhs', '赵四', ['13700002222']),
    row('ls', '李四', ['13600003333'], 'LS001'),
    row('sxx', '单雄信', ['13500004444']),
    row('zgf', '曾国藩', ['13400005555']),
    row('xj', '解缙', ['13300006666']),
    row('land', '王五', ['021-52345678-123']),
    row('land2', '钱六', ['0571-56781234'])
  ]

  it('finds 张三 by zs and zhangsan', () => {
    // 赵四 is zs too; 张三丰 (zsf) only starts with it
    expect(ids('zs', rows)).toEqual(['zs', 'zhs', 'zsf'])
    expect(ids('zhangsan', rows)).toEqual(['zs', 'zsf'])
  })

  it.each([
    ['sxx', 'sxx'],
    ['dxx', 'sxx'],
    ['shanx', 'sxx'],
    ['danxiongxin', 'sxx'],
    ['zgf', 'zgf'],
    ['cengguofan', 'zgf'],
    ['xiej', 'xj'],
    ['jiejin', 'xj']
  ])('polyphonic surname: %s finds %s', (q, id) => {
    expect(ids(q, rows)).toContain(id)
  })

  it('finds a landline by its local number, with or without area code, and by the last four', () => {
    expect(ids('52345678', rows)).toEqual(['land'])
    expect(ids('5234', rows)).toEqual(['land'])
    expect(ids('021 5234 5678', rows)).toEqual(['land'])
    expect(ids('０２１－５２３４５６７８', rows)).toEqual(['land'])
  })

  it('a 4-digit query finds last-4 first, then phone prefix, then card prefix', () => {
    const r = [
      row('card', '甲', ['13100000000'], '5678001'),
      row('prefix', '乙', ['0571-56781234']),
      row('tail', '丙', ['13812345678'])
    ]
    expect(kinds('5678', r)).toEqual([
      ['tail', 'last4'],
      ['prefix', 'phonePrefix'],
      ['card', 'cardPrefix']
    ])
  })

  it('an exact card or exact phone outranks everything', () => {
    const r = [row('tail', '甲', ['13812345678']), row('card', '乙', ['13100000000'], '5678')]
    expect(kinds('5678', r)).toEqual([
      ['card', 'card'],
      ['tail', 'last4']
    ])
    const r2 = [
      row('cardPrefix', '甲', ['13100000000'], '13812345678999'),
      row('phone', '乙', ['13812345678'])
    ]
    expect(kinds('13812345678', r2)).toEqual([
      ['phone', 'phone'],
      ['cardPrefix', 'cardPrefix']
    ])
  })

  it('ranks exact name before name prefix', () => {
    expect(kinds('张三', rows)).toEqual([
      ['zs', 'name'],
      ['zsf', 'namePrefix']
    ])
  })

  it('ranks exact initials, initials prefix, pinyin prefix, card prefix', () => {
    const r = [
      row('card', '甲', undefined, 'LS001'),
      row('pinyin', 'Lsy'),
      row('prefix', '李三丰'),
      row('exact', '刘顺')
    ]
    // 'Lsy' has initials l (one Latin word) and pinyin 'lsy'
    expect(kinds('ls', r)).toEqual([
      ['exact', 'initials'],
      ['prefix', 'initialsPrefix'],
      ['pinyin', 'pinyinPrefix'],
      ['card', 'cardPrefix']
    ])
  })

  it('breaks ties by pinyin, then name, then id', () => {
    const r = [row('c', '赵四'), row('b', '张三'), row('a', '张三')]
    expect(ids('z', r)).toEqual(['a', 'b', 'c'])
  })

  it('drops candidates read twice and those that do not match; honours the limit', () => {
    const r = [row('1', '张三'), row('1', '张三'), row('2', '李四'), row('3', '张三丰')]
    expect(rankResults('zs', r).map((x) => x.customer.id)).toEqual(['1', '3'])
    expect(rankResults('zs', r, 1).map((x) => x.customer.id)).toEqual(['1'])
    expect(rankResults('', r)).toEqual([])
  })
})

describe('matchOf', () => {
  const zs = row('1', '张三', ['13812345678', '021-52345678'], 'VIP-0012')

  it.each<[string, MatchKind, string, string]>([
    ['5678', 'last4', '5678', '13812345678'],
    ['13812345678', 'phone', '13812345678', '13812345678'],
    ['52345678', 'phone', '52345678', '021-52345678'],
    ['0215', 'phonePrefix', '02152345678', '021-52345678'],
    ['zs', 'initials', 'zs', '张三'],
    ['z', 'initialsPrefix', 'zs', '张三'],
    ['zhang', 'pinyinPrefix', 'zhangsan', '张三'],
    ['张三', 'name', '张三', '张三'],
    ['vip0012', 'card', 'vip0012', 'VIP-0012'],
    ['vip', 'cardPrefix', 'vip0012', 'VIP-0012']
  ])('%s → %s (%s from %s)', (q, kind, matched, source) => {
    expect(matchOf(q, zs)).toEqual({ kind, matched, source })
  })

  it('is null when nothing matches', () => {
    expect(matchOf('李', zs)).toBeNull()
    expect(matchOf('9999', zs)).toBeNull()
    expect(matchOf('', zs)).toBeNull()
  })

  it('agrees with the index: a match exactly when some key starts with some lookup prefix', () => {
    const customers = [
      zs,
      row('2', '单雄信', ['0571-56781234']),
      row('3', 'Tom李', [], 'A-5678'),
      row('4', '', ['13900005678'])
    ]
    const queries = ['5678', '5', 'zs', 'sx', 'dx', 'tom', 'tl', 'a5678', '单', '0571', '13', '张三丰', 'x']
    for (const c of customers) {
      for (const q of queries) {
        const read = parseQuery(q).lookups.some((l) => searchKeys(c).some((k) => k.startsWith(l.prefix)))
        expect(matchOf(q, c) !== null, `${c.name} / ${q}`).toBe(read)
      }
    }
  })
})

describe('ranking from stored keys', () => {
  it('gives exactly the same results and hints as computing the keys (no pinyin per keystroke)', () => {
    const rows: Row[] = [
      row('1', '张三', ['13812345678', '021-52345678']),
      row('2', '单雄信', ['13900005678'], 'VIP-0088'),
      row('3', '曾小贤', ['0571-88886666-12']),
      row('4', '张珊', ['13700001234']),
      row('5', 'Tom李', ['15000000088'], 'M5678')
    ]
    const stored = rows.map((r) => ({ ...r, _keys: searchKeys(r) }))
    for (const q of [
      'zs',
      'zhang',
      '张',
      '5678',
      '1381',
      '52345678',
      '88886666',
      'sxx',
      'dxx',
      'vip',
      'm56',
      'tl',
      '13812345678',
      '6666'
    ]) {
      expect(rankResults(q, stored), q).toEqual(
        rankResults(q, rows).map((r) => ({ ...r, customer: stored.find((s) => s.id === r.customer.id) }))
      )
    }
  })
})

describe('search without the right to full numbers (issue 17.6, docs/security.md §4)', () => {
  const restricted = { phonePrefix: false }
  const c = { id: 'c1', name: '张三', phones: ['13812345678', '021-52341234'] }

  it('digits match a phone only whole or by its last 4, never by prefix', () => {
    expect(rankResults('1381', [c], 20, restricted)).toEqual([])
    expect(rankResults('1381234567', [c], 20, restricted)).toEqual([])
    expect(rankResults('523412', [c], 20, restricted)).toEqual([])
    expect(rankResults('13812345678', [c], 20, restricted)[0]?.match.kind).toBe('phone')
    expect(rankResults('5678', [c], 20, restricted)[0]?.match.kind).toBe('last4')
    expect(rankResults('52341234', [c], 20, restricted)[0]?.match.kind).toBe('phone')
    expect(rankResults('02152341234', [c], 20, restricted)[0]?.match.kind).toBe('phone')
  })

  it('the plan marks phone reads exact; names and cards are unchanged', () => {
    expect(parseQuery('1381', restricted).lookups).toEqual([
      { prefix: 't:1381', kind: 'last4' },
      { prefix: 'p:1381', kind: 'phone', exact: true },
      { prefix: 'm:1381', kind: 'cardPrefix' }
    ])
    expect(parseQuery('zs', restricted)).toEqual(parseQuery('zs'))
    // with the right (the default): prefix search as before
    expect(rankResults('1381', [c])[0]?.match.kind).toBe('phonePrefix')
  })
})
