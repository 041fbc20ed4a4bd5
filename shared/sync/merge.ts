import { DELETED_FIELD, fieldChanges, isSyncableField, type Change, type SyncTable } from './change'
import { parseHlc } from './hlc'
import { canonicalJson } from './json'
import { isLongText } from './longText'

// Pure per-field last-writer-wins merge. A record's `_clock` maps each field to the HLC of the value
// it holds; a change replaces a field only with a greater HLC. HLC text order is time order, and the
// device id inside every stamp makes stamps of two PCs differ, so every PC picks the same winner
// whatever order or grouping changes arrive in, and a change applied twice changes nothing.
//
// Deletes are tombstones: `_deleted` is a field like any other (value 1 = deleted) with its own clock.
// Edits keep landing on a deleted record's fields (so a later undelete would show the newest values)
// but never clear the tombstone: only a `_deleted` change with a greater HLC could.
//
// Events (IMMUTABLE_TABLES) are never edited: a record is kept exactly as its first write (the
// smallest HLC that created it); later writes of the same id are duplicates and are ignored.

export const IMMUTABLE_SYNC_TABLES: ReadonlySet<SyncTable> = new Set(['events', 'auditLog'])

/** Append-only records (操作日志, issue 17): the first copy that arrives is kept for good. A later
 *  write of a stored entry that says something else — other content, an earlier "first write", a
 *  delete — is not applied but returned as `refused`, so the engine can report it: nobody edits or
 *  removes an entry, not even through the share. */
export const APPEND_ONLY_SYNC_TABLES: ReadonlySet<SyncTable> = new Set(['auditLog'])

export interface MergeRecord {
  id: string
  /** field → HLC of the value the field holds (the tombstone too, as `_deleted`) */
  _clock: Record<string, string>
  _deleted?: 1
  [field: string]: unknown
}

/** A long text that lost to another PC's concurrent text: shown for review, never silently dropped. */
export interface Conflict {
  table: SyncTable
  recordId: string
  field: string
  losingValue: unknown
  losingHlc: string
  winningHlc: string
}

export interface MergeResult {
  /** undefined only when there was no record and no change */
  record: MergeRecord | undefined
  conflicts: Conflict[]
  /** append-only tables: changes that would have rewritten or removed a stored entry */
  refused?: Change[]
}

function valueOf(record: MergeRecord, field: string): unknown {
  return field === DELETED_FIELD ? record._deleted : record[field]
}

function setValue(record: MergeRecord, field: string, value: unknown, hlc: string): void {
  record._clock[field] = hlc
  if (field !== DELETED_FIELD) record[field] = value
  else if (value === 1) record._deleted = 1
  else delete record._deleted
}

/** Equal stamps mean the same write (the device is in the stamp). Should a broken writer ever send two
 *  values under one stamp, the larger canonical JSON wins, so PCs still agree. */
function incomingWinsTie(incoming: unknown, current: unknown): boolean {
  return canonicalJson(incoming) > canonicalJson(current)
}

function isEmptyText(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function deviceOf(hlc: string): string {
  return parseHlc(hlc).node
}

/** Applies `changes` (all for one record: same table and recordId) to `record`, which is not modified. */
export function applyChanges(record: MergeRecord | undefined, changes: readonly Change[]): MergeResult {
  const first = changes[0]
  if (!first) return { record, conflicts: [] }
  const { table, recordId } = first
  if (changes.some((c) => c.table !== table || c.recordId !== recordId))
    throw new Error('applyChanges: changes of more than one record')
  if (record && record.id !== recordId)
    throw new Error(`applyChanges: record ${record.id} given changes of ${recordId}`)
  const next: MergeRecord = record
    ? { ...record, _clock: { ...record._clock } }
    : { id: recordId, _clock: {} }
  const perField = changes.flatMap(fieldChanges).filter((c) => isSyncableField(c.field))
  if (APPEND_ONLY_SYNC_TABLES.has(table)) return appendOnly(record, next, perField)
  if (IMMUTABLE_SYNC_TABLES.has(table)) return { record: applyFirstWrite(next, perField), conflicts: [] }

  const conflicts: Conflict[] = []
  for (const change of perField) {
    const { field, hlc, value } = change
    const currentHlc = next._clock[field]
    const current = valueOf(next, field)
    if (
      currentHlc === undefined ||
      hlc > currentHlc ||
      (hlc === currentHlc && incomingWinsTie(value, current))
    ) {
      if (currentHlc !== undefined && hlc !== currentHlc)
        reportIfLost(conflicts, table, recordId, field, { value: current, hlc: currentHlc }, { value, hlc })
      setValue(next, field, value, hlc)
    } else if (hlc < currentHlc) {
      reportIfLost(conflicts, table, recordId, field, { value, hlc }, { value: current, hlc: currentHlc })
    }
  }
  return { record: next, conflicts }
}

/** Rule for long texts: two different PCs wrote different, non-empty texts → keep the loser visible. */
function reportIfLost(
  conflicts: Conflict[],
  table: SyncTable,
  recordId: string,
  field: string,
  loser: { value: unknown; hlc: string },
  winner: { value: unknown; hlc: string }
): void {
  if (!isLongText(table, field) || isEmptyText(loser.value)) return
  if (deviceOf(loser.hlc) === deviceOf(winner.hlc)) return
  if (canonicalJson(loser.value) === canonicalJson(winner.value)) return
  conflicts.push({
    table,
    recordId,
    field,
    losingValue: loser.value,
    losingHlc: loser.hlc,
    winningHlc: winner.hlc
  })
}

/** An append-only record: new → its first write; stored → unchanged, and every change that would
 *  alter it (another value, a delete) refused. The same copy arriving again is a duplicate. */
function appendOnly(
  stored: MergeRecord | undefined,
  next: MergeRecord,
  changes: readonly Change[]
): MergeResult {
  const held = stored && Object.keys(stored._clock).some((f) => f !== DELETED_FIELD)
  if (!held) {
    const record = applyFirstWrite(
      next,
      changes.filter((c) => c.field !== DELETED_FIELD)
    )
    const refused = changes.filter(
      (c) => c.field === DELETED_FIELD || canonicalJson(c.value) !== canonicalJson(record[c.field])
    )
    return refused.length > 0 ? { record, conflicts: [], refused } : { record, conflicts: [] }
  }
  const refused = changes.filter(
    (c) =>
      c.field === DELETED_FIELD ||
      stored._clock[c.field] !== c.hlc ||
      canonicalJson(c.value) !== canonicalJson(stored[c.field])
  )
  return refused.length > 0 ? { record: stored, conflicts: [], refused } : { record: stored, conflicts: [] }
}

/** Immutable records: the write with the smallest HLC is the record; all its fields, nothing else. */
function applyFirstWrite(record: MergeRecord, changes: readonly Change[]): MergeRecord {
  let next = record
  let created = Object.values(next._clock).sort()[0]
  for (const change of changes) {
    if (change.field === DELETED_FIELD) continue
    if (created === undefined || change.hlc < created) {
      // An earlier creation of the same id: it is the first write, so it replaces what we held.
      if (created !== undefined) next = withoutSyncedFields(next)
      created = change.hlc
      setValue(next, change.field, change.value, change.hlc)
    } else if (change.hlc === created) {
      const held = next._clock[change.field]
      if (held === undefined || incomingWinsTie(change.value, next[change.field]))
        setValue(next, change.field, change.value, change.hlc)
    }
  }
  return next
}

function withoutSyncedFields(record: MergeRecord): MergeRecord {
  const copy: MergeRecord = { ...record, _clock: {} }
  for (const field of Object.keys(record._clock)) if (field !== DELETED_FIELD) delete copy[field]
  delete copy._deleted
  return copy
}

/** Groups changes by record, in first-seen order, for applyChanges. Key: `${table}\u0000${recordId}`. */
export function groupByRecord(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>()
  for (const change of changes) {
    const key = `${change.table}\u0000${change.recordId}`
    const group = groups.get(key)
    if (group) group.push(change)
    else groups.set(key, [change])
  }
  return groups
}

/** A record's state as changes (one per clocked field), so a record from a snapshot merges with the
 *  very same rule as changes from segments. */
export function recordAsChanges(table: SyncTable, record: MergeRecord): Change[] {
  return Object.entries(record._clock)
    .filter(([field]) => isSyncableField(field))
    .map(([field, hlc]) => {
      const value = field === DELETED_FIELD ? (record._deleted ?? null) : record[field]
      return {
        hlc,
        device: parseHlc(hlc).node,
        staffNo: '',
        table,
        recordId: record.id,
        field,
        value: (value ?? null) as Change['value']
      }
    })
}

/**
 * What `applyChanges(undefined, recordAsChanges(table, record))` gives, without building one change
 * per field: for a snapshot record this PC does not hold (every record, on a new PC). Undefined for
 * immutable tables (their first-write rule takes the general path) and for a record with no clocked
 * field (which the general path would not write either).
 */
export function freshRecord(table: SyncTable, record: MergeRecord): MergeRecord | undefined {
  if (IMMUTABLE_SYNC_TABLES.has(table)) return undefined
  const next: MergeRecord = { id: record.id, _clock: {} }
  let clocked = false
  for (const [field, hlc] of Object.entries(record._clock)) {
    if (!isSyncableField(field)) continue
    clocked = true
    next._clock[field] = hlc
    if (field !== DELETED_FIELD) next[field] = record[field] ?? null
    else if (record._deleted === 1) next._deleted = 1
  }
  return clocked ? next : undefined
}

/** Merges a whole record (from a snapshot) into the record held here. */
export function mergeRecord(
  table: SyncTable,
  current: MergeRecord | undefined,
  incoming: MergeRecord
): MergeResult {
  const changes = recordAsChanges(table, incoming)
  if (changes.length === 0) return { record: current ?? { ...incoming, _clock: {} }, conflicts: [] }
  return applyChanges(current, changes)
}
