import type { ComplaintStatus } from '@shared/domain/complaint'
import type { ReturnStatus } from '@shared/domain/returns'
import type { DataContext } from './context'
import type { SyncedRecords, TimelineEvent } from './schema'
import { consultationsOfCustomer } from './consultations'
import { deskMaySeePhones } from './privacy'
import { maskPhone } from '@shared/domain/phone'
import { complaintsOfCustomers } from './complaintReads'
import { eventsOfSubjects } from './timelineReads'
import { customerById } from './customerReads'

// One timeline per customer (docs/design.md §3.2): their complaints and returns, and the steps recorded on
// the archive itself (notes, corrections, merges, reveals), newest first. Archives merged into this
// one contribute theirs too — events are immutable, so they keep their subject and are read by it.

export type CustomerTimelineEntry =
  | { kind: 'complaint'; at: number; complaint: SyncedRecords['complaints'] }
  | { kind: 'return'; at: number; request: SyncedRecords['returns'] }
  | { kind: 'event'; at: number; event: TimelineEvent }
  | { kind: 'consultation'; at: number; consultation: SyncedRecords['consultations'] }

const OPEN_COMPLAINT: ReadonlySet<ComplaintStatus> = new Set([
  'registered',
  'inProgress',
  'awaitingApproval',
  'awaitingRevisit'
])
const OPEN_RETURN: ReadonlySet<ReturnStatus> = new Set(['pending', 'processing'])

export interface CustomerTimeline {
  /** unfinished complaints and returns: what the counter must act on, shown on top */
  open: CustomerTimelineEntry[]
  entries: CustomerTimelineEntry[]
}

const PHONE_FIELDS: ReadonlySet<string> = new Set(['phone', 'phones'])

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return value ? maskPhone(value) : value
  if (Array.isArray(value)) return value.map(maskValue)
  return value
}

/** A correction of the archive's phones (old → new) as someone without the right to full numbers
 *  sees it: masked. The stored event keeps both numbers — the record of what changed — for the roles
 *  that may see them (docs/security.md §4). */
function maskedForDesk(event: TimelineEvent): TimelineEvent {
  if (event.type !== 'customerEdited' || !Array.isArray(event.data.changes)) return event
  const changes = (event.data.changes as { field?: unknown; from?: unknown; to?: unknown }[]).map((c) =>
    typeof c.field === 'string' && PHONE_FIELDS.has(c.field)
      ? { ...c, from: maskValue(c.from), to: maskValue(c.to) }
      : c
  )
  return { ...event, data: { ...event.data, changes } }
}

export async function getCustomerTimeline(ctx: DataContext, customerId: string): Promise<CustomerTimeline> {
  const fullPhones = await deskMaySeePhones(ctx)
  const customer = await customerById(ctx.db, customerId)
  const ids = [customerId, ...(customer?.mergedFrom ?? [])]
  const [complaints, returns, events, consultations] = await Promise.all([
    complaintsOfCustomers(ctx.db, ids),
    ctx.db.returns.where('customerId').anyOf(ids).toArray(),
    eventsOfSubjects(ctx.db, ids),
    consultationsOfCustomer(ctx, ids)
  ])
  const entries: CustomerTimelineEntry[] = [
    ...complaints
      .filter((c) => !c._deleted)
      .map((complaint) => ({ kind: 'complaint' as const, at: complaint.receivedAt, complaint })),
    ...returns
      .filter((r) => !r._deleted)
      .map((request) => ({ kind: 'return' as const, at: request.createdAt, request })),
    ...events.map((event) => ({
      kind: 'event' as const,
      at: event.at,
      event: fullPhones ? event : maskedForDesk(event)
    })),
    ...consultations.map((consultation) => ({
      kind: 'consultation' as const,
      at: consultation.createdAt,
      consultation
    }))
  ].sort((a, b) => b.at - a.at)
  const open = entries.filter(
    (e) =>
      (e.kind === 'complaint' && OPEN_COMPLAINT.has(e.complaint.status)) ||
      (e.kind === 'return' && OPEN_RETURN.has(e.request.status))
  )
  return { open, entries }
}
