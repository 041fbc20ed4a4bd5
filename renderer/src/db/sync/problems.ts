import type { FileProblem } from '@shared/sync/problems'
import type { ShareUnavailableReason } from './sharePort'

// What a sync round tells the sync page: a kind for code, a message code for people (worded by the
// i18n catalogue, syncPage.problem.<code>), an English detail for logs and support. The data layer
// never builds the sentence, so the page reads in the UI's language.

export type SyncProblemKind =
  | FileProblem
  | 'unavailable'
  | 'otherStore'
  | 'notJoined'
  | 'storeMissing'
  | 'storeTampered'
  | 'clone'
  | 'ownSegmentUnreadable'
  | 'exportFailed'
  | 'republished'
  | 'shareEmptied'
  | 'chainBroken'
  | 'foreignFile'
  | 'fileRefused'
  | 'invalidChange'
  | 'uniqueClash'
  | 'clockAhead'
  | 'segmentsLost'
  | 'error'

/** The engine's own message codes, besides the codec's file problems. A kind says what the engine
 *  does; where one kind has more than one cause (a store without its key, a snapshot that failed),
 *  the code says which. */
export const ENGINE_MESSAGE_CODES = [
  'unavailable',
  'davUnauthorized',
  'davForbidden',
  'davQuotaFull',
  'davUnreachable',
  'davCertificate',
  'davTimeout',
  'davNotWebdav',
  'otherStore',
  'notJoined',
  'storeMissing',
  'storeTampered',
  'needsKey',
  'keyMismatch',
  'clone',
  'ownSegmentUnreadable',
  'exportFailed',
  'republished',
  'shareEmptied',
  'chainBroken',
  'foreignFile',
  'unencrypted',
  'fileRefused',
  'invalidChange',
  'uniqueClash',
  'clockAhead',
  'snapshotTruncated',
  'snapshotInvalid',
  'segmentsLost',
  'auditRewrite',
  'error'
] as const

/** An i18n key under syncPage.problem (the catalogue's type lists every one). */
export type SyncMessageCode = FileProblem | (typeof ENGINE_MESSAGE_CODES)[number]

export interface SyncProblem {
  kind: SyncProblemKind
  /** what the sync page says: syncPage.problem.<code> */
  code: SyncMessageCode
  /** English, for logs and support */
  detail: string
  /** the PC whose files it is about, when it is about one */
  peer?: string
  seq?: number
  /** every seq it is about, when there are several (segmentsLost: each one this PC cannot get) */
  seqs?: number[]
}

export function syncProblem(
  kind: SyncProblemKind,
  code: SyncMessageCode,
  detail: string,
  where: { peer?: string; seq?: number; seqs?: number[] } = {}
): SyncProblem {
  return { kind, code, detail, ...where }
}

/** Seq numbers as short ranges for display and logs: [3, 4, 5, 9] → "3–5, 9" (sorted, duplicates once). */
export function seqRanges(seqs: readonly number[]): string {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  return parts.join(', ')
}

/** The message code of an unavailable share, by the WebDAV server's reason when there is one. */
export const UNAVAILABLE_CODES = {
  unauthorized: 'davUnauthorized',
  forbidden: 'davForbidden',
  quotaFull: 'davQuotaFull',
  unreachable: 'davUnreachable',
  certificate: 'davCertificate',
  timeout: 'davTimeout',
  notWebdav: 'davNotWebdav'
} as const satisfies Record<ShareUnavailableReason, SyncMessageCode>
