import Dexie, { cmp, RangeSet, type Table } from 'dexie'
import {
  BackupWriter,
  CHUNK_ROWS,
  openBackup,
  readBackupHeader,
  type BackupChunk,
  type BackupHeader,
  type BackupRefusal
} from '@shared/backup/format'
import { deriveStoreKey } from '@shared/sync/crypto'
import { fromBase64 } from '@shared/sync/bytes'
import type { EncryptionParams } from '@shared/sync/sealed'
import type { StoreKey } from '@shared/sync/crypto'
import type { DataContext } from './context'
import type { MetaEntry, OutboxEntry } from './schema'
import type { DeskDatabase } from './database'
import { getStaffByNo } from './staff'
import { settingsChangedBehindCache } from './settingsCache'
import { releaseJoiningCustomers } from './joiningCustomers'
import { deskRightChangedBehindCache } from './deskRightCache'
import { recordOperation } from './audit'
import { getSessionStaffNo } from './prefs'
import { readTimeRules } from './timeRules'
import { readClosedDays } from './closedDays'
import { STORE_ID_KEY } from './sync/storeAccess'
import { loadStoreKey, rememberedEncryption, type KeyVault } from './sync/storeKey'
import { EXPORT_STATE_KEY, type ExportState } from './sync/exportOutbox'
import { breathe } from './breathe'

// 数据备份 (issue 17 point 4; docs/backup.md): the data layer exports every table it owns into one
// backup file (shared/backup/format.ts) a chunk at a time, and restores one in a single transaction
// after checking all of it. Main stores, lists and prunes the files (electron/services/backup).
//
// What a backup holds and what a restore changes:
//  - every synced table, as stored (field clocks, tombstones and derived index keys included);
//  - the derived local tables (tallies, day rows) and the meta rows that go with them, so a restored
//    PC reads exactly what the backed-up one read, without rebuilding;
//  - drafts (work typed and not yet saved) and conflicts kept for review;
//  - the changes the PC had not yet published to the share ("pendingChanges"), so a replacement PC
//    publishes what its predecessor never could.
// Device-local, never in a backup and never changed by a restore: the device id, the HLC, everything
// about sync (store id and encryption, export chain, peer cursors, quarantine, the outbox itself, the
// last sync), who is at the desk, the language, PIN lockout counters, the backup bookkeeping.
// Complaint number counters (seq:*) take the larger of this PC's and the backup's, so a number is
// never given twice.

/** Tables never written into a backup: this PC's own sync bookkeeping. */
const DEVICE_LOCAL_TABLES: ReadonlySet<string> = new Set(['outbox', 'quarantine', 'syncPeers'])
/** The backup's name for the unpublished outbox entries it carries. */
const PENDING = 'pendingChanges'
const META_DEVICE_LOCAL_PREFIXES = ['device.', 'sync.', 'session.', 'pref.', 'pinLock.', 'backup.'] as const
/** meta keys of the backup bookkeeping (device-local, above); built, as they are not i18n keys */
const BACKUP_META = META_DEVICE_LOCAL_PREFIXES[5]

/** performance.measure names (the benchmark reads them; bench/backup.bench.ts) */
export const BACKUP_MEASURES = {
  build: 'desk:backup-build',
  store: 'desk:backup-store',
  verify: 'desk:backup-verify',
  restore: 'desk:backup-restore'
} as const

function measure(name: string, start: number): void {
  globalThis.performance?.measure?.(name, { start, end: performance.now() })
}

/** Whether a meta row belongs to this PC alone (never backed up, never restored). */
export function isDeviceLocalMeta(key: string): boolean {
  return key === 'hlc' || META_DEVICE_LOCAL_PREFIXES.some((p) => key.startsWith(p))
}

/** Why a backup was made (the file list says so). */
export type { BackupReason } from '@shared/backup/generations'

/** A refusal of the data layer: `refusal` is a backup.refused.* code. Nothing was changed. */
export class BackupRefusedError extends Error {
  constructor(
    readonly refusal:
      | BackupRefusal
      | 'notManager'
      | 'needsPassphraseToBackup'
      | 'preRestoreFailed'
      | 'restoreInterrupted'
      | 'restoreFailed',
    readonly detail = ''
  ) {
    super(refusal)
  }
}

export interface BackupProgress {
  /** rows done so far */
  done: number
  total: number
}

export interface BuiltBackup {
  bytes: Uint8Array
  header: BackupHeader
}

function keyPathOf(table: Table): string {
  return table.schema.primKey.keyPath as string
}

/**
 * Writes every table into one backup file, CHUNK_ROWS rows per read (each read its own short
 * transaction, so the desk keeps working while it runs). An encrypted store is backed up encrypted
 * with its store key; when that key is not at hand (passphrase not typed since the start, no OS key
 * store) nothing is written: 'needsPassphraseToBackup'.
 */
export async function buildBackup(
  ctx: DataContext,
  opts: { onProgress?: (p: BackupProgress) => void } = {}
): Promise<BuiltBackup> {
  const encryption = await backupEncryption(ctx.db, ctx.keyVault)
  return writeBackupOf(ctx.db, { deviceId: ctx.writer.deviceId, createdAt: ctx.now(), encryption }, opts)
}

/** The store key a backup of `db` is sealed with (undefined: a store without a passphrase). Throws
 *  'needsPassphraseToBackup' when the store is encrypted and its key is not at hand. */
async function backupEncryption(db: DeskDatabase, vault: KeyVault): Promise<EncryptionParams | undefined> {
  const encrypted = await rememberedEncryption(db)
  const encryption = encrypted ? await loadStoreKey(db, vault) : undefined
  if (encrypted && !encryption) throw new BackupRefusedError('needsPassphraseToBackup')
  return encryption
}

/**
 * Writes every table of `db` into one backup file. `db` is the open data layer's database, or (before a
 * data-format upgrade) the old database opened as it is on disk, whatever its version: only its tables,
 * `meta` and `outbox` are read, and the header says the version it was written under.
 */
async function writeBackupOf(
  db: Dexie,
  meta: { deviceId: string; createdAt: number; encryption: EncryptionParams | undefined },
  opts: { onProgress?: (p: BackupProgress) => void }
): Promise<BuiltBackup> {
  const tables = db.tables.filter((t) => !DEVICE_LOCAL_TABLES.has(t.name))
  const totals = await Promise.all(tables.map((t) => t.count()))
  const total = totals.reduce((a, b) => a + b, 0)
  const writer = new BackupWriter()
  let done = 0
  for (const table of tables) {
    writer.declare(table.name)
    const keyPath = keyPathOf(table)
    const read = (after: unknown): Promise<Record<string, unknown>[]> => {
      const page =
        after === undefined
          ? table.orderBy(':id').limit(CHUNK_ROWS).toArray()
          : table.where(':id').above(after).limit(CHUNK_ROWS).toArray()
      // awaited in the next turn; a failure while this page is written out is not "unhandled"
      page.catch(() => undefined)
      return page
    }
    // The next page is read (by IndexedDB, on another core) while this one is written out.
    let next: Promise<Record<string, unknown>[]> | null = read(undefined)
    while (next) {
      const page: Record<string, unknown>[] = await next
      if (page.length === 0) break
      next = page.length < CHUNK_ROWS ? null : read(page[page.length - 1]?.[keyPath])
      const rows = table.name === 'meta' ? page.filter((r) => !isDeviceLocalMeta(r.key as string)) : page
      await writer.add(table.name, rows)
      done += page.length
      opts.onProgress?.({ done, total })
      await breathe()
    }
  }
  // Changes not yet on the share: a replacement PC publishes them.
  const metaTable = db.table<MetaEntry, string>('meta')
  const state = ((await metaTable.get(EXPORT_STATE_KEY))?.value as ExportState | undefined) ?? {
    outboxSeq: 0
  }
  writer.declare(PENDING)
  const pending = (await db
    .table<OutboxEntry, number>('outbox')
    .where('seq')
    .above(state.outboxSeq)
    .toArray()) as OutboxEntry[]
  await writer.add(
    PENDING,
    pending.map(({ seq: _seq, ...entry }) => entry)
  )

  return writer.finish(
    {
      createdAt: meta.createdAt,
      storeId: ((await metaTable.get(STORE_ID_KEY))?.value as string | undefined) ?? null,
      deviceId: meta.deviceId,
      schemaVersion: db.verno
    },
    meta.encryption
  )
}

/** The key a backup was sealed with: this PC's store key when it fits, else one derived from
 *  `passphrase` with the backup's own salt and iteration count. */
async function keyFor(
  ctx: DataContext,
  header: BackupHeader,
  passphrase: string | undefined
): Promise<StoreKey | undefined> {
  if (header.encryption.alg === 'none') return undefined
  const held: EncryptionParams | undefined = await loadStoreKey(ctx.db, ctx.keyVault).catch(() => undefined)
  if (held && held.keyCheck === header.encryption.keyCheck) return held.key
  if (!passphrase) return undefined
  const salt = fromBase64(header.encryption.salt)
  if (!salt) return undefined
  return deriveStoreKey(passphrase, salt, header.encryption.iterations)
}

export interface CheckedBackup {
  header: BackupHeader
  chunks: () => AsyncGenerator<BackupChunk>
}

/**
 * Reads and checks a whole backup against this PC without changing anything: the file (checksum,
 * decryption, every line, row counts), its format and schema version, its store. Throws
 * BackupRefusedError with the reason.
 */
export async function checkBackup(
  ctx: DataContext,
  bytes: Uint8Array,
  opts: { passphrase?: string } = {}
): Promise<CheckedBackup> {
  const head = readBackupHeader(bytes)
  if (!head.ok) throw new BackupRefusedError(head.refusal, head.detail)
  const header = head.header
  if (header.schemaVersion > ctx.db.verno)
    throw new BackupRefusedError('newerVersion', `schema ${header.schemaVersion} > ${ctx.db.verno}`)
  await refuseOtherStore(ctx, header)
  const opened = await openBackup(bytes, await keyFor(ctx, header, opts.passphrase))
  if (!opened.ok) throw new BackupRefusedError(opened.refusal, opened.detail)
  return { header: opened.header, chunks: opened.chunks }
}

/** A PC in a store share takes only that store's backups, or its own from before it joined. */
async function refuseOtherStore(ctx: DataContext, header: BackupHeader): Promise<void> {
  const storeId = (await ctx.db.meta.get(STORE_ID_KEY))?.value as string | undefined
  if (storeId === undefined) return
  if (header.storeId === storeId) return
  if (header.storeId === null && header.deviceId === ctx.writer.deviceId) return
  throw new BackupRefusedError('otherStore', `backup of ${header.storeId ?? 'no store'}, this PC ${storeId}`)
}

/** Only a 客服经理 restores; a PC with no staff yet (first run, 从备份恢复) has nobody to ask. */
export async function mayRestore(ctx: DataContext, staffNo: string | null): Promise<boolean> {
  if ((await ctx.db.staff.count()) === 0) return true
  if (!staffNo) return false
  const who = await getStaffByNo(ctx, staffNo)
  return !!who && who.active && who.role === 'manager'
}

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

/** Where backup files live: main's data folder (and second folder), through IPC in the app
 *  (renderer/src/ipc/ipcBackupStore.ts), a map in tests. The renderer never names a path. */
export interface BackupStorePort {
  /** stores a new backup file; main decides its name and folders */
  write(bytes: Uint8Array, info: BackupFileInfo): Promise<{ id: string }>
  /** the file as read back from the data folder */
  read(id: string): Promise<Uint8Array>
  /** records the outcome of the read-back check (the list shows ✓ / ✗) */
  setVerified(id: string, verified: boolean): Promise<void>
}

export interface BackupFileInfo {
  reason: import('@shared/backup/generations').BackupReason
  createdAt: number
  counts: Record<string, number>
  encrypted: boolean
}

export interface MadeBackup {
  id: string
  verified: boolean
  header: BackupHeader
}

/**
 * Builds a backup, has main store it, reads it back and checks it whole (checksum, decryption, every
 * line, row counts the same as written) — the list shows the outcome.
 */
export async function makeBackup(
  ctx: DataContext,
  port: BackupStorePort,
  reason: BackupFileInfo['reason'],
  opts: { onProgress?: (p: BackupProgress) => void } = {}
): Promise<MadeBackup> {
  const start = performance.now()
  const built = await buildBackup(ctx, opts)
  measure(BACKUP_MEASURES.build, start)
  const key =
    built.header.encryption.alg === 'none' ? undefined : (await loadStoreKey(ctx.db, ctx.keyVault))?.key
  const made = await storeAndVerify(port, built, reason, key)
  const { header, verified } = made
  // 操作日志: who was at the desk (an automatic backup too), why, what it holds and whether it checked.
  // With nobody at the desk (a backup at start or quit) main's backup list is the record.
  const at = await getSessionStaffNo(ctx)
  if (at)
    await recordOperation(ctx, at, 'backupMade', {
      reason,
      verified,
      encrypted: header.encryption.alg !== 'none',
      rows: Object.values(header.counts).reduce((a, b) => a + b, 0)
    })
  return made
}

/** Has main store a built backup, reads it back, checks it whole and records the outcome (✓ / ✗). */
async function storeAndVerify(
  port: BackupStorePort,
  built: BuiltBackup,
  reason: BackupFileInfo['reason'],
  key: StoreKey | undefined
): Promise<MadeBackup> {
  const { header } = built
  let start = performance.now()
  const { id } = await port.write(built.bytes, {
    reason,
    createdAt: header.createdAt,
    counts: header.counts,
    encrypted: header.encryption.alg !== 'none'
  })
  measure(BACKUP_MEASURES.store, start)
  start = performance.now()
  const verified = await verifyStored(port, id, header, key)
  measure(BACKUP_MEASURES.verify, start)
  await port.setVerified(id, verified)
  return { id, verified, header }
}

async function verifyStored(
  port: BackupStorePort,
  id: string,
  written: BackupHeader,
  key: StoreKey | undefined
): Promise<boolean> {
  try {
    const opened = await openBackup(await port.read(id), key)
    return (
      opened.ok &&
      opened.header.bodySha256 === written.bodySha256 &&
      JSON.stringify(opened.header.counts) === JSON.stringify(written.counts)
    )
  } catch {
    return false
  }
}

/** What happened to the data before this app's data format upgraded it (device-local meta
 *  'backup.upgrade', kept for 关于 / diagnostics; main's list shows the backup itself). */
export type UpgradeBackupOutcome =
  | { kind: 'fresh' }
  | { kind: 'current'; version: number }
  | {
      kind: 'backedUp'
      from: number
      to: number
      id: string
      verified: boolean
    }
  | { kind: 'failed'; from: number; to: number; failure: string }

export const UPGRADE_BACKUP_META = `${BACKUP_META}upgrade`

/**
 * 升级前 backup (issue 17 point 4; docs/backup.md §6): before the database `name` is opened with this
 * app's schema (`codeVersion`), the data on disk is looked at as it is — Dexie opened without a version
 * reads the stored one. A database written by an older version is backed up first (reason 'upgrade',
 * written by main like every automatic backup, read back and checked), then the caller opens it and
 * Dexie upgrades it. No database yet (a fresh install) or the same version: no backup.
 *
 * A failed backup does not stop the upgrade (decision, docs/backup.md §6): the store must open, and the
 * upgrade itself is one IndexedDB versionchange transaction — it either completes or leaves the old data
 * as it was. An encrypted store whose key is not at hand gets no plain copy ('needsPassphraseToBackup').
 * The outcome is returned (the caller keeps it in meta 'backup.upgrade').
 */
export async function backupBeforeUpgrade(
  name: string,
  codeVersion: number,
  deps: { port: BackupStorePort; deviceId: string; now: () => number; keyVault: KeyVault }
): Promise<UpgradeBackupOutcome> {
  const old = new Dexie(name)
  try {
    await old.open()
  } catch (e) {
    if ((e as { name?: string }).name === 'NoSuchDatabaseError') return { kind: 'fresh' }
    throw e
  }
  const from = old.verno
  try {
    if (from >= codeVersion) return { kind: 'current', version: from }
    try {
      // the old database has the tables read here (meta, outbox) since version 1; Dexie opened without a
      // version names no table properties, and the store key's helpers read `db.meta`
      const asDesk = Object.assign(old, { meta: old.table('meta') }) as unknown as DeskDatabase
      const encryption = await backupEncryption(asDesk, deps.keyVault)
      const built = await writeBackupOf(
        old,
        { deviceId: deps.deviceId, createdAt: deps.now(), encryption },
        {}
      )
      const made = await storeAndVerify(deps.port, built, 'upgrade', encryption?.key)
      return { kind: 'backedUp', from, to: codeVersion, id: made.id, verified: made.verified }
    } catch (e) {
      const failure = e instanceof BackupRefusedError ? e.refusal : 'error'
      return { kind: 'failed', from, to: codeVersion, failure }
    }
  } finally {
    old.close()
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

export interface BackupPreview {
  createdAt: number
  counts: Record<string, number>
  encrypted: boolean
  /** from this PC's store share (or this PC before it joined one) */
  storeId: string | null
}

/** What 恢复备份 shows before asking: when, what counts — the whole file checked, nothing changed. */
export async function previewBackup(
  ctx: DataContext,
  source: { bytes: Uint8Array },
  opts: { passphrase?: string } = {}
): Promise<BackupPreview> {
  const { header } = await checkBackup(ctx, source.bytes, opts)
  return {
    createdAt: header.createdAt,
    counts: header.counts,
    encrypted: header.encryption.alg !== 'none',
    storeId: header.storeId
  }
}

/** Whether this PC takes part in a store share (a restore then takes in the share afterwards). */
export async function inStoreShare(ctx: DataContext): Promise<boolean> {
  return (await ctx.db.meta.get(STORE_ID_KEY)) !== undefined
}
