import { SETTLED_STATUSES } from '@shared/sync/snapshotHistory'
import type { DeskDatabase } from '../database'
import { withDerived, type Derive } from '../derived'
import type { SyncedRecords, SyncedTable } from '../schema'
import { addNewToTallies } from '../tallies'
import { isClockEvent, storedPauses } from '../complaintPauses'
import { mayBePacked, storePacks, unpackComplaints } from '../packedHistory'
import { immutableRow, snapshotRow, type SnapshotRecordEntry } from './mergeBatch'

// The part of a history slice (Writer.applyHistoryRecords) stored as packs: settled complaints new here
// with the events of theirs in the same slice (packedHistory.ts). Each becomes exactly the row a merge
// would store (snapshotRow: stamps, derived keys; `_pauses` folded from its clock events as
// complaintPauses.ts would after they arrive), so reading it from a pack or from a row is the same.

type StoredComplaint = SyncedRecords['complaints']
type StoredEvent = SyncedRecords['events']

export interface PackedSlice {
  /** entries left for the ordinary merge (everything not packed) */
  rest: SnapshotRecordEntry[]
  /** complaints packed */
  packed: number
}

/** Packs what it can of a slice, in the caller's transaction (complaints, events, complaintPacks,
 *  tallies). `present(table, id)` says a row is stored; it is asked after packed complaints of the
 *  slice (a slice stored again, another snapshot's overlap) were moved back to rows, which it lists. */
export async function packHistorySlice(
  db: DeskDatabase,
  derive: Derive,
  entries: readonly SnapshotRecordEntry[],
  readPresent: () => Promise<(table: SyncedTable, id: string) => boolean>
): Promise<PackedSlice> {
  const complaintIds = entries.flatMap((e) => (e.t === 'complaints' ? [e.r.id] : []))
  // Already packed (a slice stored twice, an overlapping snapshot): rows again, merged as rows.
  await unpackComplaints(db, await mayBePacked(db, complaintIds))
  const present = await readPresent()
  const toPack = new Map<string, StoredComplaint>()
  for (const { t, r } of entries) {
    if (t !== 'complaints' || present(t, r.id) || r._deleted || !SETTLED_STATUSES.has(r.status)) continue
    const row = snapshotRow(derive, t, r)
    if (row) toPack.set(r.id, row as unknown as StoredComplaint)
  }
  if (toPack.size === 0) return { rest: [...entries], packed: 0 }
  const events: StoredEvent[] = []
  const rest: SnapshotRecordEntry[] = []
  for (const entry of entries) {
    const { t, r } = entry
    if (t === 'complaints' && toPack.has(r.id)) continue
    const subject = t === 'events' ? r.subjectId : undefined
    if (typeof subject === 'string' && toPack.has(subject) && !present(t, r.id)) {
      const row = immutableRow(derive, t, r)
      if (row) events.push(row as unknown as StoredEvent)
      continue
    }
    rest.push(entry)
  }
  const rows = withPauses(derive, toPack, events)
  const prefix = `h:${[...toPack.keys()].sort()[0]}`
  const stray = await storePacks(db, rows, events, prefix)
  if (stray.length) throw new Error('packed events without their complaint')
  await addNewToTallies(db, 'complaints', rows)
  return { rest, packed: rows.length }
}

/** The complaints with their clock events folded into `_pauses` and keys derived again (as
 *  complaintPauses.ts refreshPauses does for a row). */
function withPauses(
  derive: Derive,
  complaints: ReadonlyMap<string, StoredComplaint>,
  events: readonly StoredEvent[]
): StoredComplaint[] {
  const clock = new Map<string, StoredEvent[]>()
  for (const e of events)
    if (isClockEvent(e.type)) clock.set(e.subjectId, [...(clock.get(e.subjectId) ?? []), e])
  return [...complaints.values()].map((c) => {
    const own = clock.get(c.id)
    const pauses = own ? storedPauses(own) : undefined
    if (!pauses) return c
    const next = withDerived(c, { _pauses: pauses as never })
    return withDerived(next, derive('complaints', next as unknown as Record<string, unknown>))
  })
}
