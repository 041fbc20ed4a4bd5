import Dexie, { type Table } from 'dexie'
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
import { recordOperation } from './audit'
import { getSessionStaffNo } from './prefs'
import { STORE_ID_KEY } from './sync/storeAccess'
import { loadStoreKey, rememberedEncryption, type KeyVault } from './sync/storeKey'
import { EXPORT_STATE_KEY, type ExportState } from './sync/exportOutbox'
import { breathe } from './breathe'
import { packedRecordPages, PACKS_TABLE } from './packedHistory'
import { CUSTOMER_PACKS_TABLE, packedCustomerPages } from './packedCustomers'

// 数据备份 (issue 17 point 4; docs/backup.md): the data layer exports every table it owns into one
// backup file (shared/backup/format.ts) a chunk at a time, and restores one in a single transaction
// after checking all of it (backupRestore.ts; before a data-format upgrade: backupUpgrade.ts). Main
// stores, lists and prunes the files (electron/services/backup).
//
// What a backup holds and what a restore changes:
//  - every synced table, as stored (field clocks, tombstones and derived index keys included); settled
//    complaints a join stored in packs as the complaint and event records they are (no pack is in a
//    backup: a restore writes them as rows and removes the packs);
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
export const DEVICE_LOCAL_TABLES: ReadonlySet<string> = new Set(['outbox', 'quarantine', 'syncPeers'])
/** The backup's name for the unpublished outbox entries it carries. */
export const PENDING = 'pendingChanges'
const META_DEVICE_LOCAL_PREFIXES = ['device.', 'sync.', 'session.', 'pref.', 'pinLock.', 'backup.'] as const
/** meta keys of the backup bookkeeping (device-local, above); built, as they are not i18n keys */
export const BACKUP_META = META_DEVICE_LOCAL_PREFIXES[5]

/** performance.measure names (the benchmark reads them; bench/backup.bench.ts) */
export const BACKUP_MEASURES = {
  build: 'desk:backup-build',
  store: 'desk:backup-store',
  verify: 'desk:backup-verify',
  restore: 'desk:backup-restore'
} as const

export function measure(name: string, start: number): void {
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

export function keyPathOf(table: Table): string {
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
export async function backupEncryption(
  db: DeskDatabase,
  vault: KeyVault
): Promise<EncryptionParams | undefined> {
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
export async function writeBackupOf(
  db: Dexie,
  meta: { deviceId: string; createdAt: number; encryption: EncryptionParams | undefined },
  opts: { onProgress?: (p: BackupProgress) => void }
): Promise<BuiltBackup> {
  const tables = db.tables.filter((t) => !DEVICE_LOCAL_TABLES.has(t.name))
  const totals = await Promise.all(tables.map((t) => t.count()))
  const total = totals.reduce((a, b) => a + b, 0)
  const writer = new BackupWriter()
  let done = 0
  // Settled complaints a join stored in packs (packedHistory.ts) go in as the complaint and event
  // records they are: the file is the same whether a PC holds packs or not, and a restore writes them
  // as rows. Read before the rows: a complaint moved out of its pack meanwhile is then met again as a
  // row (written twice; the later, the row, is what a restore keeps), never missed.
  for await (const page of packedRecordPages(db)) {
    await writer.add('complaints', page.complaints)
    await writer.add('events', page.events)
    done += page.packs
    opts.onProgress?.({ done, total })
    await breathe()
  }
  // Customers a join stored in packs (packedCustomers.ts) likewise, as customer records.
  for await (const page of packedCustomerPages(db)) {
    await writer.add('customers', page.customers)
    done += page.packs
    opts.onProgress?.({ done, total })
    await breathe()
  }
  for (const table of tables) {
    if (table.name === PACKS_TABLE || table.name === CUSTOMER_PACKS_TABLE) continue
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
export async function storeAndVerify(
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
