import Dexie, { cmp, RangeSet, type Table } from 'dexie'
import { CHUNK_ROWS, type BackupHeader } from '@shared/backup/format'
import type { DataContext } from './context'
import type { OutboxEntry } from './schema'
import type { DeskDatabase } from './database'
import { settingsChangedBehindCache } from './settingsCache'
import { releaseJoiningCustomers } from './joiningCustomers'
import { deskRightChangedBehindCache } from './deskRightCache'
import { recordOperation } from './audit'
import { readTimeRules } from './timeRules'
import { readClosedDays } from './closedDays'
import { STORE_ID_KEY } from './sync/storeAccess'
import {
  BACKUP_MEASURES,
  BACKUP_META,
  BackupRefusedError,
  checkBackup,
  DEVICE_LOCAL_TABLES,
  isDeviceLocalMeta,
  keyPathOf,
  makeBackup,
  mayRestore,
  measure,
  PENDING,
  type BackupProgress,
  type BackupStorePort,
  type CheckedBackup
} from './backup'

// 恢复备份 (docs/backup.md): a checked backup replaces this PC's data while the writer lets no other
// write start; a restore that did not end is undone from the pre-restore backup at the next start.

/** Device-local meta (backup.*: never backed up, never restored): a restore is under way, and which
 *  pre-restore backup gives the data back as it was. Set before the first row changes, removed in the
 *  same transaction as the last: while it is there the store is not whole (finishInterruptedRestore). */
export const RESTORING_META = `${BACKUP_META}restoring`

export interface RestoreMarker {
  /** the verified pre-restore backup (main's id) */
  undoFrom: string
  at: number
}

/** Rows per write transaction of a restore, and write transactions in flight at once (docs/backup.md
 *  "Restore: what it costs" — measured in bench/restore-writes.bench.ts). */
export const RESTORE_BATCH_ROWS = 10_000
export const RESTORE_IN_FLIGHT = 2

/** Tables a restore does not simply replace: merged or rewritten in its last transaction. */
const MERGED_ON_RESTORE: ReadonlySet<string> = new Set(['meta', 'auditLog', PENDING])

/**
 * Replaces this PC's data with a checked backup. The whole file is read first; then, while the writer
 * lets no other write start (the desk's, the sync's):
 *  1. one transaction checks the right again, notes the complaint counters and sets RESTORING_META;
 *  2. one transaction deletes the rows the backup does not hold (rowsNotKept);
 *  3. the records go in with IndexedDB's own puts, RESTORE_BATCH_ROWS a transaction — a verified
 *     whole-store image needs none of the writer's work (derived keys and tallies are in the file);
 *  4. one transaction writes meta, 操作日志, the pending changes and the sync cursors, and removes
 *     RESTORING_META.
 * A crash or a failure between 1 and 4 leaves RESTORING_META: the data layer then refuses to count the
 * store as whole and restores the pre-restore backup (finishInterruptedRestore) — at the next start, or
 * at once when a step fails (restoreBackup). In a store share the PC then reads the whole share again,
 * its own published changes included, so it takes in everything newer than the backup and no other PC
 * loses anything (docs/backup.md "Restore and sync").
 */
export async function restoreChecked(
  ctx: DataContext,
  staffNo: string | null,
  checked: CheckedBackup,
  opts: { undoFrom: string; onProgress?: (p: BackupProgress) => void; recovering?: boolean }
): Promise<Record<string, number>> {
  const allowed = async () => opts.recovering || (await mayRestore(ctx, staffNo))
  if (!(await allowed())) throw new BackupRefusedError('notManager')
  const db = ctx.db
  const { header } = checked
  const restorable = db.tables.filter((t) => !DEVICE_LOCAL_TABLES.has(t.name))
  const restorableNames = new Set(restorable.map((t) => t.name))
  const total = Object.values(header.counts).reduce((a, b) => a + b, 0)
  const me = ctx.writer.deviceId
  const counts: Record<string, number> = {}
  // Read (and parse) the whole file before writing: awaiting anything but IndexedDB inside a
  // transaction would let it commit early.
  let t0 = performance.now()
  const rowsOf = new Map<string, Record<string, unknown>[][]>()
  for await (const { t, r } of checked.chunks()) {
    counts[t] = (counts[t] ?? 0) + r.length
    rowsOf.set(t, [...(rowsOf.get(t) ?? []), r])
  }
  for (const [t, chunks] of rowsOf) {
    const table = db.tables.find((x) => x.name === t)
    if (table) rowsOf.set(t, inKeyOrder(chunks, keyPathOf(table)))
  }
  measure('desk:restore-read', t0)
  // progress: reading is the first tenth, the records the rest
  let done = 0
  const progress = (rows: number) => {
    done += rows
    opts.onProgress?.({ done: Math.round(total / 10 + (done * 9) / 10), total })
  }
  opts.onProgress?.({ done: Math.round(total / 10), total })

  await ctx.writer.exclusive(async () => {
    t0 = performance.now()
    const { storeId, counters } = await db.transaction('rw', db.tables, async () => {
      if (!(await allowed())) throw new BackupRefusedError('notManager')
      const marker: RestoreMarker = { undoFrom: opts.undoFrom, at: ctx.now() }
      await db.meta.put({ key: RESTORING_META, value: marker })
      const counters = new Map<string, number>()
      for (const row of await db.meta.where('key').startsWith('seq:').toArray())
        if (typeof row.value === 'number') counters.set(row.key, row.value)
      return { storeId: (await db.meta.get(STORE_ID_KEY))?.value as string | undefined, counters }
    })
    // Not a clear: clearing a large table costs IndexedDB about as much as writing it again (§8). Only
    // what the backup does not hold goes; the rest is overwritten by step 3.
    await db.transaction('rw', restorable, async () => {
      for (const table of restorable) {
        // 操作日志 is append-only: a restore adds the backup's entries it lacks and removes none
        if (table.name === 'auditLog') continue
        const gone = await rowsNotKept(table, rowsOf.get(table.name) ?? [])
        await table.bulkDelete(
          table.name === 'meta' ? gone.filter((k) => !isDeviceLocalMeta(k as string)) : gone
        )
      }
    })
    measure('desk:restore-clear', t0)

    // The biggest tables first: the others are small.
    const plain = [...rowsOf.keys()]
      .filter((t) => restorableNames.has(t) && !MERGED_ON_RESTORE.has(t))
      .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0))
    for (const t of plain) {
      const c0 = performance.now()
      const written = await putRows(db, t, rowsOf.get(t) ?? [], progress)
      globalThis.performance?.measure?.(`desk:restore-put:${t}`, {
        start: c0,
        end: performance.now(),
        detail: { rows: counts[t] ?? 0, written }
      })
    }

    t0 = performance.now()
    const stamps = new Map<string, string>()
    await db.transaction('rw', db.tables, async () => {
      for (const r of rowsOf.get('meta') ?? []) {
        const rows = (r as { key: string; value: unknown }[]).filter((m) => !isDeviceLocalMeta(m.key))
        await db.meta.bulkPut(
          rows.map((m) =>
            m.key.startsWith('seq:') && typeof m.value === 'number'
              ? { key: m.key, value: Math.max(m.value, counters.get(m.key) ?? 0) }
              : m
          )
        )
        progress(r.length)
      }
      // Counters only this PC had stay.
      for (const [key, value] of counters) if (!(await db.meta.get(key))) await db.meta.put({ key, value })
      for (const r of rowsOf.get('auditLog') ?? []) {
        const rows = r as { id: string }[]
        const have = await db.auditLog.bulkGet(rows.map((e) => e.id))
        await db.auditLog.bulkAdd(rows.filter((_, i) => have[i] === undefined) as never[])
        progress(r.length)
      }
      const named = new Map<string, Set<string>>()
      for (const r of rowsOf.get(PENDING) ?? []) {
        const entries = (r as unknown as OutboxEntry[]).map((e) => {
          const entry = restampEntry(e, me, stamps)
          if (entry !== e) named.set(e.table, (named.get(e.table) ?? new Set()).add(e.recordId))
          return entry
        })
        await db.outbox.bulkAdd(entries.map(({ seq: _seq, ...e }) => e))
        progress(r.length)
      }
      // Record clocks of the pending changes, re-stamped with this device as their outbox entries were.
      if (stamps.size > 0) await restampRecords(ctx, stamps, named)
      // In a store share: read every chain again from the start, this PC's own published one included.
      if (storeId !== undefined) {
        await db.syncPeers.clear()
        await db.syncPeers.put({ device: me, upTo: 0, gaps: [] })
      }
      // The store is whole again.
      await db.meta.delete(RESTORING_META)
    })
    measure('desk:restore-tail', t0)
  })
  // The records went in behind Dexie's back: the settings held in memory and every live query read again.
  settingsChangedBehindCache(db)
  // and customers a join held (not stored yet) are not this store's any more
  releaseJoiningCustomers(db)
  deskRightChangedBehindCache(db)
  signalEverythingChanged(db)
  ctx.timeRules = readTimeRules(await db.settings.get('timeRules'))
  ctx.closedDays = readClosedDays(await db.settings.get('closedDays'))
  return counts
}

/**
 * The primary keys of `table` a restore of `chunks` must delete before putting them: rows the backup does
 * not hold, and rows whose value of a unique index (a 工号, a complaint number) differs from the backup's
 * row of the same key — else a put of another row with that value would be refused. Read from the keys
 * alone (no record is read).
 */
async function rowsNotKept(table: Table, chunks: readonly Record<string, unknown>[][]): Promise<unknown[]> {
  const keyPath = keyPathOf(table)
  const backup = new Map<string, Record<string, unknown>>()
  for (const rows of chunks) for (const row of rows) backup.set(JSON.stringify(row[keyPath]), row)
  const gone = new Set<unknown>()
  for (const key of await table.toCollection().primaryKeys())
    if (!backup.has(JSON.stringify(key))) gone.add(key)
  for (const index of table.schema.indexes) {
    if (!index.unique || typeof index.keyPath !== 'string') continue
    const values = await table.orderBy(index.name).keys()
    const keys = await table.orderBy(index.name).primaryKeys()
    keys.forEach((key, i) => {
      const row = backup.get(JSON.stringify(key))
      if (row && JSON.stringify(row[index.keyPath as string]) !== JSON.stringify(values[i])) gone.add(key)
    })
  }
  return [...gone]
}

/** A table's rows in key order (a stable sort: of two rows with one key, the later in the file stays
 *  later, and is the one stored). A backup lists each table by key, but the complaints and events a PC
 *  held in packs come first, in the packs' order (backup.ts): putRows reads each batch's key range,
 *  which must stay narrow. Rows already in order are left as they are. */
function inKeyOrder(chunks: Record<string, unknown>[][], keyPath: string): Record<string, unknown>[][] {
  let last: unknown
  let ordered = true
  for (const rows of chunks)
    for (const row of rows) {
      const key = row[keyPath]
      if (last !== undefined && cmp(last, key) > 0) ordered = false
      last = key
    }
  if (ordered) return chunks
  const all = chunks.flat().sort((a, b) => cmp(a[keyPath], b[keyPath]))
  const out: Record<string, unknown>[][] = []
  for (let at = 0; at < all.length; at += CHUNK_ROWS) out.push(all.slice(at, at + CHUNK_ROWS))
  return out
}

/** Puts `chunks` of rows into the table `name` (rows it should not keep already deleted) with IndexedDB's own puts: RESTORE_BATCH_ROWS a
 *  transaction, RESTORE_IN_FLIGHT of them at once (the page serialises the next while the database
 *  writes the last), relaxed durability (the last transaction of the restore is the one that counts). */
async function putRows(
  db: DeskDatabase,
  name: string,
  chunks: readonly Record<string, unknown>[][],
  progress: (rows: number) => void
): Promise<number> {
  const idb = db.backendDB()
  const keyPath = keyPathOf(db.table(name))
  const inFlight: Promise<void>[] = []
  let written = 0
  const send = (rows: readonly Record<string, unknown>[]) => {
    const tx = idb.transaction(name, 'readwrite', { durability: 'relaxed' })
    const store = tx.objectStore(name)
    let failure: unknown
    // The rows stored in this batch's key range, read first in the same transaction: a row stored
    // exactly as in the backup is left alone (restoring a recent backup, or undoing a restore, changes
    // few records; IndexedDB's put is the restore's cost).
    let low = rows[0]?.[keyPath] as IDBValidKey
    let high = low
    for (const row of rows) {
      const key = row[keyPath] as IDBValidKey
      if (cmp(key, low) < 0) low = key
      if (cmp(key, high) > 0) high = key
    }
    const reading = store.getAll(IDBKeyRange.bound(low, high))
    reading.onsuccess = () => {
      try {
        const stored = new Map<string, string>()
        for (const row of reading.result as Record<string, unknown>[])
          stored.set(JSON.stringify(row[keyPath]), JSON.stringify(row))
        for (const row of rows) {
          const held = stored.get(JSON.stringify(row[keyPath]))
          if (held !== undefined && held === JSON.stringify(row)) continue
          store.put(row)
          written++
        }
      } catch (e) {
        failure = e
        tx.abort()
      }
    }
    inFlight.push(
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => (progress(rows.length), resolve())
        tx.onabort = () => reject(failure ?? tx.error ?? new Error(`restore of ${name} aborted`))
      })
    )
  }
  let batch: Record<string, unknown>[] = []
  for (const chunk of chunks) {
    batch = batch.length === 0 ? chunk : batch.concat(chunk)
    if (batch.length < RESTORE_BATCH_ROWS) continue
    send(batch)
    batch = []
    if (inFlight.length >= RESTORE_IN_FLIGHT) await inFlight.shift()
  }
  if (batch.length > 0) send(batch)
  await Promise.all(inFlight)
  return written
}

/** Tells every live query of this window that every table changed (the restore's records were put
 *  with IndexedDB's own calls, which Dexie does not see): Dexie's own signal for changes made by
 *  another connection, which also drops its cached query results. */
function signalEverythingChanged(db: Dexie): void {
  if (typeof globalThis.dispatchEvent !== 'function' || typeof CustomEvent !== 'function') return
  const everything: Record<string, RangeSet> = {}
  for (const table of db.tables) {
    const base = `idb://${db.name}/${table.name}/`
    for (const idx of table.schema.indexes) everything[`${base}${idx.name}`] = new RangeSet(-Infinity, [[[]]])
    everything[base] = new RangeSet(-Infinity, [[[]]])
    everything[`${base}:dels`] = new RangeSet(-Infinity, [[[]]])
  }
  globalThis.dispatchEvent(new CustomEvent('x-storagemutated-1', { detail: everything }))
}

/**
 * A restore that did not end (the app closed, the PC lost power, a step failed) left RESTORING_META: the
 * store is then not whole, and is given back as it was before that restore, from its verified
 * pre-restore backup. Without main's backup files at hand the data layer refuses to open
 * ('restoreInterrupted') rather than show a half-restored store. True when it restored.
 */
export async function finishInterruptedRestore(
  ctx: DataContext,
  port: BackupStorePort | undefined
): Promise<boolean> {
  const marker = (await ctx.db.meta.get(RESTORING_META))?.value as RestoreMarker | undefined
  if (!marker) return false
  if (!port) throw new BackupRefusedError('restoreInterrupted', marker.undoFrom)
  const checked = await checkBackup(ctx, await port.read(marker.undoFrom))
  await restoreChecked(ctx, null, checked, { undoFrom: marker.undoFrom, recovering: true })
  return true
}

/** Changes written on another PC (or under a former id) are published under this device's id, at
 *  the same time and counter: the chain of a PC carries only its own stamps (renewDevice.ts). */
function restampEntry(entry: OutboxEntry, me: string, stamps: Map<string, string>): OutboxEntry {
  if (entry.device === me) return entry
  const hlc = entry.hlc.endsWith(`-${entry.device}`)
    ? `${entry.hlc.slice(0, entry.hlc.length - entry.device.length)}${me}`
    : entry.hlc
  stamps.set(entry.hlc, hlc)
  return { ...entry, hlc, device: me }
}

async function restampRecords(
  ctx: DataContext,
  stamps: ReadonlyMap<string, string>,
  named: ReadonlyMap<string, ReadonlySet<string>>
): Promise<void> {
  // Only the records the pending changes name can carry their stamps (each change is one field, or all
  // fields, of one record): they are read by key — not every record of every table, which on a
  // replacement PC's restore of a store's backup read all of them for a few pending changes.
  for (const [name, ids] of named) {
    const table = ctx.db.table(name)
    const rows = (await table.bulkGet([...ids])) as (Record<string, unknown> | undefined)[]
    const changed: Record<string, unknown>[] = []
    for (const row of rows) {
      const clock = row?._clock as Record<string, string> | undefined
      if (!row || !clock || !Object.values(clock).some((h) => stamps.has(h))) continue
      changed.push({
        ...row,
        _clock: Object.fromEntries(Object.entries(clock).map(([f, h]) => [f, stamps.get(h) ?? h]))
      })
    }
    if (changed.length > 0) await table.bulkPut(changed)
  }
}

export interface RestoreOutcome {
  /** the backup of the data as it was just before, which 撤销恢复 restores */
  preRestoreId: string
  counts: Record<string, number>
  header: BackupHeader
}

/**
 * 恢复备份: checks the manager's right and the whole backup first (a refusal changes nothing), backs
 * up the current data (verified, or nothing is restored), then restores. 撤销恢复 is this same call
 * with the returned preRestoreId.
 */
export async function restoreBackup(
  ctx: DataContext,
  port: BackupStorePort,
  staffNo: string | null,
  source: { id: string } | { bytes: Uint8Array },
  opts: { passphrase?: string; onProgress?: (p: BackupProgress) => void } = {}
): Promise<RestoreOutcome> {
  if (!(await mayRestore(ctx, staffNo))) throw new BackupRefusedError('notManager')
  // One bar for the whole run: checking the file 0–10 %, the pre-restore backup 10–40 %, the restore
  // itself 40–100 %.
  const span = (from: number, to: number) => (p: BackupProgress) =>
    opts.onProgress?.({
      done: Math.round(from + (p.total ? (p.done / p.total) * (to - from) : 0)),
      total: 100
    })
  const bytes = 'bytes' in source ? source.bytes : await port.read(source.id)
  const checked = await checkBackup(ctx, bytes, opts)
  span(0, 10)({ done: 1, total: 1 })
  const before = await makeBackup(ctx, port, 'preRestore', { onProgress: span(10, 40) })
  if (!before.verified) throw new BackupRefusedError('preRestoreFailed')
  const start = performance.now()
  let counts: Record<string, number>
  try {
    counts = await restoreChecked(ctx, staffNo, checked, { undoFrom: before.id, onProgress: span(40, 100) })
  } catch (e) {
    // A step failed after the first change: the data goes back as it was, from the pre-restore backup
    // (if that fails too, the next start does it: the data layer never opens a half-restored store).
    if (!(await ctx.db.meta.get(RESTORING_META))) throw e
    await finishInterruptedRestore(ctx, port)
    throw new BackupRefusedError('restoreFailed', (e as Error).message)
  }
  measure(BACKUP_MEASURES.restore, start)
  if (staffNo)
    await recordOperation(ctx, staffNo, 'backupRestored', {
      backupAt: checked.header.createdAt,
      rows: Object.values(counts).reduce((a, b) => a + b, 0)
    })
  return { preRestoreId: before.id, counts, header: checked.header }
}
