import { concatBytes, fromUtf8, utf8 } from './bytes'
import { hashBytes } from './hash'
import { isJsonValue, parseJson } from './json'
import { problem, type ProblemResult } from './problems'

// The outer layout shared by every share file (segments, snapshot chunks, snapshot manifests):
//
//   prefix (94 bytes ASCII)  "SDSYNC" SP <header length: 8 decimal digits> SP
//                            <body length: 12 decimal digits> SP <SHA-256: 64 lowercase hex> LF
//   header                   UTF-8 JSON object (exactly <header length> bytes, no LF inside)
//   LF                       one 0x0A byte
//   body                     exactly <body length> bytes
//
// The SHA-256 covers everything after the prefix (header, LF, body), so a flipped byte anywhere in
// the header or the body is detected, and the lengths make a cut file detectable before hashing.
// This prefix layout is frozen for every format major version: it is what lets an old app read a
// newer file's formatVersion and keep it pending instead of calling it damaged.

export const MAGIC = 'SDSYNC'
export const PREFIX_BYTES = 94
/** Headers are small; anything larger is not one of ours. */
export const MAX_HEADER_BYTES = 1024 * 1024
/** Generous bound on a single file, checked before any allocation. */
export const MAX_BODY_BYTES = 512 * 1024 * 1024

const LF = 0x0a
const PREFIX_RE = /^SDSYNC (\d{8}) (\d{12}) ([0-9a-f]{64})\n$/

export interface FormatVersion {
  major: number
  minor: number
}

export interface Frame {
  /** the header as parsed (unknown fields included) */
  header: Record<string, unknown>
  /** the header's exact bytes: additional authenticated data of an encrypted body */
  headerBytes: Uint8Array
  body: Uint8Array
  /** the prefix's SHA-256 (of header, LF and body) */
  checksum: string
}

/** Builds a file from a header object and body bytes; `headerBytes` must be JSON.stringify output. */
export async function encodeFrame(headerBytes: Uint8Array, body: Uint8Array): Promise<Uint8Array> {
  if (headerBytes.length > MAX_HEADER_BYTES) throw new Error('sync header too large')
  if (body.length > MAX_BODY_BYTES) throw new Error('sync body too large')
  const rest = concatBytes([headerBytes, Uint8Array.of(LF), body])
  const prefix = `${MAGIC} ${String(headerBytes.length).padStart(8, '0')} ${String(body.length).padStart(12, '0')} ${await hashBytes(rest)}\n`
  return concatBytes([utf8(prefix), rest])
}

/** The text of an object header, as stored (and as authenticated when the body is encrypted). */
export function headerBytesOf(header: object): Uint8Array {
  return utf8(JSON.stringify(header))
}

function formatVersionOf(header: Record<string, unknown>): FormatVersion | null {
  const v = header.formatVersion
  if (v === null || typeof v !== 'object') return null
  const { major, minor } = v as Record<string, unknown>
  if (!Number.isSafeInteger(major) || !Number.isSafeInteger(minor)) return null
  return { major: major as number, minor: minor as number }
}

/**
 * Splits and checks a file, in an order that keeps each verdict honest: not ours → cut short →
 * checksum (the prefix is frozen across majors, so a damaged file is never mistaken for a newer one)
 * → header is a JSON object → newer major (kept pending; its body is not parsed) → kind.
 */
export async function decodeFrame(
  bytes: Uint8Array,
  kind: string,
  supportedMajor: number
): Promise<({ ok: true } & Frame) | ProblemResult> {
  const magic = utf8(MAGIC)
  const seen = bytes.subarray(0, Math.min(bytes.length, magic.length))
  if (!seen.every((b, i) => b === magic[i]))
    return problem('notASegment', 'file does not start with "SDSYNC"')
  if (bytes.length < PREFIX_BYTES)
    return problem('truncated', `file is ${bytes.length} bytes, shorter than its ${PREFIX_BYTES}-byte prefix`)
  const match = PREFIX_RE.exec(fromUtf8(bytes.subarray(0, PREFIX_BYTES)) ?? '')
  if (!match) return problem('notASegment', 'malformed prefix line')
  const headerLength = Number(match[1])
  const bodyLength = Number(match[2])
  const checksum = match[3] as string
  if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || bodyLength > MAX_BODY_BYTES)
    return problem('notASegment', `implausible lengths (header ${headerLength}, body ${bodyLength})`)
  const expected = PREFIX_BYTES + headerLength + 1 + bodyLength
  if (bytes.length < expected)
    return problem('truncated', `file is ${bytes.length} bytes, its prefix announces ${expected}`)

  if (bytes.length > expected)
    return problem('checksum', `${bytes.length - expected} unexpected bytes after the body`)
  if ((await hashBytes(bytes.subarray(PREFIX_BYTES))) !== checksum)
    return problem('checksum', 'SHA-256 of header and body does not match the prefix')

  const headerBytes = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)
  const body = bytes.subarray(PREFIX_BYTES + headerLength + 1, expected)
  if (bytes[PREFIX_BYTES + headerLength] !== LF)
    return problem('invalidJson', 'header is not followed by a line feed')
  const headerText = fromUtf8(headerBytes)
  const parsed = headerText === null ? null : parseJson(headerText)
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || !isJsonValue(parsed))
    return problem('invalidJson', 'header is not a JSON object')
  const header = parsed as Record<string, unknown>
  const version = formatVersionOf(header)
  if (!version || version.major < 1) return problem('invalidJson', 'header has no valid formatVersion')
  if (version.major > supportedMajor)
    return problem(
      'futureFormat',
      `format ${version.major}.${version.minor} is newer than this app reads (${supportedMajor}.x)`
    )
  if (header.kind !== kind)
    return problem('notASegment', `expected a ${kind} file, found kind ${JSON.stringify(header.kind)}`)
  return { ok: true, header, headerBytes, body, checksum }
}
