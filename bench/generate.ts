import { DEFAULT_TIME_RULES, escalationsToRecord } from '@shared/domain/timeRules'
import { complaintKeys, withDerived } from '@/db/derived'
import { buildComplaint, type Category, type Channel, type Emotion } from '@shared/domain/complaint'
import { prng } from '../tests/support/prng'
import { POLYPHONIC, SURNAMES as COMMON } from './names'
// Deterministic, realistic-looking complaint records for benchmarks (not app code).
// Shapes match renderer/src/db/schema.ts so the app reads them like its own.

/** the customer generator's first 20 common surnames and three polyphonic ones */
const SURNAMES = [...COMMON.slice(0, 20), ...POLYPHONIC.slice(0, 3)]
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英'
]
const PRODUCTS = [
  '电饭煲',
  '空调',
  '冰箱',
  '洗衣机',
  '电视机',
  '沙发',
  '床垫',
  '吸尘器',
  '热水器',
  '微波炉',
  '手机',
  '羽绒服'
]
const CONTENTS = [
  '商品有质量问题',
  '送货延误',
  '安装师傅迟到',
  '收银员态度不好',
  '价格与标价不符',
  '退货手续繁琐',
  '维修后仍有故障',
  '赠品未兑现'
]
const CATEGORIES = [
  'quality',
  'service',
  'price',
  'afterSales',
  'returns',
  'delivery',
  'environment',
  'other'
] as const satisfies readonly Category[]
const OPEN_STATUSES = [
  'registered',
  'inProgress',
  'inProgress',
  'awaitingApproval',
  'awaitingRevisit',
  'closed'
] as const
/** Older cases are settled: closed, or found not valid. */
const SETTLED = [
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'rejected'
] as const
const RECENT_MS = 14 * 24 * 3_600_000
const CHANNELS = ['counter', 'phone', 'online', 'letter'] as const satisfies readonly Channel[]
const EMOTIONS = ['angry', 'anxious', 'sad', 'loud', 'calm', 'calm'] as const satisfies readonly Emotion[]

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T

export function generateComplaints(
  count: number,
  opts: { seed?: number; endMs: number; deviceId: string; staffNo: string }
) {
  const r = prng(opts.seed ?? 42)
  const spanMs = 3 * 365 * 24 * 3_600_000
  const stamp = {
    hlc: `${String(opts.endMs).padStart(15, '0')}-0000-${opts.deviceId}`,
    device: opts.deviceId,
    staffNo: opts.staffNo
  }
  const perDay = new Map<string, number>()
  const out = []
  for (let i = 0; i < count; i++) {
    const receivedAt = opts.endMs - Math.floor((i / count) * spanMs) - Math.floor(r() * 60_000)
    const d = new Date(receivedAt + 8 * 3_600_000)
    const day = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
    const seq = (perDay.get(day) ?? 0) + 1
    perDay.set(day, seq)
    const name = pick(r, SURNAMES) + pick(r, GIVEN)
    const phone = `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`
    // The app's own constructor, so generated rows always have every field a real complaint has.
    const complaint = buildComplaint(
      {
        channel: pick(r, CHANNELS),
        customerName: name,
        customerPhone: phone,
        orderNo: `DD${Math.floor(r() * 1e8)}`,
        itemNo: `SKU-${Math.floor(r() * 1e4)}`,
        product: pick(r, PRODUCTS),
        quantity: 1 + Math.floor(r() * 3),
        purchaseDate: '',
        category: pick(r, CATEGORIES),
        content: pick(r, CONTENTS),
        demand: '',
        emotion: pick(r, EMOTIONS),
        urgency: r() < 0.1 ? 'urgent' : 'normal'
      },
      {
        id: `bench-${i}`,
        no: `TS-${day}-ZZ-${String(seq).padStart(3, '0')}`,
        customerId: `cust-${Math.floor(r() * 100_000)}`,
        receivedAt,
        firstResponder: opts.staffNo
      }
    )
    const row = {
      ...complaint,
      status: opts.endMs - receivedAt < RECENT_MS ? pick(r, OPEN_STATUSES) : pick(r, SETTLED),
      firstResponseAt: receivedAt + 600_000,
      department: pick(r, ['采购部', '运营部', '售后服务部']),
      feedbackDepartments: r() < 0.97 ? ['采购部'] : [],
      _clock: {},
      _created: stamp,
      _updated: stamp
    }
    // The derived index keys the writer would have set (rows are loaded behind its back).
    out.push(withDerived(row, complaintKeys(row, DEFAULT_TIME_RULES)))
  }
  return out
}

/**
 * Open complaints as a store in daily use holds them at `nowMs`: every escalation that has come due
 * recorded (its level on the complaint, an 已升级 event dated at its deadline), as the store's running
 * PCs record them each minute (renderer/src/db/escalations.ts). Without this a joining PC would record
 * every escalation of the generated store itself — work no real join does.
 */
export function withDueEscalations<T extends Record<string, unknown> & { id: string }>(
  rows: readonly T[],
  nowMs: number,
  stamp: { hlc: string; device: string; staffNo: string }
): { rows: T[]; events: ({ id: string; _created: { hlc: string } } & Record<string, unknown>)[] } {
  const events: ({ id: string; _created: { hlc: string } } & Record<string, unknown>)[] = []
  const out = rows.map((row) => {
    const due = escalationsToRecord(row as never, nowMs, DEFAULT_TIME_RULES)
    if (due.length === 0) return row
    for (const e of due)
      events.push({
        id: e.id,
        subjectId: row.id,
        type: 'escalated',
        at: e.at,
        staffNo: 'SYSTEM',
        data: { level: e.level },
        _created: stamp,
        _updated: stamp
      })
    const escalated = { ...row, escalationLevel: Math.max(...due.map((e) => e.level)) }
    return withDerived(escalated, complaintKeys(escalated as never, DEFAULT_TIME_RULES)) as T
  })
  return { rows: out, events }
}
