import type { FileProblem } from '@shared/sync/problems'

// What a sync round tells the sync page: a kind for code, a message code for people (worded by the
// i18n catalogue, syncPage.problem.<code>), an English detail for logs and support. The data layer
// never builds the sentence, so the page reads in the UI's language.

export type SyncProblemKind =
  | FileProblem
  | 'unavailable'
  | 'otherStore'
  | 'notJoined'
  | 'storeMissing'
  | 'clone'
  | 'ownSegmentUnreadable'
  | 'exportFailed'
  | 'republished'
  | 'shareEmptied'
  | 'chainBroken'
  | 'foreignFile'
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
  'otherStore',
  'notJoined',
  'storeMissing',
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
  'invalidChange',
  'uniqueClash',
  'clockAhead',
  'snapshotTruncated',
  'snapshotInvalid',
  'segmentsLost',
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
