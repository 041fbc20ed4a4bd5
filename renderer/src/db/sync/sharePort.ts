// The storage port the sync engine depends on: a place where files are listed, read, written once and
// removed, addressed by '/'-separated paths relative to the share root. Today a folder (main process,
// reached over IPC through an adapter); later possibly object storage or WebDAV. Nothing here knows.

export interface ShareEntry {
  /** file or subfolder name (no path) */
  name: string
  /** bytes; 0 for a subfolder */
  size: number
  mtimeMs: number
}

/** unavailable: the share root itself cannot be reached (unplugged, renamed, offline) — a round stops
 *  and reports it, touching nothing. exists: writeNew found the name taken. notFound: read or remove of
 *  a missing file under a reachable root. refused: read refused before opening — not a regular file (a
 *  FIFO, a device, a symlink) or larger than its kind may be (docs/sync-format.md §2a). io: anything else. */
export type ShareErrorCode = 'unavailable' | 'exists' | 'notFound' | 'refused' | 'io'

/** Why a WebDAV share is unavailable (the code stays 'unavailable': the round stops, touching
 *  nothing, and retries by itself): 401, 403, 507, no connection, an untrusted certificate, no answer
 *  in time, an address that is not a WebDAV folder. The sync page and the indicator word each one. */
export type ShareUnavailableReason =
  'unauthorized' | 'forbidden' | 'quotaFull' | 'unreachable' | 'certificate' | 'timeout' | 'notWebdav'

export class ShareError extends Error {
  constructor(
    readonly code: ShareErrorCode,
    message: string,
    readonly reason?: ShareUnavailableReason
  ) {
    super(message)
    this.name = 'ShareError'
  }
}

export function isShareError(error: unknown, code?: ShareErrorCode): error is ShareError {
  return error instanceof ShareError && (code === undefined || error.code === code)
}

export interface SharePort {
  /** Files and subfolders of `dir`. A missing subfolder of a reachable root lists as []; an unreachable
   *  root MUST throw ShareError('unavailable') — never [], or a vanished share would look emptied. */
  list(dir: string): Promise<ShareEntry[]>
  /** The file's bytes; ShareError('notFound') when it is missing. */
  read(path: string): Promise<Uint8Array>
  /** Creates the file atomically (readers never see part of it) and never overwrites: when the name
   *  exists it rejects with ShareError('exists') and leaves the existing file as it was. */
  writeNew(path: string, bytes: Uint8Array): Promise<void>
  /** Removes the file, or an EMPTY folder (one with anything in it is refused: io); a missing one is
   *  not an error. */
  remove(path: string): Promise<void>
}
