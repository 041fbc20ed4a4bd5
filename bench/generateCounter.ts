import { serviceKey, withDerived } from '@/db/derived'
import {
  buildConsultation,
  CONSULT_CHANNELS,
  CONSULT_OUTCOMES,
  CONSULT_TOPICS
} from '@shared/domain/counter/consultation'
import { buildProblem, DEFAULT_REWARD_RULES, PROBLEM_KINDS, rewardFor } from '@shared/domain/counter/problem'
import { prng } from '../tests/support/prng'

// Deterministic consultations and problems for the counter-log benchmark (not app code), built with
// the app's own constructors and given the derived keys the writer would set.

const DAY = 24 * 3_600_000
const CLERKS = ['8001', '1001', '1002', '1003', '1004', '1005']
const QUESTIONS = ['这款有货吗', '能便宜点吗', '会员有折扣吗', '保修几年', '可以送货上门吗', '能开发票吗']
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T

function stampOf(endMs: number, staffNo: string) {
  return { hlc: `${String(endMs).padStart(15, '0')}-0000-bench`, device: 'bench', staffNo }
}

/** `count` consultations spread evenly over `days` days ending at `endMs`. */
export function generateConsultations(count: number, opts: { endMs: number; days: number; seed?: number }) {
  const r = prng(opts.seed ?? 15)
  const span = opts.days * DAY
  const out = []
  for (let i = 0; i < count; i++) {
    const createdAt = opts.endMs - Math.floor((i / count) * span) - Math.floor(r() * 60_000)
    const staffNo = pick(r, CLERKS)
    const outcome = r() < 0.1 ? null : pick(r, CONSULT_OUTCOMES)
    const known = r() < 0.4
    const c = buildConsultation(
      {
        channel: pick(r, CONSULT_CHANNELS),
        customerId: null,
        customerName: known ? '顾客' : '',
        customerPhone: known ? `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : '',
        topic: pick(r, CONSULT_TOPICS),
        product: '',
        itemNo: '',
        question: pick(r, QUESTIONS),
        answer: '',
        outcome,
        orderNo: outcome === 'converted' ? `DD${i}` : ''
      },
      {
        id: `consult-${i}`,
        customerId: known ? `cust-${Math.floor(r() * 100_000)}` : null,
        staffNo,
        createdAt
      }
    )
    const row = {
      ...c,
      _clock: {},
      _created: stampOf(opts.endMs, staffNo),
      _updated: stampOf(opts.endMs, staffNo)
    }
    out.push(withDerived(row, serviceKey('consultations', row)))
  }
  return out
}

/** `count` problems over `days` days; older ones mostly decided. */
export function generateProblems(count: number, opts: { endMs: number; days: number; seed?: number }) {
  const r = prng(opts.seed ?? 16)
  const span = opts.days * DAY
  const out = []
  for (let i = 0; i < count; i++) {
    const createdAt = opts.endMs - Math.floor((i / count) * span) - Math.floor(r() * 60_000)
    const staffNo = pick(r, CLERKS)
    const kind = pick(r, PROBLEM_KINDS)
    const p = buildProblem(
      { kind, description: '价签与系统价格不一致', product: '', itemNo: '', complaintId: null },
      { id: `problem-${i}`, staffNo, createdAt }
    )
    const decided = r() < 0.9
    const decision = kind === 'suggestion' ? pick(r, ['adopted', 'declined'] as const) : 'handled'
    out.push({
      ...p,
      ...(decided
        ? {
            status: decision,
            decidedBy: '8001',
            decidedAt: Math.min(createdAt + DAY, opts.endMs),
            reward: rewardFor(kind, decision, DEFAULT_REWARD_RULES)
          }
        : {}),
      _clock: {},
      _created: stampOf(opts.endMs, staffNo),
      _updated: stampOf(opts.endMs, staffNo)
    })
  }
  return out
}
