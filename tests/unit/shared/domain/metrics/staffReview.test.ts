process.env.TZ = 'Asia/Shanghai'
import { describe, expect, it } from 'vitest'
import { staffRecords, staffReview, STAFF_LISTS } from '@shared/domain/metrics/staffReview'
import { CTX, NOVEMBER, PAGE_INPUT } from './pagesFixture'

// 客服考核 (staffReview.ts) on the hand-made November of pagesFixture.ts.

describe('客服考核', () => {
  it('one row per clerk, by hand', () => {
    const rows = staffReview(PAGE_INPUT, CTX, NOVEMBER)
    expect(rows.map((r) => r.clerk)).toEqual(['1001', '1002', '1003'])
    const [a, b, c] = rows
    // 1001: took a and c; a's result 11-02 and close 11-03; limits a 3 met of 3, c 0 of 2 (sunset,
    // 24 h) → 3/5; consultations s1 (成交) and s2 (未成交) → 1/2; problems p1 (已采纳), p2
    expect(a).toMatchObject({
      taken: 2,
      handled: 1,
      closed: 1,
      followUps: 0,
      consultations: 2,
      problems: 2,
      adopted: 1
    })
    expect(a?.onTime).toMatchObject({ numerator: 3, denominator: 5 })
    expect(a?.dissatisfaction).toMatchObject({ value: null, denominator: 0 })
    expect(a?.conversion).toMatchObject({ numerator: 1, denominator: 2 })
    // 1002: took b and d; b handled and closed; limits b 2 of 3 (24 h missed), d 0 of 2 → 2/5;
    // followed up b (satisfied) → 0/1 unsatisfied; s3 without an outcome → conversion "—"; the return
    // r1 is not a consultation
    expect(b).toMatchObject({ taken: 2, handled: 1, closed: 1, followUps: 1, consultations: 1, problems: 0 })
    expect(b?.onTime).toMatchObject({ numerator: 2, denominator: 5 })
    expect(b?.dissatisfaction).toMatchObject({ numerator: 0, denominator: 1, value: 0 })
    expect(b?.conversion).toMatchObject({ value: null, denominator: 0 })
    // 1003: a's 回访 (satisfied) and task t1 (不满意) → 2 follow-ups, 1/2; p3 logged in October
    expect(c).toMatchObject({ taken: 0, followUps: 2, problems: 0, adopted: 0 })
    expect(c?.dissatisfaction).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 })
  })

  it('every figure is the length of its list; the lists name the records', () => {
    const rows = staffReview(PAGE_INPUT, CTX, NOVEMBER)
    for (const r of rows) {
      const n = (l: (typeof STAFF_LISTS)[number]) =>
        staffRecords(PAGE_INPUT, CTX, NOVEMBER, r.clerk, l).length
      expect([r.taken, r.handled, r.closed, r.followUps, r.consultations, r.problems, r.adopted]).toEqual([
        n('taken'),
        n('handled'),
        n('closed'),
        n('followUps'),
        n('consultations'),
        n('problems'),
        n('adopted')
      ])
      expect([r.onTime.numerator, r.onTime.denominator]).toEqual([n('onTimeMet'), n('onTimeDue')])
    }
    expect(staffRecords(PAGE_INPUT, CTX, NOVEMBER, '1003', 'followUps')).toEqual([
      { kind: 'complaint', id: 'a' },
      { kind: 'task', id: 't1' }
    ])
    expect(staffRecords(PAGE_INPUT, CTX, NOVEMBER, '1001', 'onTimeDue').map((r) => r.id)).toEqual([
      'a',
      'a',
      'a',
      'c',
      'c'
    ])
  })
})
