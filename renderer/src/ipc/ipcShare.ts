import type { DeskApi } from '@shared/ipc/contract'
import { ShareError, type ShareEntry, type SharePort, type ShareUnavailableReason } from '@/db'
import { callDeskOn, DeskCallError } from './desk'

// The sync engine's SharePort over window.desk: main does the file IO (electron/services/sync), the
// renderer names files relative to the share. Bytes cross as Uint8Array (Electron's IPC structured-
// clones them); any other encoding is the business of a transport, never of this port.

const CODES = {
  'share.unavailable': 'unavailable',
  'share.exists': 'exists',
  'share.notFound': 'notFound',
  'share.notAFile': 'refused',
  'share.tooLarge': 'refused'
} as const

/** A WebDAV server's failures: the share is unavailable, for this reason. */
const REASONS = {
  'share.unauthorized': 'unauthorized',
  'share.forbidden': 'forbidden',
  'share.quotaFull': 'quotaFull',
  'share.unreachable': 'unreachable',
  'share.certificate': 'certificate',
  'share.timeout': 'timeout',
  'share.notWebdav': 'notWebdav'
} as const satisfies Record<string, ShareUnavailableReason>

/** Main's share failures as the engine's ShareError; a missing setting reads as "unavailable". */
function mapError(error: unknown): unknown {
  if (!(error instanceof DeskCallError)) return error
  const message = error.error.message
  if (message in REASONS)
    return new ShareError('unavailable', message, REASONS[message as keyof typeof REASONS])
  if (message in CODES) return new ShareError(CODES[message as keyof typeof CODES], message)
  if (message === 'share.notConfigured') return new ShareError('unavailable', message)
  return new ShareError('io', message)
}

/** `desk` is looked up on every call (window.desk in the app); the sync integration tests pass the
 *  real electron/services behind a structured clone, so the engine runs on the code that ships. */
export function createIpcShare(desk: () => DeskApi | undefined = () => window.desk): SharePort {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw mapError(error)
    }
  }
  return {
    list: (dir) => guard(async (): Promise<ShareEntry[]> => callDeskOn(desk(), 'shareList', { dir })),
    read: (path) => guard(async () => (await callDeskOn(desk(), 'shareRead', { path })).bytes),
    writeNew: (path, bytes) =>
      guard(async () => void (await callDeskOn(desk(), 'shareWriteNew', { path, bytes }))),
    remove: (path) => guard(async () => void (await callDeskOn(desk(), 'shareRemove', { path })))
  }
}
