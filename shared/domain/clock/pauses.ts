import type { ComplaintStatus } from '../complaint'
import type { Interval } from './businessClock'

// 暂停计时 / 恢复计时 (issue 16): a complaint's clock can be put on hold while the store waits for the
// customer, for parts or for the supplier. Paused time counts toward no limit (businessClock.ts).
//
// Decisions:
// - A pause and a resume are timeline events (immutable, synced), never fields of the complaint: a
//   field is last-writer-wins, so two PCs pausing offline would lose one of the intervals.
// - Each event carries a sequence number: pause n opens interval n, resume n closes it. Its id is
//   `${caseId}:clockPaused:${n}` / `${caseId}:clockResumed:${n}`, computed from what the PC knows, so
//   two PCs that pause (or resume) the same interval at the same moment write the SAME id, and sync
//   keeps exactly one of them (events keep their first write, the smallest HLC: shared/sync/merge.ts).
//   Every PC then folds the same set of events into the same intervals, whatever order they came in.
// - Refusals are codes: pausing a paused clock ('reports.clock.alreadyPaused'), resuming a running
//   one ('reports.clock.notPaused'), a reason outside the list ('reports.clock.badReason'), a closed
//   or rejected case ('reports.clock.caseEnded'), an instant before the receipt or before the clock's
//   last event ('reports.clock.beforeLast': this PC's clock went back).
// - Any open case can be paused, also one awaiting its follow-up (the pause then stretches the
//   follow-up window); a closed or rejected one cannot.
// - "Paused" means: the highest sequence number seen has a pause and no resume. A resume whose pause
//   has not arrived yet (segments of two peers arrive independently) leaves the clock running, and
//   the next pause takes the number after it.
// - Folding (pauseIntervals): interval n = [pause n, resume n). When resume n has not arrived but a
//   later event has (someone resumed, or it could not have been paused again), interval n ends at the
//   earliest later event. With no later event it is open: to = Infinity. A resume stamped before its
//   pause (two PCs' clocks disagree) gives an empty interval; overlapping intervals are joined by
//   the clock. The result depends only on the set of events.

export const PAUSE_REASONS = ['customer', 'parts', 'vendor'] as const
export type PauseReason = (typeof PAUSE_REASONS)[number]

export type ClockEventType = 'clockPaused' | 'clockResumed'

/** A pause or resume as written to the timeline (subject, 工号 and stamps are the writer's). */
export interface ClockEvent {
  id: string
  type: ClockEventType
  at: number
  data: { seq: number; reason?: PauseReason }
}

/** Any timeline event: the clock reads only its own kinds and ignores the rest. */
export interface TimelineLike {
  id: string
  type: string
  at: number
  data: Record<string, unknown>
}

export type ClockRefusal =
  | 'reports.clock.alreadyPaused'
  | 'reports.clock.notPaused'
  | 'reports.clock.badReason'
  | 'reports.clock.caseEnded'
  | 'reports.clock.beforeLast'

export type ClockCommand = { ok: true; event: ClockEvent } | { ok: false; code: ClockRefusal }

export interface ClockState {
  paused: boolean
  /** highest sequence number seen (0: never paused) */
  seq: number
  /** the open pause's instant and reason, when paused */
  since: number | null
  reason: PauseReason | null
  /** the latest instant of any clock event (null: none) */
  lastAt: number | null
}

export function clockEventId(caseId: string, type: ClockEventType, seq: number): string {
  return `${caseId}:${type}:${seq}`
}

interface Parsed {
  type: ClockEventType
  seq: number
  at: number
  reason: PauseReason | null
}

function isReason(value: unknown): value is PauseReason {
  return typeof value === 'string' && (PAUSE_REASONS as readonly string[]).includes(value)
}

/** The clock events among a case's timeline, one per (type, seq) — the first by id if a broken writer made two. */
function parse(events: readonly TimelineLike[]): Map<string, Parsed> {
  const out = new Map<string, Parsed>()
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const e of sorted) {
    if (e.type !== 'clockPaused' && e.type !== 'clockResumed') continue
    const seq = e.data.seq
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || !Number.isFinite(e.at)) continue
    const key = `${e.type}:${seq}`
    if (!out.has(key))
      out.set(key, { type: e.type, seq, at: e.at, reason: isReason(e.data.reason) ? e.data.reason : null })
  }
  return out
}

export function clockState(events: readonly TimelineLike[]): ClockState {
  const parsed = parse(events)
  let seq = 0
  let lastAt: number | null = null
  for (const p of parsed.values()) {
    seq = Math.max(seq, p.seq)
    lastAt = lastAt === null ? p.at : Math.max(lastAt, p.at)
  }
  const open = parsed.get(`clockPaused:${seq}`)
  const paused = open !== undefined && !parsed.has(`clockResumed:${seq}`)
  return {
    paused,
    seq,
    since: paused ? open.at : null,
    reason: paused ? open.reason : null,
    lastAt
  }
}

interface CaseRef {
  id: string
  status: ComplaintStatus
  receivedAt: number
}

function refuse(c: CaseRef, state: ClockState, at: number): ClockRefusal | null {
  if (c.status === 'closed' || c.status === 'rejected') return 'reports.clock.caseEnded'
  if (at < c.receivedAt || (state.lastAt !== null && at < state.lastAt)) return 'reports.clock.beforeLast'
  return null
}

/** 暂停计时: the event to write, or why not. `events` are the case's timeline as this PC knows it. */
export function pauseClock(
  c: CaseRef,
  events: readonly TimelineLike[],
  at: number,
  reason: unknown
): ClockCommand {
  const state = clockState(events)
  if (!isReason(reason)) return { ok: false, code: 'reports.clock.badReason' }
  if (state.paused) return { ok: false, code: 'reports.clock.alreadyPaused' }
  const refused = refuse(c, state, at)
  if (refused) return { ok: false, code: refused }
  const seq = state.seq + 1
  return {
    ok: true,
    event: { id: clockEventId(c.id, 'clockPaused', seq), type: 'clockPaused', at, data: { seq, reason } }
  }
}

/** 恢复计时: the event to write, or why not. */
export function resumeClock(c: CaseRef, events: readonly TimelineLike[], at: number): ClockCommand {
  const state = clockState(events)
  if (!state.paused) return { ok: false, code: 'reports.clock.notPaused' }
  const refused = refuse(c, state, at)
  if (refused) return { ok: false, code: refused }
  return {
    ok: true,
    event: {
      id: clockEventId(c.id, 'clockResumed', state.seq),
      type: 'clockResumed',
      at,
      data: { seq: state.seq }
    }
  }
}

/** The paused intervals the events describe (see the folding decisions above), sorted by start. */
export function pauseIntervals(events: readonly TimelineLike[]): Interval[] {
  const parsed = [...parse(events).values()]
  const out: Interval[] = []
  for (const p of parsed) {
    if (p.type !== 'clockPaused') continue
    const resume = parsed.find((q) => q.type === 'clockResumed' && q.seq === p.seq)
    const later = parsed.filter((q) => q.seq > p.seq).map((q) => q.at)
    const to = resume ? resume.at : later.length > 0 ? Math.min(...later) : Infinity
    out.push({ from: p.at, to: Math.max(p.at, to) })
  }
  return out.sort((a, b) => a.from - b.from || a.to - b.to)
}
