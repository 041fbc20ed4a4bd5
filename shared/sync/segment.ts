import { z } from 'zod'
import { fromUtf8, utf8 } from './bytes'
import { changeSchema, checkChange, validateChanges, type Change, type InvalidChange } from './change'
import { decodeFrame, encodeFrame, headerBytesOf, type FormatVersion } from './frame'
import { hashBytes } from './hash'
import { hlcTextSchema, parseHlc } from './hlc'
import { isShareId, sha256HexSchema, shareIdSchema } from './ids'
import { parseJson } from './json'
import { problem, type ProblemResult } from './problems'
import { encryptionInfo, encryptionSchema, openBody, sealBody, type EncryptionParams } from './sealed'
import type { StoreKey } from './crypto'

// A segment: one file of one device's changes, written once and never modified. Layout in
// frame.ts; the header fields below; the body is a UTF-8 JSON array of changes (change.ts).

export { hashBytes }

export const SEGMENT_KIND = 'segment'
/** The format this app writes. It reads any 1.x (unknown minor fields are kept) and keeps files
 *  of a newer major pending. */
export const SEGMENT_FORMAT: FormatVersion = { major: 1, minor: 0 }
/** Bound per segment so a reader never holds more than a few MB of one device's changes. */
export const MAX_SEGMENT_CHANGES = 50_000

export const segmentHeaderSchema = z
  .looseObject({
    kind: z.literal(SEGMENT_KIND),
    formatVersion: z.looseObject({ major: z.number().int().min(1), minor: z.number().int().min(0) }),
    schemaVersion: z.number().int().min(1),
    storeId: shareIdSchema,
    deviceId: shareIdSchema,
    seq: z.number().int().min(1),
    prevHash: z.union([z.literal(''), sha256HexSchema]),
    createdAt: z.number().int().min(0),
    hlcRange: z.looseObject({ min: hlcTextSchema, max: hlcTextSchema }).nullable(),
    count: z.number().int().min(0).max(MAX_SEGMENT_CHANGES),
    encryption: encryptionSchema,
    /** only on the first segment of a re-send (the writer found its own segments gone from the
     *  share): this segment and the ones after it carry again every change of seqs 1 … resendsUpTo */
    resendsUpTo: z.number().int().min(1).optional()
  })
  .refine((h) => (h.seq === 1) === (h.prevHash === ''), {
    message: 'prevHash is empty exactly for seq 1',
    path: ['prevHash']
  })
  .refine((h) => h.resendsUpTo === undefined || h.resendsUpTo < h.seq, {
    message: 'resendsUpTo is below seq',
    path: ['resendsUpTo']
  })
  .refine((h) => (h.count === 0) === (h.hlcRange === null), {
    message: 'hlcRange is null exactly for an empty segment',
    path: ['hlcRange']
  })
export type SegmentHeader = z.infer<typeof segmentHeaderSchema>

/** A change as the writer hands it over (an outbox entry; its local `seq` is not written). */
export type ChangeInput = Pick<Change, 'hlc' | 'device' | 'staffNo' | 'table' | 'recordId' | 'field'> & {
  value: unknown
}

export interface SegmentInput {
  storeId: string
  deviceId: string
  seq: number
  /** hashBytes() of this device's previous segment file; '' for seq 1 */
  prevHash: string
  /** the app's Dexie schema version */
  schemaVersion: number
  createdAt: number
  changes: readonly ChangeInput[]
  /** set when the store has a passphrase */
  encryption?: EncryptionParams
  /** the first segment of a re-send of the whole outbox: the seqs it replaces (1 … resendsUpTo) */
  resendsUpTo?: number
}

/** The bytes of a new segment file. Throws on invalid input: a writer must never produce a file
 *  its peers would quarantine. */
export async function encodeSegment(input: SegmentInput): Promise<Uint8Array> {
  const wire = input.changes.map((c) => ({
    hlc: c.hlc,
    device: c.device,
    staffNo: c.staffNo,
    table: c.table,
    recordId: c.recordId,
    field: c.field,
    value: c.value
  }))
  const { invalid } = validateChanges(wire)
  if (invalid.length > 0) throw new Error(`invalid change #${invalid[0]?.index}: ${invalid[0]?.reason}`)
  if (wire.some((c) => c.device !== input.deviceId))
    throw new Error('a segment carries only its own device’s changes')
  const hlcs = wire.map((c) => c.hlc).sort()
  const header = {
    kind: SEGMENT_KIND,
    formatVersion: SEGMENT_FORMAT,
    schemaVersion: input.schemaVersion,
    storeId: input.storeId,
    deviceId: input.deviceId,
    seq: input.seq,
    prevHash: input.prevHash,
    createdAt: input.createdAt,
    hlcRange: hlcs.length ? { min: hlcs[0] as string, max: hlcs[hlcs.length - 1] as string } : null,
    count: wire.length,
    encryption: encryptionInfo(input.encryption),
    ...(input.resendsUpTo !== undefined ? { resendsUpTo: input.resendsUpTo } : {})
  }
  const checked = segmentHeaderSchema.safeParse(header)
  if (!checked.success)
    throw new Error(
      `invalid segment header: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
    )
  const headerBytes = headerBytesOf(header)
  const body = await sealBody(
    header.encryption,
    input.encryption?.key,
    utf8(JSON.stringify(wire)),
    headerBytes
  )
  return encodeFrame(headerBytes, body)
}

export interface DecodedSegment {
  ok: true
  /** as written, including fields unknown to this version */
  header: SegmentHeader
  /** validated changes, ready for merge */
  changes: Change[]
  /** changes that failed validation: quarantined and reported, not applied */
  invalid: InvalidChange[]
  /** hashBytes() of the whole file: the next segment's prevHash */
  fileHash: string
}

export interface DecodeOptions {
  /** the store key; needed only for encrypted files */
  key?: StoreKey
}

/** Reads a segment file. Never throws: every failure is a ProblemResult. */
export async function decodeSegment(
  bytes: Uint8Array,
  options: DecodeOptions = {}
): Promise<DecodedSegment | ProblemResult> {
  try {
    return await decode(bytes, options)
  } catch (error) {
    return problem(
      'invalidJson',
      `unexpected error while decoding: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

async function decode(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedSegment | ProblemResult> {
  const frame = await decodeFrame(bytes, SEGMENT_KIND, SEGMENT_FORMAT.major)
  if (!frame.ok) return frame
  const parsedHeader = segmentHeaderSchema.safeParse(frame.header)
  if (!parsedHeader.success)
    return problem(
      'invalidJson',
      `segment header: ${parsedHeader.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
    )
  const header = parsedHeader.data
  const opened = await openBody(header.encryption, options.key, frame.body, frame.headerBytes)
  if (!opened.ok) return opened
  const text = fromUtf8(opened.plaintext)
  const items = text === null ? null : parseJson(text)
  if (!Array.isArray(items)) return problem('invalidJson', 'body is not a JSON array')
  if (items.length !== header.count)
    return problem('invalidJson', `header count ${header.count}, body holds ${items.length}`)
  // A device writes only its own changes, all inside the header's HLC range; anything else in the
  // body is not what the header vouches for, so it is quarantined rather than applied.
  const changes: Change[] = []
  const invalid: InvalidChange[] = []
  items.forEach((item, index) => {
    const checked = checkChange(item)
    if (!checked.ok) invalid.push({ index, reason: checked.reason })
    else if (checked.change.device !== header.deviceId)
      invalid.push({
        index,
        reason: `device ${JSON.stringify(checked.change.device)} in a segment of ${header.deviceId}`
      })
    else if (parseHlc(checked.change.hlc).node !== checked.change.device)
      // The stamp's device part names the PC whose clock made it: a stamp of another PC's would win
      // (or lose) that PC's ties on its behalf.
      invalid.push({
        index,
        reason: `hlc of device ${parseHlc(checked.change.hlc).node}, not of ${checked.change.device}`
      })
    else if (
      header.hlcRange &&
      (checked.change.hlc < header.hlcRange.min || checked.change.hlc > header.hlcRange.max)
    )
      invalid.push({ index, reason: 'hlc outside the header’s range' })
    else changes.push(checked.change)
  })
  return { ok: true, header, changes, invalid, fileHash: await hashBytes(bytes) }
}

/** Schema of one change, re-exported for readers that validate one at a time. */
export { changeSchema }

const SEQ_DIGITS = 12

/** `seg-<deviceId>-<seq, 12 digits>.seg`: names of one device sort by seq as plain text. */
export function segmentFileName(deviceId: string, seq: number): string {
  if (!isShareId(deviceId)) throw new Error(`invalid device id: ${deviceId}`)
  if (!Number.isSafeInteger(seq) || seq < 1 || seq >= 10 ** SEQ_DIGITS)
    throw new Error(`invalid segment seq: ${seq}`)
  return `seg-${deviceId}-${String(seq).padStart(SEQ_DIGITS, '0')}.seg`
}

/** Where a device's segment lives, relative to the share root. */
export function segmentPath(deviceId: string, seq: number): string {
  return `devices/${deviceId}/segments/${segmentFileName(deviceId, seq)}`
}

/** The device and seq a segment file name stands for; null for anything else (temp files included). */
export function parseSegmentFileName(name: string): { deviceId: string; seq: number } | null {
  const match = /^seg-([A-Za-z0-9_-]{1,64})-(\d{12})\.seg$/.exec(name)
  if (!match) return null
  const seq = Number(match[2])
  return seq >= 1 ? { deviceId: match[1] as string, seq } : null
}

/** Whether `next` is the segment that follows `previous` of the same device: seq + 1 and its
 *  prevHash is the previous file's hash. A break means a file was replaced or one is missing. */
export function followsPrevious(previous: DecodedSegment, next: DecodedSegment): boolean {
  return (
    next.header.deviceId === previous.header.deviceId &&
    next.header.storeId === previous.header.storeId &&
    next.header.seq === previous.header.seq + 1 &&
    next.header.prevHash === previous.fileHash
  )
}
