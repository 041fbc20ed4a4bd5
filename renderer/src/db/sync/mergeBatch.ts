import type { Table } from 'dexie'
import { ALL_FIELDS, type Change } from '@shared/sync/change'
import { canonicalJson } from '@shared/sync/json'
import { parseHlc } from '@shared/sync/hlc'
import {
  applyChanges,
  freshRecord,
  groupByRecord,
  recordAsChanges,
  type Conflict,
  type MergeRecord
} from '@shared/sync/merge'
import type { DeskDatabase } from '../database'
import { withDerived, type Derive } from '../derived'
import type { ConflictEntry, Stamp, SyncedTable } from '../schema'
import { tallyMoves } from '../tallies'
import { applyDayRowMoves, dayRowMoves, type DayMove } from '../dayRows'
import { findUniqueClashes } from './uniqueClash'
import { packedEventsOf, unpackComplaints } from '../packedHistory'
import { unpackCustomers } from '../packedCustomers'
import { complaintsWithStoredPauses, isClockEvent, refreshPauses } from '../complaintPauses'

// Merges other PCs' changes into the stored records: the body of Writer.applyRemote, which runs it
// inside its transaction. Per record: the pure LWW merge (shared/sync/merge.ts) against the stored
// `_clock`, local bookkeeping (stamps, derived index keys, tallies) brought up to date, and the
// record written only when something really changed — so a batch applied twice writes nothing.

export interface MergeOutcome {
  /** records whose stored state changed */
  applied: number
  /** long-text conflicts not recorded before */
  conflicts: Conflict[]
  /** records not written because they would break a unique index (uniqueClash.ts) */
  held: HeldRecord[]
}

export interface HeldRecord {
  table: SyncedTable
  recordId: string
  /** every change of the batch for this record, to apply once the clash is resolved */
  changes: Change[]
  detail: string
}

interface Merged {
  table: SyncedTable
  recordId: string
  /** the record's changes, made only if it is held back */
  changes: () => Change[]
  current: StoredRow | undefined
  /** the record to store; undefined when nothing changed */
  next: StoredRow | undefined
  conflicts: Conflict[]
  /** append-only tables (操作日志): changes that would have rewritten or removed a stored entry */
  refused?: Change[]
}

export type StoredRow = MergeRecord & { _created?: Stamp; _updated?: Stamp }

export function conflictId(c: Conflict): string {
  return `${c.table}\u0000${c.recordId}\u0000${c.field}\u0000${c.losingHlc}`
}

function stampOf(change: Change): Stamp {
  return { hlc: change.hlc, device: change.device, staffNo: change.staffNo }
}

/** _created: the earliest change seen for the record; _updated: the latest. Local bookkeeping, but
 *  deterministic, so every PC that has seen the same changes shows the same 创建/更新 stamps. */
function withStamps(record: MergeRecord, changes: readonly Change[]): StoredRow {
  const sorted = [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
  const first = sorted[0] as Change
  const last = sorted[sorted.length - 1] as Change
  const row = record as StoredRow
  const created = row._created && row._created.hlc <= first.hlc ? row._created : stampOf(first)
  const updated = row._updated && row._updated.hlc >= last.hlc ? row._updated : stampOf(last)
  return { ...row, _created: created, _updated: updated }
}

/** Derived keys for a record that may be partial (an edit arrived before its creation, e.g. behind a
 *  quarantined segment): if the derivation cannot read it, it is indexed like a tombstone — in no
 *  list — until the missing fields arrive and the next merge derives it properly. */
function derivedSafely(derive: Derive, table: SyncedTable, record: StoredRow): StoredRow {
  try {
    return withDerived(record, derive(table, record))
  } catch {
    return withDerived(record, derive(table, { ...record, _deleted: 1 }))
  }
}

export async function mergeBatch(
  db: DeskDatabase,
  derive: Derive,
  changes: readonly Change[],
  now: number
): Promise<MergeOutcome> {
  return writeMerged(db, derive, await mergeChanges(db, derive, changes), now)
}

/** Says a record is certainly not stored yet (a snapshot bootstrap knows which ids it has written),
 *  so it need not be read back: reading 300 000 absent ids costs seconds. When unsure, say false. */
export type KnownAbsent = (table: SyncedTable, recordId: string) => boolean

/** Snapshot records (bootstrap): those known absent are built directly (merge.ts freshRecord — the
 *  same result as merging their changes, without making one change object per field); the rest merge
 *  as changes. One write phase for both. */
export async function mergeSnapshotRecords(
  db: DeskDatabase,
  derive: Derive,
  entries: readonly SnapshotRecordEntry[],
  now: number,
  knownAbsent: KnownAbsent,
  { deferDayRows = false }: { deferDayRows?: boolean } = {}
): Promise<MergeOutcome> {
  const merged: Merged[] = []
  const general: Change[] = []
  for (const { t: table, r: record, row } of entries) {
    const absent = knownAbsent(table, record.id)
    const next = absent ? (row ?? snapshotRow(derive, table, record)) : undefined
    if (!next) {
      general.push(...recordAsChanges(table, record))
      continue
    }
    merged.push({
      table,
      recordId: record.id,
      changes: () => recordAsChanges(table, record),
      current: undefined,
      next,
      conflicts: []
    })
  }
  merged.push(...(await mergeChanges(db, derive, general)))
  return writeMerged(db, derive, merged, now, deferDayRows)
}

/** A snapshot record, and (optionally) the row snapshotRow built from it earlier: stored as it is when
 *  the record is absent here (joiningCustomers.ts holds such rows while a join loads). */
export interface SnapshotRecordEntry {
  t: SyncedTable
  r: MergeRecord
  row?: StoredRow
}

/** The row a snapshot record becomes on a PC that does not hold it: merge.ts freshRecord, with its
 *  stamps and derived keys. Undefined where only the general merge applies (immutable tables, no
 *  clocked field). */
export function snapshotRow(derive: Derive, table: SyncedTable, record: MergeRecord): StoredRow | undefined {
  const fresh = freshRecord(table, record)
  return fresh && derivedSafely(derive, table, { ...fresh, ...clockStamps(fresh._clock) })
}

/** The row the general merge stores for a snapshot record of an immutable table (an event) new here:
 *  its changes applied to nothing, stamped and derived exactly as mergeChanges would (packed history
 *  keeps such rows, sync/historyPacking.ts). Undefined when the merge would write nothing. */
export function immutableRow(derive: Derive, table: SyncedTable, record: MergeRecord): StoredRow | undefined {
  const changes = recordAsChanges(table, record)
  if (changes.length === 0) return undefined
  const result = applyChanges(undefined, changes)
  return result.record ? derivedSafely(derive, table, withStamps(result.record, changes)) : undefined
}

/** withStamps for a record made from a snapshot: its earliest and latest clock. */
function clockStamps(clock: Record<string, string>): { _created: Stamp; _updated: Stamp } {
  let first = ''
  let last = ''
  for (const hlc of Object.values(clock)) {
    if (first === '' || hlc < first) first = hlc
    if (hlc > last) last = hlc
  }
  const stamp = (hlc: string): Stamp => ({ hlc, device: parseHlc(hlc).node, staffNo: '' })
  return { _created: stamp(first), _updated: stamp(last) }
}

/** Step 1: every record merged in memory against what is stored. */
async function mergeChanges(db: DeskDatabase, derive: Derive, changes: readonly Change[]): Promise<Merged[]> {
  const groups = [...groupByRecord(changes).values()]
  const idsByTable = new Map<SyncedTable, string[]>()
  for (const group of groups) {
    const { table, recordId } = group[0] as Change
    const ids = idsByTable.get(table) ?? []
    ids.push(recordId)
    idsByTable.set(table, ids)
  }
  // A complaint or customer held in a pack (packedHistory.ts, packedCustomers.ts) becomes a row before
  // anything merges into it.
  const complaintIds = idsByTable.get('complaints')
  if (complaintIds) await unpackComplaints(db, complaintIds)
  const customerIds = idsByTable.get('customers')
  if (customerIds) await unpackCustomers(db, customerIds)
  // One bulkGet and one bulkPut per table instead of a round trip per record.
  const stored = new Map<string, StoredRow | undefined>()
  for (const [table, ids] of idsByTable) {
    const rows = (await db.table(table).bulkGet(ids)) as (StoredRow | undefined)[]
    ids.forEach((id, i) => stored.set(`${table}\u0000${id}`, rows[i]))
  }
  // An event already packed with its settled complaint is what is stored (events never change): the
  // merge then writes nothing, instead of a second copy as a row. A new event of a packed complaint is
  // stored as a row beside it (timelineReads.ts reads both).
  const missingEvents = changes.filter(
    (c) => c.table === 'events' && !stored.get(`events\u0000${c.recordId}`)
  )
  const subjects = eventSubjects(missingEvents)
  if (subjects.length)
    for (const e of await packedEventsOf(db, subjects)) {
      const key = `events\u0000${e.id}`
      if (stored.has(key) && !stored.get(key)) stored.set(key, e as unknown as StoredRow)
    }

  // No await in this loop: a long run of awaits that touch no table would make Dexie lose the
  // transaction (see WriteTx.createMany).
  const merged: Merged[] = []
  for (const group of groups) {
    const { table, recordId } = group[0] as Change & { table: SyncedTable }
    const current = stored.get(`${table}\u0000${recordId}`)
    const result = applyChanges(current, group)
    // Nothing won (duplicates, older values, later writes of an event): the record stays as it is,
    // stamps included.
    const unchanged =
      !result.record || (current !== undefined && canonicalJson(current) === canonicalJson(result.record))
    const next =
      unchanged || !result.record ? undefined : derivedSafely(derive, table, withStamps(result.record, group))
    merged.push({
      table,
      recordId,
      changes: () => group,
      current,
      next,
      conflicts: result.conflicts,
      ...(result.refused ? { refused: result.refused } : {})
    })
  }
  return merged
}

/** The complaints these changes' events belong to (the field subjectId, alone or in a whole record). */
function eventSubjects(changes: readonly Change[]): string[] {
  const out = new Set<string>()
  for (const c of changes) {
    if (c.table !== 'events') continue
    const value =
      c.field === 'subjectId'
        ? c.value
        : c.field === ALL_FIELDS
          ? (c.value as Record<string, unknown> | null)?.subjectId
          : undefined
    if (typeof value === 'string') out.add(value)
  }
  return [...out]
}

/** rows per bulkPut (writeMerged): 500 customer rows took ~75–100 ms to copy on this 2-core machine (CPU
 *  profile of a full-scale join), 250 keep a keystroke's wait near 50 ms */
const PUT_PIECE = 250

/** Steps 2 and 3: records that would break a unique index held back, the rest written. */
async function writeMerged(
  db: DeskDatabase,
  derive: Derive,
  merged: readonly Merged[],
  now: number,
  /** records new here file no day-row lines: the caller has the rows rebuilt from the records once
   *  (a usable-first bootstrap's history, historyLoader.ts loadHistory) */
  deferDayRows = false
): Promise<MergeOutcome> {
  // 2. Hold back records that would break a unique index (one query per table and index).
  const heldBack: HeldRecord[] = []
  const clashes = new Map<string, string>()
  for (const table of new Set(merged.map((m) => m.table))) {
    const rows = merged.flatMap((m) => (m.table === table && m.next ? [m.next] : []))
    if (rows.length === 0) continue
    for (const [id, why] of await findUniqueClashes(db, table, rows)) clashes.set(`${table}\u0000${id}`, why)
  }

  // 3. Write the rest: one bulkPut per table, tallies summed and written once per key.
  const writes = new Map<SyncedTable, StoredRow[]>()
  const found: Conflict[] = []
  const tallies = new Map<string, number>()
  const dayRows: DayMove[] = []
  const newComplaints: string[] = []
  let applied = 0
  for (const m of merged) {
    const clash = clashes.get(`${m.table}\u0000${m.recordId}`)
    if (clash) {
      heldBack.push({ table: m.table, recordId: m.recordId, changes: m.changes(), detail: clash })
      continue
    }
    found.push(...m.conflicts)
    if (!m.next) continue
    for (const [key, delta] of tallyMoves(m.table, m.current, m.next))
      tallies.set(key, (tallies.get(key) ?? 0) + delta)
    if (!(deferDayRows && !m.current)) dayRows.push(...dayRowMoves(m.table, m.current, m.next))
    if (m.table === 'complaints' && !m.current) newComplaints.push(m.recordId)
    const rows = writes.get(m.table) ?? []
    rows.push(m.next)
    writes.set(m.table, rows)
    applied++
  }
  // In pieces: IndexedDB copies each value on the calling thread, and a piece's completion is a task of
  // its own, so a keystroke waits for one piece, not for a whole snapshot chunk (~0.5 s for 5 000 rows).
  for (const [table, rows] of writes)
    for (let at = 0; at < rows.length; at += PUT_PIECE)
      await (db.table(table) as Table<StoredRow, string>).bulkPut(rows.slice(at, at + PUT_PIECE))
  for (const [key, delta] of tallies) {
    if (delta === 0) continue
    const row = await db.tallies.get(key)
    await db.tallies.put({ key, n: (row?.n ?? 0) + delta })
  }
  await applyDayRowMoves(db, dayRows)
  await reportRefused(db, merged, now)
  await refreshMergedPauses(db, derive, writes, newComplaints)
  return { applied, conflicts: await recordConflicts(db, found, now), held: heldBack }
}

/** 4. Complaints whose clock (暂停计时) the batch changed get their `_pauses` and time keys again
 *  (complaintPauses.ts): the subject of every clock event written — a new one, or an earlier first
 *  write of the same id replacing ours — and every complaint new here whose events came first. */
async function refreshMergedPauses(
  db: DeskDatabase,
  derive: Derive,
  writes: ReadonlyMap<SyncedTable, StoredRow[]>,
  newComplaints: readonly string[]
): Promise<void> {
  const subjects = (writes.get('events') ?? []).flatMap((e) =>
    isClockEvent(e.type) && typeof e.subjectId === 'string' ? [e.subjectId] : []
  )
  const late = await complaintsWithStoredPauses(db, newComplaints)
  if (subjects.length > 0 || late.length > 0) await refreshPauses(db, derive, [...subjects, ...late])
}

/** An 操作日志 entry rewritten or removed by another PC's file is not applied (merge.ts
 *  appendOnly): kept aside for the sync page, with the refused changes, once per entry and stamp. */
async function reportRefused(db: DeskDatabase, merged: readonly Merged[], now: number): Promise<void> {
  for (const m of merged) {
    const first = m.refused?.[0]
    if (!first) continue
    await db.quarantine.put({
      id: `auditRewrite/${first.device}/${m.table}/${m.recordId}/${first.hlc}`,
      peer: first.device,
      seq: 0,
      problem: 'auditRewrite',
      code: 'auditRewrite',
      detail: `${m.table}/${m.recordId}: ${m.refused?.length ?? 0} change(s) would rewrite or remove a stored entry; not applied`,
      changes: m.refused,
      at: now
    })
  }
}

/** Stores conflicts not seen before (by id) and returns those. */
async function recordConflicts(
  db: DeskDatabase,
  conflicts: readonly Conflict[],
  now: number
): Promise<Conflict[]> {
  if (conflicts.length === 0) return []
  const byId = new Map(conflicts.map((c) => [conflictId(c), c]))
  const ids = [...byId.keys()]
  const existing = await db.conflicts.bulkGet(ids)
  const fresh: ConflictEntry[] = []
  ids.forEach((id, i) => {
    const c = byId.get(id) as Conflict
    if (!existing[i]) fresh.push({ id, ...c, table: c.table, at: now })
  })
  await db.conflicts.bulkAdd(fresh)
  return fresh.map(({ id: _id, at: _at, ...c }) => c)
}
