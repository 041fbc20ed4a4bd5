import type { Table } from 'dexie'
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
import { SYNCED_TABLES } from '@shared/sync/change'
import type { DataContext } from './context'
import type { OutboxEntry } from './schema'
import { getStaffByNo } from './staff'
import { recordOperation } from './audit'
import { getSessionStaffNo } from './prefs'
import { readTimeRules } from './timeRules'
import { readClosedDays } from './closedDays'
import { STORE_ID_KEY } from './sync/storeAccess'
import { loadStoreKey, rememberedEncryption } from './sync/storeKey'
import { EXPORT_STATE_KEY, type ExportState } from './sync/exportOutbox'

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
    readonly refusal: BackupRefusal | 'notManager' | 'needsPassphraseToBackup' | 'preRestoreFailed',
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

/** Lets the page breathe between chunks (input stays responsive during a large backup). */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

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
  const db = ctx.db
  const encrypted = await rememberedEncryption(db)
  const encryption = encrypted ? await loadStoreKey(db, ctx.keyVault) : undefined
  if (encrypted && !encryption) throw new BackupRefusedError('needsPassphraseToBackup')

  const tables = db.tables.filter((t) => !DEVICE_LOCAL_TABLES.has(t.name))
  const totals = await Promise.all(tables.map((t) => t.count()))
  const total = totals.reduce((a, b) => a + b, 0)
  const writer = new BackupWriter()
  let done = 0
  for (const table of tables) {
    writer.declare(table.name)
    const keyPath = keyPathOf(table)
    let last: unknown = undefined
    for (;;) {
      const page: Record<string, unknown>[] =
        last === undefined
          ? await table.orderBy(':id').limit(CHUNK_ROWS).toArray()
          : await table.where(':id').above(last).limit(CHUNK_ROWS).toArray()
      if (page.length === 0) break
      last = page[page.length - 1]?.[keyPath]
      const rows = table.name === 'meta' ? page.filter((r) => !isDeviceLocalMeta(r.key as string)) : page
      await writer.add(table.name, rows)
      done += page.length
      opts.onProgress?.({ done, total })
      await breathe()
      if (page.length < CHUNK_ROWS) break
    }
  }
  // Changes not yet on the share: a replacement PC publishes them.
  const state = ((await db.meta.get(EXPORT_STATE_KEY))?.value as ExportState | undefined) ?? { outboxSeq: 0 }
  writer.declare(PENDING)
  const pending = await db.outbox.where('seq').above(state.outboxSeq).toArray()
  await writer.add(
    PENDING,
    pending.map(({ seq: _seq, ...entry }) => entry)
  )

  return writer.finish(
    {
      createdAt: ctx.now(),
      storeId: ((await db.meta.get(STORE_ID_KEY))?.value as string | undefined) ?? null,
      deviceId: ctx.writer.deviceId,
      schemaVersion: db.verno
    },
    encryption
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

/**
 * Replaces this PC's data with a checked backup, in one transaction (all or nothing). In a store
 * share the PC then reads the whole share again, its own published changes included, so it takes in
 * everything newer than the backup and no other PC loses anything (docs/backup.md "Restore and sync").
 */
export async function restoreChecked(
  ctx: DataContext,
  staffNo: string | null,
  checked: CheckedBackup,
  opts: { onProgress?: (p: BackupProgress) => void } = {}
): Promise<Record<string, number>> {
  if (!(await mayRestore(ctx, staffNo))) throw new BackupRefusedError('notManager')
  const db = ctx.db
  const { header } = checked
  const restorable = db.tables.filter((t) => !DEVICE_LOCAL_TABLES.has(t.name))
  const restorableNames = new Set(restorable.map((t) => t.name))
  const total = Object.values(header.counts).reduce((a, b) => a + b, 0)
  const me = ctx.writer.deviceId
  const counts: Record<string, number> = {}
  // Read (and parse) the whole file before the transaction: awaiting anything but IndexedDB inside it
  // would let it commit early, and keeping it alive across the decompression (Dexie.waitFor) was slow.
  const chunks: BackupChunk[] = []
  for await (const chunk of checked.chunks()) chunks.push(chunk)
  await db.transaction('rw', db.tables, async () => {
    if (!(await mayRestore(ctx, staffNo))) throw new BackupRefusedError('notManager')
    const storeId = (await db.meta.get(STORE_ID_KEY))?.value as string | undefined
    const counters = new Map<string, number>()
    for (const row of await db.meta.toArray())
      if (row.key.startsWith('seq:') && typeof row.value === 'number') counters.set(row.key, row.value)
    for (const table of restorable) {
      // 操作日志 is append-only: a restore adds the backup's entries it lacks and removes none
      if (table.name === 'auditLog') continue
      if (table.name === 'meta') {
        const keys = (await table.toCollection().primaryKeys()) as string[]
        await table.bulkDelete(keys.filter((k) => !isDeviceLocalMeta(k)))
      } else await table.clear()
    }
    const stamps = new Map<string, string>()
    let done = 0
    for (const { t, r } of chunks) {
      done += r.length
      counts[t] = (counts[t] ?? 0) + r.length
      if (t === PENDING) {
        const entries = (r as unknown as OutboxEntry[]).map((e) => restampEntry(e, me, stamps))
        await db.outbox.bulkAdd(entries.map(({ seq: _seq, ...e }) => e))
      } else if (t === 'meta') {
        const rows = (r as { key: string; value: unknown }[]).filter((m) => !isDeviceLocalMeta(m.key))
        await db.meta.bulkPut(
          rows.map((m) =>
            m.key.startsWith('seq:') && typeof m.value === 'number'
              ? { key: m.key, value: Math.max(m.value, counters.get(m.key) ?? 0) }
              : m
          )
        )
      } else if (t === 'auditLog') {
        const rows = r as { id: string }[]
        const have = await db.table(t).bulkGet(rows.map((e) => e.id))
        await db.table(t).bulkAdd(rows.filter((_, i) => have[i] === undefined))
      } else if (restorableNames.has(t)) await db.table(t).bulkPut(r)
      opts.onProgress?.({ done, total })
    }
    // Counters only this PC had stay.
    for (const [key, value] of counters) if (!(await db.meta.get(key))) await db.meta.put({ key, value })
    // Record clocks of the pending changes, re-stamped with this device as their outbox entries were.
    if (stamps.size > 0) await restampRecords(ctx, stamps)
    // In a store share: read every chain again from the start, this PC's own published one included.
    if (storeId !== undefined) {
      await db.syncPeers.clear()
      await db.syncPeers.put({ device: me, upTo: 0, gaps: [] })
    }
  })
  ctx.timeRules = readTimeRules(await db.settings.get('timeRules'))
  ctx.closedDays = readClosedDays(await db.settings.get('closedDays'))
  return counts
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

async function restampRecords(ctx: DataContext, stamps: ReadonlyMap<string, string>): Promise<void> {
  for (const name of SYNCED_TABLES)
    await ctx.db
      .table(name)
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        const clock = row._clock as Record<string, string> | undefined
        if (!clock || !Object.values(clock).some((h) => stamps.has(h))) return
        row._clock = Object.fromEntries(Object.entries(clock).map(([f, h]) => [f, stamps.get(h) ?? h]))
      })
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
  let start = performance.now()
  const built = await buildBackup(ctx, opts)
  measure(BACKUP_MEASURES.build, start)
  const { header } = built
  start = performance.now()
  const { id } = await port.write(built.bytes, {
    reason,
    createdAt: header.createdAt,
    counts: header.counts,
    encrypted: header.encryption.alg !== 'none'
  })
  measure(BACKUP_MEASURES.store, start)
  start = performance.now()
  const verified = await verifyStored(ctx, port, id, header)
  measure(BACKUP_MEASURES.verify, start)
  await port.setVerified(id, verified)
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
  return { id, verified, header }
}

async function verifyStored(
  ctx: DataContext,
  port: BackupStorePort,
  id: string,
  written: BackupHeader
): Promise<boolean> {
  try {
    const bytes = await port.read(id)
    const key =
      written.encryption.alg === 'none' ? undefined : (await loadStoreKey(ctx.db, ctx.keyVault))?.key
    const opened = await openBackup(bytes, key)
    return (
      opened.ok &&
      opened.header.bodySha256 === written.bodySha256 &&
      JSON.stringify(opened.header.counts) === JSON.stringify(written.counts)
    )
  } catch {
    return false
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
  const bytes = 'bytes' in source ? source.bytes : await port.read(source.id)
  const checked = await checkBackup(ctx, bytes, opts)
  const before = await makeBackup(ctx, port, 'preRestore')
  if (!before.verified) throw new BackupRefusedError('preRestoreFailed')
  const start = performance.now()
  const counts = await restoreChecked(ctx, staffNo, checked, opts)
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
