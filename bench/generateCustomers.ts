import type { Customer, Tier } from '@shared/domain/customer'
import { customerKeys, withDerived } from '@/db/derived'
import './nodeCustomerSearch'
import { prng } from '../tests/support/prng'
import { AREAS, GIVEN, POLYPHONIC, SURNAMES, TAGS } from './names'

// A realistic customer archive for benchmarks (not app code): common and polyphonic surnames,
// one- and two-character given names, mainland mobiles and landlines with area codes, tiers,
// tags, member cards. Rows carry the derived search keys the writer would have set.

const TIER_WEIGHTS: [Tier, number][] = [
  ['regular', 0.7],
  ['member', 0.2],
  ['vip', 0.07],
  ['key', 0.03]
]
const SOURCES = ['门店', '电话', '线上', '老客户介绍']

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T

function tier(r: () => number): Tier {
  let x = r()
  for (const [t, w] of TIER_WEIGHTS) if ((x -= w) < 0) return t
  return 'regular'
}

export function generateCustomers(
  count: number,
  opts: { seed?: number; deviceId: string; staffNo: string; nowMs: number }
) {
  const r = prng(opts.seed ?? 7)
  const stamp = {
    hlc: `${String(opts.nowMs).padStart(15, '0')}-0000-${opts.deviceId}`,
    device: opts.deviceId,
    staffNo: opts.staffNo
  }
  const out = []
  for (let i = 0; i < count; i++) {
    const surname = r() < 0.05 ? pick(r, POLYPHONIC) : pick(r, SURNAMES)
    const name = surname + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : '')
    // unique per row: the index in the low digits keeps phones distinct, like a real archive
    const mobile = `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 100)).padStart(2, '0')}${String(i).padStart(7, '0')}`
    const phones =
      r() < 0.1
        ? [`${pick(r, AREAS)}-${2 + Math.floor(r() * 8)}${String(i).padStart(7, '0')}`, mobile]
        : [mobile]
    const t = tier(r)
    const customer: Customer = {
      id: `bc-${i}`,
      name,
      phone: phones[0] as string,
      phones,
      tier: t,
      tags: r() < 0.4 ? [pick(r, TAGS)] : [],
      memberNo: t === 'regular' ? undefined : `M${String(100000 + i)}`,
      gender: r() < 0.5 ? 'male' : 'female',
      source: pick(r, SOURCES),
      assignedClerk: r() < 0.5 ? pick(r, ['1001', '1002', '1003']) : undefined
    }
    const row = { ...customer, _clock: {}, _created: stamp, _updated: stamp }
    out.push(withDerived(row, customerKeys(row)))
  }
  return out
}
