import { ShareError, type ShareEntry, type SharePort } from '@/db'
import { callDesk, DeskCallError } from './desk'

// The sync engine's SharePort over window.desk: main does the file IO (electron/services/sync), the
// renderer names files relative to the share. Bytes cross as base64 (plain data on every transport).

const CODES = {
  'share.unavailable': 'unavailable',
  'share.exists': 'exists',
  'share.notFound': 'notFound'
} as const

/** Main's share failures as the engine's ShareError; a missing setting reads as "unavailable". */
function mapError(error: unknown): unknown {
  if (!(error instanceof DeskCallError)) return error
  const message = error.error.message
  if (message in CODES) return new ShareError(CODES[message as keyof typeof CODES], message)
  if (message === 'share.notConfigured') return new ShareError('unavailable', message)
  return new ShareError('io', message)
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

export function createIpcShare(): SharePort {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw mapError(error)
    }
  }
  return {
    list: (dir) => guard(async (): Promise<ShareEntry[]> => callDesk('shareList', { dir })),
    read: (path) => guard(async () => fromBase64((await callDesk('shareRead', { path })).base64)),
    writeNew: (path, bytes) =>
      guard(async () => void (await callDesk('shareWriteNew', { path, base64: toBase64(bytes) }))),
    remove: (path) => guard(async () => void (await callDesk('shareRemove', { path })))
  }
}
