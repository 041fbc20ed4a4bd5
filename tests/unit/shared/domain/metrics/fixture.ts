import { DEFAULT_TIME_RULES } from '@shared/domain/timeRules'
import type { MetricCase, MetricContext } from '@shared/domain/metrics/timeLimits'

// A tiny hand-computed dataset around Monday 2026-11-23 (China time), default time rules (sunset at
// midnight, 24 h limit, follow-up within 3 days). Each case's limits and their last moments:
//
// case recv          first resp     resolved      follow-up              limits (last moment → outcome)
// A    23 09:00      23 09:30       23 15:00      24 10:00 satisfied     FR 23 23:59:59.999 met; res 24 08:59:59.999 met;
//                    closed 24 11:00                                     fu 26 15:00 met
// B    23 10:00      24 08:00       —             —                      FR 23 (late) missed; res 24 09:59:59.999 missed
// C    22 20:00      22 21:00       23 21:00      27 10:00 unsatisfied   FR 22 met; res 23 19:59:59.999 missed (resolved 1 h late);
//                    closed 27 11:00                                     fu 26 21:00 missed
// D    23 23:59:59.999  —           —             —                      FR 23 23:59:59.999 missed (due 1 ms after receipt);
//                                                                        res 24 23:59:59.998 missed
// E    24 00:00      24 00:10       —             —                      FR 24 met; res 24 23:59:59.999 missed
// F    23 14:00      23 14:30 rejected (不成立), closedAt 23 14:30        FR 23 met; no resolution limit (rejected first)
// G    23 08:00      23 08:10       23 12:00      —                      FR 23 met; res 24 07:59:59.999 met; fu 26 12:00 missed

export const at = (day: number, hhmm: string, extraMs = 0) =>
  Date.parse(`2026-11-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`) + extraMs

function mk(over: Partial<MetricCase> & Pick<MetricCase, 'id' | 'receivedAt'>): MetricCase {
  return {
    customerId: `cust-${over.id}`,
    status: 'inProgress',
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    revisit: null,
    escalationLevel: 0,
    ...over
  }
}

export const A = mk({
  id: 'A',
  receivedAt: at(23, '09:00'),
  firstResponseAt: at(23, '09:30'),
  resolvedAt: at(23, '15:00'),
  revisit: { at: at(24, '10:00'), satisfaction: 'satisfied' },
  status: 'closed',
  closedAt: at(24, '11:00')
})
export const B = mk({
  id: 'B',
  receivedAt: at(23, '10:00'),
  firstResponseAt: at(24, '08:00'),
  escalationLevel: 2
})
export const C = mk({
  id: 'C',
  receivedAt: at(22, '20:00'),
  firstResponseAt: at(22, '21:00'),
  resolvedAt: at(23, '21:00'),
  revisit: { at: at(27, '10:00'), satisfaction: 'unsatisfied' },
  status: 'closed',
  closedAt: at(27, '11:00'),
  escalationLevel: 1
})
export const D = mk({ id: 'D', receivedAt: at(23, '23:59', 59_999), status: 'registered' })
export const E = mk({ id: 'E', receivedAt: at(24, '00:00'), firstResponseAt: at(24, '00:10') })
export const F = mk({
  id: 'F',
  receivedAt: at(23, '14:00'),
  firstResponseAt: at(23, '14:30'),
  status: 'rejected',
  closedAt: at(23, '14:30')
})
export const G = mk({
  id: 'G',
  receivedAt: at(23, '08:00'),
  firstResponseAt: at(23, '08:10'),
  resolvedAt: at(23, '12:00'),
  status: 'awaitingRevisit'
})

export const CASES: MetricCase[] = [A, B, C, D, E, F, G]

/** Every limit above is final by 11-30. */
export const CTX: MetricContext = { rules: DEFAULT_TIME_RULES, closedDays: [], asOf: at(30, '00:00') }

export const dayRange = (day: number) => ({ start: at(day, '00:00'), end: at(day + 1, '00:00') })
/** Monday 11-23 to Sunday 11-29 */
export const WEEK = { start: at(23, '00:00'), end: at(30, '00:00') }
