import { describe, expect, it } from 'vitest'
import { idHash, inSample } from '@shared/domain/revisit'

/** ids shaped like the app's (nanoid alphabet, 21 chars), made by a fixed-seed generator */
function ids(n: number, seed = 42): string[] {
  const alphabet = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict'
  let x = seed
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x
  }
  return Array.from({ length: n }, () =>
    Array.from({ length: 21 }, () => alphabet[(next() >>> 16) % alphabet.length]).join('')
  )
}

describe('sampling for 新客户回访', () => {
  it('is deterministic: the same id is always in or out', () => {
    for (const id of ids(200)) expect(inSample(id, 10)).toBe(inSample(id, 10))
    expect(idHash('c-1')).toBe(idHash('c-1'))
    expect(idHash('c-1')).not.toBe(idHash('c-2'))
  })

  it.each([10, 25, 50])('picks %i % of 10 000 ids within ±1 %', (percent) => {
    const list = ids(10_000)
    const picked = list.filter((id) => inSample(id, percent)).length
    expect(Math.abs(picked / 100 - percent)).toBeLessThanOrEqual(1)
  })

  it('picks within ±1 % also for sequential ids (c-1 … c-10000)', () => {
    const picked = Array.from({ length: 10_000 }, (_, i) => `c-${i + 1}`).filter((id) =>
      inSample(id, 10)
    ).length
    expect(Math.abs(picked / 100 - 10)).toBeLessThanOrEqual(1)
  })

  it('0 % picks nobody, 100 % everybody; a larger rate keeps everyone a smaller one picked', () => {
    const list = ids(1000, 7)
    expect(list.filter((id) => inSample(id, 0))).toEqual([])
    expect(list.filter((id) => inSample(id, 100))).toHaveLength(1000)
    for (const id of list) if (inSample(id, 10)) expect(inSample(id, 20)).toBe(true)
  })
})
