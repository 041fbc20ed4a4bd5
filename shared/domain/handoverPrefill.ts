import type { ComplaintStatus } from './complaint'
import type { ReturnRequestType, ReturnStatus } from './returns'
import { attemptsOf, taskState, type RevisitRule, type RevisitTask } from './revisit'
import {
  countedEscalationDeadlines,
  countedRevisitDueAt,
  countedSunsetDeadline,
  evaluateTimeCounted,
  nextEscalationAt,
  sunsetDeadline,
  type TimeRuleSettings
} from './timeRules'
import { ALWAYS_COUNTING, type BusinessClock } from './clock/businessClock'

// What a handover note is pre-filled with (docs/design.md §3.5: "so nothing is forgotten"): every open
// complaint with its age, escalation and what is due next; the 回访任务 (every rule) due today or overdue;
// callbacks promised; returns in progress; and a marker when the previous note was never
// acknowledged. Each entry counts the shifts it has already been handed over (carried), from the
// previous note's pre-fill. Pure: the data layer passes the records in.

/** The complaint fields the selection reads (a stored Complaint is one). */
export interface PrefillComplaintSource {
  id: string
  no: string
  status: ComplaintStatus
  receivedAt: number
  customerName: string
  customerPhone: string
  firstResponseAt: number | null
  resolvedAt: number | null
  revisit: { at: number } | null
  escalationLevel: 0 | 1 | 2
  /** 约定回电; older records have no such field */
  callback?: { dueAt: number; note: string } | null
}

export interface PrefillReturnSource {
  id: string
  customerName: string
  customerPhone: string
  type: ReturnRequestType
  status: ReturnStatus
  amount: number | null
  createdAt: number
  complaintId: string | null
}

/** The next step a case is waiting for; `at` null when it waits on a person, not a clock. */
export type NextStepKind =
  | 'firstResponse'
  | 'escalateLeader'
  | 'escalateManager'
  | 'revisit'
  | 'callback'
  | 'approval'
  | 'result'
  | 'judge'
export interface NextStep {
  kind: NextStepKind
  at: number | null
}

export interface PrefillComplaint extends Pick<
  PrefillComplaintSource,
  'id' | 'no' | 'customerName' | 'customerPhone' | 'receivedAt' | 'status'
> {
  ageMs: number
  /** escalation level in force (recorded or due) */
  level: 0 | 1 | 2
  next: NextStep
  overdue: boolean
  /** the next step falls due before this shift ends (at the end exactly included) */
  dueThisShift: boolean
  carried: number
}

/** A 回访任务 due today or overdue (docs/revisits.md). Notes written before tasks existed stored the
 *  complaint instead: `id` the complaint's, `no` its number, no `rule` (read by the screen as 投诉回访). */
export interface PrefillRevisit {
  /** the task id (older notes: the complaint id) */
  id: string
  /** older notes only: the complaint number */
  no?: string
  /** the task's rule; absent in older notes */
  rule?: RevisitRule
  /** what the task is for: the complaint number, the campaign's name, or '' */
  sourceNo?: string
  /** the complaint a 投诉回访 / 维修回访 comes from, for the link; null otherwise */
  complaintId?: string | null
  customerName: string
  customerPhone: string
  dueAt: number
  /** calls made so far */
  attempts?: number
  overdue: boolean
  carried: number
}

/** The task fields the selection reads, with its `attempt:<id>` fields (a stored task is one). The
 *  data layer passes the customer's current name and phone in place of the copies made with the task. */
export type PrefillTaskSource = Pick<
  RevisitTask,
  | 'id'
  | 'rule'
  | 'sourceId'
  | 'sourceNo'
  | 'customerName'
  | 'customerPhone'
  | 'windowStart'
  | 'dueAt'
  | 'retryMinutes'
  | 'maxAttempts'
  | 'cancelled'
  | 'campaign'
>

export interface PrefillCallback {
  id: string
  no: string
  customerName: string
  customerPhone: string
  dueAt: number
  note: string
  overdue: boolean
  dueThisShift: boolean
  carried: number
}

export interface PrefillReturn {
  id: string
  customerName: string
  customerPhone: string
  type: ReturnRequestType
  status: ReturnStatus
  amount: number | null
  createdAt: number
  complaintId: string | null
  carried: number
}

/** The note before this one, when it matters: it was never acknowledged. */
export interface PreviousHandoverRef {
  id: string
  date: string
  shiftName: string
  outgoingStaffNo: string
  outgoingName: string
  acknowledged: boolean
}

export interface HandoverPrefill {
  takenAt: number
  complaints: PrefillComplaint[]
  revisits: PrefillRevisit[]
  callbacks: PrefillCallback[]
  returns: PrefillReturn[]
  previous: PreviousHandoverRef | null
}

export const EMPTY_PREFILL: HandoverPrefill = {
  takenAt: 0,
  complaints: [],
  revisits: [],
  callbacks: [],
  returns: [],
  previous: null
}

const ENDED: ReadonlySet<ComplaintStatus> = new Set<ComplaintStatus>(['closed', 'rejected'])
const RETURN_IN_PROGRESS: ReadonlySet<ReturnStatus> = new Set<ReturnStatus>(['pending', 'processing'])

/** What the case waits for next: the earliest clock among first response, escalation, follow-up and
 *  callback; failing any clock, the person it waits on (approval, result, judgement). */
export function nextStep(
  c: PrefillComplaintSource,
  rules: TimeRuleSettings,
  clock: BusinessClock = ALWAYS_COUNTING
): NextStep {
  // Deadlines in counted time (暂停计时, 停业日: issue 16); a deadline an open pause holds back is none.
  const timed: NextStep[] = []
  const sunset = c.firstResponseAt === null ? countedSunsetDeadline(c.receivedAt, rules, clock) : null
  if (sunset !== null) timed.push({ kind: 'firstResponse', at: sunset })
  const escalation = nextEscalationAt(c, rules, clock)
  if (escalation !== null)
    timed.push({
      kind:
        escalation === countedEscalationDeadlines(c, rules, clock).leader
          ? 'escalateLeader'
          : 'escalateManager',
      at: escalation
    })
  const revisitDue = c.revisit === null ? countedRevisitDueAt(c, rules, clock) : null
  if (revisitDue !== null) timed.push({ kind: 'revisit', at: revisitDue })
  if (c.callback) timed.push({ kind: 'callback', at: c.callback.dueAt })
  if (timed.length) return timed.reduce((a, b) => ((b.at as number) < (a.at as number) ? b : a))
  if (c.status === 'awaitingApproval') return { kind: 'approval', at: null }
  if (c.status === 'registered') return { kind: 'judge', at: null }
  return { kind: 'result', at: null }
}

export interface PrefillInput {
  /** open complaints (ended ones are skipped here too) */
  complaints: readonly PrefillComplaintSource[]
  /** returns (only pending and processing ones are listed) */
  returns: readonly PrefillReturnSource[]
  /** 回访任务 (only open ones due by the end of today's store day are listed) */
  revisitTasks: readonly PrefillTaskSource[]
  rules: TimeRuleSettings
  /** each complaint's business clock (its pauses and the store's closed days); none: plain time */
  clockOf?: (c: PrefillComplaintSource) => BusinessClock
  now: number
  /** the end of the shift being handed over */
  shiftEnd: number
  /** the note before this one, if any */
  previous: {
    ref: Omit<PreviousHandoverRef, 'acknowledged'>
    acknowledged: boolean
    prefill: HandoverPrefill
  } | null
}

/** Carried count per entry: one more than in the previous note's pre-fill, 0 when new. */
function carriedFrom(previous: HandoverPrefill | undefined): (kind: string, id: string) => number {
  const seen = new Map<string, number>()
  if (previous) {
    for (const c of previous.complaints) seen.set(`complaint:${c.id}`, c.carried)
    for (const r of previous.revisits) seen.set(`revisit:${r.id}`, r.carried)
    for (const b of previous.callbacks) seen.set(`callback:${b.id}`, b.carried)
    for (const r of previous.returns) seen.set(`return:${r.id}`, r.carried)
  }
  return (kind, id) => {
    const before = seen.get(`${kind}:${id}`)
    return before === undefined ? 0 : before + 1
  }
}

export function selectPrefill(input: PrefillInput): HandoverPrefill {
  const { rules, now, shiftEnd } = input
  const carried = carriedFrom(input.previous?.prefill)
  const open = input.complaints.filter((c) => !ENDED.has(c.status))
  const endOfToday = sunsetDeadline(now, rules)

  const complaints: PrefillComplaint[] = open.map((c) => {
    const clock = input.clockOf?.(c) ?? ALWAYS_COUNTING
    const time = evaluateTimeCounted(c, now, rules, clock)
    const next = nextStep(c, rules, clock)
    return {
      id: c.id,
      no: c.no,
      customerName: c.customerName,
      customerPhone: c.customerPhone,
      receivedAt: c.receivedAt,
      ageMs: time.ageMs,
      status: c.status,
      level: time.level,
      next,
      overdue: time.overdue,
      dueThisShift: next.at !== null && next.at <= shiftEnd,
      carried: carried('complaint', c.id)
    }
  })
  // Overdue first, then what falls due soonest, then the oldest.
  complaints.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.next.at ?? Infinity) - (b.next.at ?? Infinity) ||
      a.receivedAt - b.receivedAt
  )

  // 回访任务 of every rule, open and due by the end of today's store day (or already past): they
  // replace the complaint-only list, the complaint's 登记回访 and its task being one thing.
  const revisits: PrefillRevisit[] = input.revisitTasks
    .flatMap((task) => {
      if (task.dueAt > endOfToday) return []
      const state = taskState(task, attemptsOf(task))
      if (state.status !== 'open') return []
      return [
        {
          id: task.id,
          rule: task.rule,
          sourceNo: task.campaign?.name || task.sourceNo,
          complaintId:
            task.rule === 'complaint' || (task.rule === 'repair' && task.sourceNo) ? task.sourceId : null,
          customerName: task.customerName,
          customerPhone: task.customerPhone,
          dueAt: task.dueAt,
          attempts: state.attempts,
          overdue: now > task.dueAt,
          carried: carried('revisit', task.id)
        }
      ]
    })
    .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  const callbacks: PrefillCallback[] = open
    .flatMap((c) =>
      c.callback
        ? [
            {
              id: c.id,
              no: c.no,
              customerName: c.customerName,
              customerPhone: c.customerPhone,
              dueAt: c.callback.dueAt,
              note: c.callback.note,
              overdue: now > c.callback.dueAt,
              dueThisShift: c.callback.dueAt <= shiftEnd,
              carried: carried('callback', c.id)
            }
          ]
        : []
    )
    .sort((a, b) => a.dueAt - b.dueAt)

  const returns: PrefillReturn[] = input.returns
    .filter((r) => RETURN_IN_PROGRESS.has(r.status))
    .map((r) => ({
      id: r.id,
      customerName: r.customerName,
      customerPhone: r.customerPhone,
      type: r.type,
      status: r.status,
      amount: r.amount,
      createdAt: r.createdAt,
      complaintId: r.complaintId,
      carried: carried('return', r.id)
    }))
    .sort((a, b) => a.createdAt - b.createdAt)

  const previous =
    input.previous && !input.previous.acknowledged ? { ...input.previous.ref, acknowledged: false } : null
  return { takenAt: now, complaints, revisits, callbacks, returns, previous }
}

/** Cases past a time limit or a promised callback time, for the note's summary line. */
export function overdueCount(p: HandoverPrefill): number {
  return new Set(
    [...p.complaints.filter((c) => c.overdue), ...p.callbacks.filter((c) => c.overdue)].map((c) => c.id)
  ).size
}
