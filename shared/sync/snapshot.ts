import { z } from 'zod'
import { fromUtf8, fromUtf8InPieces, utf8 } from './bytes'
import { gunzip, gzip } from './compress'
import { isSyncableField, SYNCED_TABLES, type SyncTable } from './change'
import type { StoreKey } from './crypto'
import { decodeFrame, encodeFrame, headerBytesOf, type FormatVersion } from './frame'
import { hashBytes } from './hash'
import { hlcTextSchema, isHlcText } from './hlc'
import { sha256HexSchema, shareIdSchema } from './ids'
import { isJsonValue, parseJson } from './json'
import type { MergeRecord } from './merge'
import { problem, type ProblemResult } from './problems'
import { encryptionInfo, encryptionSchema, openBody, sealBody, type EncryptionParams } from './sealed'

export { canCompact, isActivePeer, ACTIVE_PEER_MAX_IDLE_MS, type Covers, type PeerCursor } from './compaction'

// A snapshot: every synced record (with its per-field `_clock` and tombstones) as of the changes it
// covers ({deviceId: seq}), so a new PC starts from it instead of replaying every segment.
//
//   snapshots/<snapshotId>/chunk-000001.snap …   kind "snapshotChunk": NDJSON body, one record a line
//   snapshots/<snapshotId>/manifest.snap         kind "snapshot": covers + list of chunks, written LAST
//
// Chunks are bounded (records and bytes), so a reader holds one chunk at a time: 300 000 records are
// ~60 files of 5 000. Every file uses the frame of frame.ts (checksum, optional encryption). A
// snapshot without its manifest is incomplete and is ignored (its writer crashed).

export const SNAPSHOT_KIND = 'snapshot'
export const SNAPSHOT_CHUNK_KIND = 'snapshotChunk'
/** 1.1: a manifest entry may carry `history: true` (the chunk holds only history, listed last). A 1.0
 *  reader ignores it and reads the chunk like any other. */
export const SNAPSHOT_FORMAT: FormatVersion = { major: 1, minor: 1 }
export const SNAPSHOT_CHUNK_RECORDS = 5_000
export const SNAPSHOT_CHUNK_BYTES = 8 * 1024 * 1024
export const MANIFEST_FILE = 'manifest.snap'
/** records parsed and checked between two pauses of decodeSnapshotChunk (a few tens of ms here) */
const PAUSE_EVERY_LINES = 500

const BOOKKEEPING = new Set(['id', '_clock', '_deleted', '_created', '_updated'])

const stampSchema = z.looseObject({ hlc: hlcTextSchema, device: z.string(), staffNo: z.string() })

/** One record as a snapshot holds it: synced fields, `_clock`, tombstone and stamps. Derived local
 *  index keys (`_keys`, `_openAt` …) are not written; each PC derives them again. */
export const snapshotRecordSchema = z
  .looseObject({
    id: z.string().min(1).max(200),
    _clock: z.record(z.string().refine(isSyncableField, 'field may not be synced'), hlcTextSchema),
    _deleted: z.literal(1).optional(),
    _created: stampSchema.optional(),
    _updated: stampSchema.optional()
  })
  .refine((r) => isJsonValue(r), 'record is not plain JSON')
  .refine(
    (r) => Object.keys(r).every((k) => BOOKKEEPING.has(k) || isSyncableField(k)),
    'record holds a field that may not be synced'
  )

export const snapshotEntrySchema = z.object({ t: z.enum(SYNCED_TABLES), r: snapshotRecordSchema })
export interface SnapshotEntry {
  t: SyncTable
  r: MergeRecord
}

const TABLES: ReadonlySet<string> = new Set(SYNCED_TABLES)

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isStamp = (v: unknown): boolean =>
  isObject(v) &&
  typeof v.hlc === 'string' &&
  isHlcText(v.hlc) &&
  typeof v.device === 'string' &&
  typeof v.staffNo === 'string'

/**
 * The same verdict as `snapshotEntrySchema` for a record it accepts, several times faster (a join
 * validates every record of the store: 300 000): the entry, or null when the schema must decide (and
 * say why). Never accepts what the schema refuses (a property test holds them together).
 */
export function quickSnapshotEntry(v: unknown): SnapshotEntry | null {
  if (!isObject(v) || typeof v.t !== 'string' || !TABLES.has(v.t)) return null
  const r = v.r
  if (!isObject(r) || typeof r.id !== 'string' || r.id.length < 1 || r.id.length > 200) return null
  const clock = r._clock
  if (!isObject(clock)) return null
  for (const field of Object.keys(clock)) {
    const hlc = clock[field]
    if (!isSyncableField(field) || typeof hlc !== 'string' || !isHlcText(hlc)) return null
  }
  if (r._deleted !== undefined && r._deleted !== 1) return null
  if (r._created !== undefined && !isStamp(r._created)) return null
  if (r._updated !== undefined && !isStamp(r._updated)) return null
  for (const key of Object.keys(r)) if (!BOOKKEEPING.has(key) && !isSyncableField(key)) return null
  if (!isJsonValue(r)) return null
  return { t: v.t as SyncTable, r: r as MergeRecord }
}

const coversSchema = z.record(shareIdSchema, z.number().int().min(0))

const commonHeader = {
  formatVersion: z.looseObject({ major: z.number().int().min(1), minor: z.number().int().min(0) }),
  schemaVersion: z.number().int().min(1),
  storeId: shareIdSchema,
  deviceId: shareIdSchema,
  snapshotId: z.string().regex(/^\d{15}-[A-Za-z0-9_-]{1,64}$/),
  createdAt: z.number().int().min(0),
  encryption: encryptionSchema
}

export const snapshotHeaderSchema = z.looseObject({
  kind: z.literal(SNAPSHOT_KIND),
  ...commonHeader,
  covers: coversSchema,
  chunkCount: z.number().int().min(0),
  recordCount: z.number().int().min(0)
})
export type SnapshotHeader = z.infer<typeof snapshotHeaderSchema>

export const chunkHeaderSchema = z.looseObject({
  kind: z.literal(SNAPSHOT_CHUNK_KIND),
  ...commonHeader,
  index: z.number().int().min(1),
  count: z.number().int().min(0),
  /** the NDJSON is gzipped (before encryption); absent: plain */
  compression: z.literal('gzip').optional()
})
export type ChunkHeader = z.infer<typeof chunkHeaderSchema>

const chunkRefSchema = z.looseObject({
  name: z.string().regex(/^chunk-\d{6}\.snap$/),
  sha256: sha256HexSchema,
  count: z.number().int().min(0),
  /** every record of the chunk is history (shared/sync/snapshotHistory.ts): a joining reader may store
   *  it after the rest, checking only its hash before */
  history: z.literal(true).optional()
})
export type ChunkRef = z.infer<typeof chunkRefSchema>
const manifestBodySchema = z.looseObject({ chunks: z.array(chunkRefSchema) })

export interface SnapshotOptions {
  storeId: string
  deviceId: string
  schemaVersion: number
  createdAt: number
  /** {deviceId: seq}: the snapshot's records hold every change of these segments; they may also hold
   *  later changes (covers are read before the records), which a reader replaying those segments merges
   *  as a no-op */
  covers: Readonly<Record<string, number>>
  encryption?: EncryptionParams
  chunkRecords?: number
  chunkBytes?: number
}

/** A record to write; `history` marks it as history (snapshotHistory.ts). Writers list history last:
 *  its records go into chunks of their own, marked `history` in the manifest. */
export interface SnapshotInput extends SnapshotEntry {
  history?: boolean
}

export interface SnapshotFile {
  /** relative to the share root */
  path: string
  bytes: Uint8Array
}

export function snapshotId(createdAt: number, deviceId: string): string {
  return `${String(createdAt).padStart(15, '0')}-${deviceId}`
}

export function chunkFileName(index: number): string {
  return `chunk-${String(index).padStart(6, '0')}.snap`
}

/** A record as written: synced fields and bookkeeping only (derived local keys dropped). */
export function toSnapshotRecord(record: Readonly<Record<string, unknown>>): MergeRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([k, v]) => v !== undefined && (BOOKKEEPING.has(k) || isSyncableField(k)))
  ) as MergeRecord
}

/**
 * Writes a snapshot as files, chunks first and the manifest last (write them in this order; the
 * manifest's presence is what makes the snapshot complete). Consumes `entries` lazily, so the
 * caller can page records out of IndexedDB. Throws on an invalid record: never write what peers
 * would quarantine.
 */
export async function* encodeSnapshot(
  entries: Iterable<SnapshotInput> | AsyncIterable<SnapshotInput>,
  options: SnapshotOptions
): AsyncGenerator<SnapshotFile> {
  const id = snapshotId(options.createdAt, options.deviceId)
  const folder = `snapshots/${id}`
  const maxRecords = options.chunkRecords ?? SNAPSHOT_CHUNK_RECORDS
  const maxBytes = options.chunkBytes ?? SNAPSHOT_CHUNK_BYTES
  const common = {
    formatVersion: SNAPSHOT_FORMAT,
    schemaVersion: options.schemaVersion,
    storeId: options.storeId,
    deviceId: options.deviceId,
    snapshotId: id,
    createdAt: options.createdAt
  }
  const refs: ChunkRef[] = []
  let lines: string[] = []
  let size = 0
  let history = false

  const flush = async (): Promise<SnapshotFile> => {
    const index = refs.length + 1
    const header = {
      kind: SNAPSHOT_CHUNK_KIND,
      ...common,
      index,
      count: lines.length,
      compression: 'gzip',
      encryption: encryptionInfo(options.encryption)
    }
    const headerBytes = headerBytesOf(header)
    const body = await sealBody(
      header.encryption,
      options.encryption?.key,
      await gzip(utf8(lines.map((l) => `${l}\n`).join(''))),
      headerBytes
    )
    const bytes = await encodeFrame(headerBytes, body)
    refs.push({
      name: chunkFileName(index),
      sha256: await hashBytes(bytes),
      count: lines.length,
      ...(history ? { history: true as const } : {})
    })
    lines = []
    size = 0
    return { path: `${folder}/${chunkFileName(index)}`, bytes }
  }

  for await (const entry of entries) {
    const wire = { t: entry.t, r: toSnapshotRecord(entry.r) }
    const checked = snapshotEntrySchema.safeParse(wire)
    if (!checked.success)
      throw new Error(`invalid snapshot record ${entry.t}/${entry.r.id}: ${checked.error.issues[0]?.message}`)
    const line = JSON.stringify(wire)
    const full = lines.length >= maxRecords || size + line.length * 3 > maxBytes
    // history never shares a chunk with the working set
    if (lines.length > 0 && (full || Boolean(entry.history) !== history)) yield await flush()
    history = Boolean(entry.history)
    lines.push(line)
    size += line.length * 3
  }
  if (lines.length > 0) yield await flush()

  const header = {
    kind: SNAPSHOT_KIND,
    ...common,
    covers: { ...options.covers },
    chunkCount: refs.length,
    recordCount: refs.reduce((n, r) => n + r.count, 0),
    encryption: encryptionInfo(options.encryption)
  }
  const checked = snapshotHeaderSchema.safeParse(header)
  if (!checked.success) throw new Error(`invalid snapshot header: ${checked.error.issues[0]?.message}`)
  const headerBytes = headerBytesOf(header)
  const body = await sealBody(
    header.encryption,
    options.encryption?.key,
    utf8(JSON.stringify({ chunks: refs })),
    headerBytes
  )
  yield { path: `${folder}/${MANIFEST_FILE}`, bytes: await encodeFrame(headerBytes, body) }
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
}

function safely<T>(run: () => Promise<T | ProblemResult>): Promise<T | ProblemResult> {
  return run().catch((error: unknown) =>
    problem(
      'invalidJson',
      `unexpected error while decoding: ${error instanceof Error ? error.message : String(error)}`
    )
  )
}

export interface DecodedManifest {
  ok: true
  header: SnapshotHeader
  chunks: ChunkRef[]
}

/** Reads manifest.snap. Never throws. */
export function decodeSnapshotManifest(
  bytes: Uint8Array,
  options: { key?: StoreKey } = {}
): Promise<DecodedManifest | ProblemResult> {
  return safely(async () => {
    const frame = await decodeFrame(bytes, SNAPSHOT_KIND, SNAPSHOT_FORMAT.major)
    if (!frame.ok) return frame
    const header = snapshotHeaderSchema.safeParse(frame.header)
    if (!header.success) return problem('invalidJson', `snapshot header: ${issues(header.error)}`)
    const opened = await openBody(header.data.encryption, options.key, frame.body, frame.headerBytes)
    if (!opened.ok) return opened
    const text = fromUtf8(opened.plaintext)
    const body = manifestBodySchema.safeParse(text === null ? null : parseJson(text))
    if (!body.success) return problem('invalidJson', `snapshot manifest body: ${issues(body.error)}`)
    const { chunks } = body.data
    if (
      chunks.length !== header.data.chunkCount ||
      chunks.reduce((n, c) => n + c.count, 0) !== header.data.recordCount
    ) {
      return problem('invalidJson', 'manifest chunk list does not match its header counts')
    }
    return { ok: true, header: header.data, chunks }
  })
}

export interface DecodedChunk {
  ok: true
  header: ChunkHeader
  /** validated records, in file order */
  entries: SnapshotEntry[]
  /** lines that failed validation (1-based line numbers): quarantined, not applied */
  invalid: { index: number; reason: string }[]
}

/** Reads one chunk; with `expect` (from the manifest) also checks that it is exactly the file the
 *  manifest lists. `verified` (only with `expect`): the caller has already validated every record of
 *  the file with that SHA-256 (a second pass over a snapshot, docs/sync-format.md §8.2), so the
 *  records are parsed but not checked against the schema again. Never throws. */
export function decodeSnapshotChunk(
  bytes: Uint8Array,
  options: {
    key?: StoreKey
    expect?: { snapshotId: string; index: number; ref: ChunkRef }
    verified?: boolean
    /** awaited every PAUSE_EVERY_LINES records (and between pieces of a long body's UTF-8 decoding): a
     *  caller that decodes while people work lets them in */
    pause?: () => Promise<void>
  } = {}
): Promise<DecodedChunk | ProblemResult> {
  return safely(async () => {
    const frame = await decodeFrame(bytes, SNAPSHOT_CHUNK_KIND, SNAPSHOT_FORMAT.major)
    if (!frame.ok) return frame
    const parsed = chunkHeaderSchema.safeParse(frame.header)
    if (!parsed.success) return problem('invalidJson', `snapshot chunk header: ${issues(parsed.error)}`)
    const header = parsed.data
    const expected = options.expect
    if (expected) {
      if ((await hashBytes(bytes)) !== expected.ref.sha256)
        return problem('checksum', `${expected.ref.name} is not the file its manifest lists`)
      if (header.snapshotId !== expected.snapshotId || header.index !== expected.index)
        return problem('checksum', 'chunk belongs to another snapshot or position')
    }
    const opened = await openBody(header.encryption, options.key, frame.body, frame.headerBytes)
    if (!opened.ok) return opened
    const plain = header.compression === 'gzip' ? await gunzip(opened.plaintext) : opened.plaintext
    if (plain === null)
      return problem('invalidJson', 'chunk body is not valid gzip or inflates beyond the limit')
    const text = options.pause ? await fromUtf8InPieces(plain, options.pause) : fromUtf8(plain)
    if (text === null) return problem('invalidJson', 'chunk body is not UTF-8')
    const lines = text.split('\n')
    if (lines.pop() !== '') return problem('invalidJson', 'chunk body does not end with a line feed')
    if (lines.length !== header.count)
      return problem('invalidJson', `header count ${header.count}, body holds ${lines.length} lines`)
    const entries: SnapshotEntry[] = []
    const invalid: { index: number; reason: string }[] = []
    const trusted = options.verified === true && expected !== undefined
    for (let i = 0; i < lines.length; i++) {
      if (options.pause && i > 0 && i % PAUSE_EVERY_LINES === 0) await options.pause()
      const value = parseJson(lines[i] as string)
      const quick = trusted ? (value as SnapshotEntry) : quickSnapshotEntry(value)
      if (quick) {
        entries.push(quick)
        continue
      }
      const entry = snapshotEntrySchema.safeParse(value)
      if (entry.success) entries.push(entry.data as SnapshotEntry)
      else invalid.push({ index: i + 1, reason: issues(entry.error) })
    }
    return { ok: true, header, entries, invalid }
  })
}
