import { z } from 'zod'
import { concatBytes, fromBase64, fromUtf8, toBase64, utf8 } from '../sync/bytes'
import { hashBytes } from '../sync/hash'
import { canonicalJson } from '../sync/json'
import { encryptionInfo, encryptionSchema, openBody, sealBody, type EncryptionParams } from '../sync/sealed'
import type { StoreKey } from '../sync/crypto'

// One backup file (数据备份, issue 17 point 4; docs/backup.md "Format"):
//
//   "SDBACKUP" | u32 big-endian header length | header (JSON, UTF-8) | body
//
// body = gzip(lines), AES-256-GCM-sealed under the store key when the store has a passphrase (the
// header's exact bytes are the additional data, so an edited header fails like an edited body);
// lines = one JSON object per line, {"t": table, "r": [rows…]}, in chunks of at most CHUNK_ROWS rows.
// The header says when, which store, which device, the schema version and how many rows each table
// holds; bodySha256 is the SHA-256 of the body as stored. Pure (WebCrypto, CompressionStream): the
// renderer writes and reads it; main only stores bytes.

export const BACKUP_MAGIC = 'SDBACKUP'
export const BACKUP_FORMAT_VERSION = 1
export const CHUNK_ROWS = 2_000
/** A header larger than this is not ours. */
const MAX_HEADER_BYTES = 64 * 1024

/** Why a backup file cannot be used (words: backup.refused.<code> in the i18n catalogues). */
export type BackupRefusal =
  | 'notBackup'
  | 'truncated'
  | 'damaged'
  | 'newerVersion'
  | 'needsPassphrase'
  | 'wrongPassphrase'
  | 'otherStore'
  | 'countsDiffer'

export const backupHeaderSchema = z.looseObject({
  kind: z.literal('service-desk-backup'),
  version: z.number().int().positive(),
  createdAt: z.number().int().nonnegative(),
  /** the store share this data belongs to; null on a PC that never joined or created one */
  storeId: z.string().nullable(),
  deviceId: z.string(),
  /** the Dexie schema version the data was written under */
  schemaVersion: z.number().int().positive(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  bodyBytes: z.number().int().nonnegative(),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  encryption: encryptionSchema
})
export type BackupHeader = z.infer<typeof backupHeaderSchema>

export type BackupMeta = Pick<BackupHeader, 'createdAt' | 'storeId' | 'deviceId' | 'schemaVersion'>

export type BackupResult<T> = ({ ok: true } & T) | { ok: false; refusal: BackupRefusal; detail: string }

const refuse = (refusal: BackupRefusal, detail: string) => ({ ok: false as const, refusal, detail })

/** Uint8Array values (e.g. a quarantined file's bytes) travel as {"$bytes": base64}. */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { $bytes: toBase64(value) } : value
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value)
    const bytes = (value as { $bytes?: unknown }).$bytes
    if (keys.length === 1 && typeof bytes === 'string') return fromBase64(bytes) ?? value
  }
  return value
}

// A replacer or reviver makes JSON call back into JS for every value (3–4× slower here, measured on
// 2 000 complaint rows); almost no row holds bytes, so they are used only where some do.

/** Whether `value` holds bytes anywhere. */
function holdsBytes(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  if (ArrayBuffer.isView(value)) return true
  if (Array.isArray(value)) return value.some(holdsBytes)
  for (const key in value) if (holdsBytes((value as Record<string, unknown>)[key])) return true
  return false
}

/** JSON text of `value`, bytes written as { $bytes: base64 }. */
export function toChunkJson(value: unknown): string {
  return holdsBytes(value) ? JSON.stringify(value, replacer) : JSON.stringify(value)
}

/** What toChunkJson wrote, bytes read back. */
export function fromChunkJson(text: string): unknown {
  // JSON writes a quote inside a string as \", so a text without "$bytes" as a key holds no bytes
  return text.includes('"$bytes"') ? JSON.parse(text, reviver) : JSON.parse(text)
}

type Pipe = { writable: WritableStream<Uint8Array>; readable: ReadableStream<Uint8Array> }

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader()
  const parts: Uint8Array[] = []
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(value)
  }
  return concatBytes(parts)
}

/** Builds a backup a chunk at a time: rows are serialised and compressed as they come, so a store of
 *  300 000 records never exists as one string. */
export class BackupWriter {
  private readonly gzip = new CompressionStream('gzip') as unknown as Pipe
  private readonly writer = this.gzip.writable.getWriter()
  private readonly compressed = collect(this.gzip.readable)
  private readonly counts: Record<string, number> = {}

  /** Adds rows of `table` (any number of calls per table). */
  async add(table: string, rows: readonly unknown[]): Promise<void> {
    this.counts[table] = (this.counts[table] ?? 0) + rows.length
    for (let i = 0; i < rows.length; i += CHUNK_ROWS)
      await this.writer.write(utf8(`${toChunkJson({ t: table, r: rows.slice(i, i + CHUNK_ROWS) })}\n`))
  }

  /** Declares `table` even when it has no rows (the counts then say 0). */
  declare(table: string): void {
    this.counts[table] ??= 0
  }

  async finish(
    meta: BackupMeta,
    encryption?: EncryptionParams
  ): Promise<{ bytes: Uint8Array; header: BackupHeader }> {
    await this.writer.close()
    const plain = await this.compressed
    const info = encryptionInfo(encryption)
    // AES-GCM adds only its 16-byte tag, so the body's length is known before sealing; the header
    // (which holds the body's hash) is authenticated without that hash: AAD = canonical JSON of the
    // header with bodySha256 ''.
    const bodyBytes = plain.length + (info.alg === 'none' ? 0 : 16)
    const partial = { kind: 'service-desk-backup' as const, version: BACKUP_FORMAT_VERSION, ...meta }
    const aadHeader = { ...partial, counts: this.counts, bodyBytes, bodySha256: '', encryption: info }
    const body = await sealBody(info, encryption?.key, plain, utf8(canonicalJson(aadHeader)))
    const header: BackupHeader = { ...aadHeader, bodySha256: await hashBytes(body) }
    const headerBytes = utf8(JSON.stringify(header))
    const length = new Uint8Array(4)
    new DataView(length.buffer).setUint32(0, headerBytes.length)
    return { bytes: concatBytes([utf8(BACKUP_MAGIC), length, headerBytes, body]), header }
  }
}

/** The header alone (no key needed): what the page lists and the restore preview shows. */
export function readBackupHeader(
  bytes: Uint8Array
): BackupResult<{ header: BackupHeader; body: Uint8Array }> {
  const magic = utf8(BACKUP_MAGIC)
  if (bytes.length < magic.length + 4 || !magic.every((b, i) => bytes[i] === b))
    return refuse('notBackup', 'no SDBACKUP magic')
  const length = new DataView(bytes.buffer, bytes.byteOffset + magic.length, 4).getUint32(0)
  if (length > MAX_HEADER_BYTES) return refuse('notBackup', `header of ${length} bytes`)
  const start = magic.length + 4
  if (bytes.length < start + length) return refuse('truncated', 'the file ends inside its header')
  const text = fromUtf8(bytes.subarray(start, start + length))
  let parsed: unknown
  try {
    parsed = text === null ? null : JSON.parse(text)
  } catch {
    parsed = null
  }
  const version = (parsed as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
    return refuse('newerVersion', `backup format ${version}, this app reads ${BACKUP_FORMAT_VERSION}`)
  const header = backupHeaderSchema.safeParse(parsed)
  if (!header.success) return refuse('damaged', 'the header is not a backup header')
  const body = bytes.subarray(start + length)
  if (body.length < header.data.bodyBytes)
    return refuse('truncated', `body of ${body.length} bytes, the header says ${header.data.bodyBytes}`)
  if (body.length > header.data.bodyBytes) return refuse('damaged', 'bytes after the body')
  return { ok: true, header: header.data, body }
}

export interface BackupChunk {
  t: string
  r: Record<string, unknown>[]
}

/** Checks the whole file (checksum, decryption, every line, the row counts against the header) and
 *  returns its header and a reader of its chunks. Never throws. */
export async function openBackup(
  bytes: Uint8Array,
  key: StoreKey | undefined
): Promise<BackupResult<{ header: BackupHeader; chunks: () => AsyncGenerator<BackupChunk> }>> {
  const read = readBackupHeader(bytes)
  if (!read.ok) return read
  const { header, body } = read
  if ((await hashBytes(body)) !== header.bodySha256) return refuse('damaged', 'body checksum differs')
  const aad = utf8(canonicalJson({ ...header, bodySha256: '' }))
  const opened = await openBody(header.encryption, key, body, aad)
  if (!opened.ok)
    return refuse(
      opened.problem === 'needsPassphrase'
        ? 'needsPassphrase'
        : opened.problem === 'wrongPassphrase'
          ? 'wrongPassphrase'
          : 'damaged',
      opened.detail
    )
  const plain = opened.plaintext
  const chunks = () => readChunks(plain)
  const counts: Record<string, number> = {}
  try {
    for await (const chunk of chunks()) counts[chunk.t] = (counts[chunk.t] ?? 0) + chunk.r.length
  } catch (e) {
    return refuse('damaged', `body unreadable: ${(e as Error).message}`)
  }
  const declared = Object.entries(header.counts).filter(([, n]) => n > 0)
  const found = Object.entries(counts).filter(([, n]) => n > 0)
  if (declared.length !== found.length || declared.some(([t, n]) => counts[t] !== n))
    return refuse('countsDiffer', `rows ${JSON.stringify(counts)}, header ${JSON.stringify(header.counts)}`)
  return { ok: true, header, chunks }
}

async function* readChunks(gzipped: Uint8Array): AsyncGenerator<BackupChunk> {
  const text = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(gzipped)
      controller.close()
    }
  })
    .pipeThrough(new DecompressionStream('gzip') as unknown as Pipe)
    .pipeThrough(
      new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>
    )
  const reader = text.getReader()
  // Pieces of the line being read: only each new piece is searched for the end of the line.
  let pending: string[] = []
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    let from = 0
    let nl = value.indexOf('\n')
    while (nl >= 0) {
      pending.push(value.slice(from, nl))
      yield parseChunk(pending.join(''))
      pending = []
      from = nl + 1
      nl = value.indexOf('\n', from)
    }
    if (from < value.length) pending.push(value.slice(from))
  }
  if (pending.length > 0) throw new Error('last line unterminated')
}

function parseChunk(line: string): BackupChunk {
  const value = fromChunkJson(line) as Partial<BackupChunk> | null
  if (!value || typeof value.t !== 'string' || !Array.isArray(value.r)) throw new Error('not a chunk line')
  return value as BackupChunk
}
