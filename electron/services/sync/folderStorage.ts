import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import {
  link,
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rmdir,
  stat,
  unlink,
  type FileHandle
} from 'node:fs/promises'
import { dirname, join, relative, isAbsolute } from 'node:path'
import { isReservedWindowsName } from '@shared/ipc/windowsNames'
import { readCapFor } from './readCaps'
import { ShareServiceError } from './shareError'
import { shareSegments } from './sharePath'

// The shared folder (a UNC path like \\NAS\kefu, a mapped drive, a mount point) as write-once files:
// list / read / writeNew / remove, with the semantics the sync engine relies on
// (renderer/src/db/sync/sharePort.ts). Files are written as temp → fsync → link to the final name
// (link fails if the name exists, so nothing is ever overwritten) → temp removed → size verified.
// Renames/links are retried on EPERM/EACCES/EBUSY (Windows, antivirus scanners holding files).

export interface ShareEntry {
  name: string
  size: number
  mtimeMs: number
}

export interface FolderStorage {
  readonly root: string
  list(dir: string): Promise<ShareEntry[]>
  read(path: string): Promise<Uint8Array>
  writeNew(path: string, bytes: Uint8Array): Promise<void>
  /** removes a file, or an empty folder (a folder with anything in it is an io error) */
  remove(path: string): Promise<void>
  /** Removes unfinished writes (.tmp-*) older than `olderThanMs` under `dir`; returns how many. */
  sweepTemp(dir: string, olderThanMs: number, now?: number): Promise<number>
}

export interface FolderStorageOptions {
  retry?: { tries: number; baseDelayMs: number }
  sleep?: (ms: number) => Promise<void>
  /** for tests: the link step, to inject transient failures */
  linkFile?: (from: string, to: string) => Promise<void>
  /** for tests: how read opens a file (to see which files were opened at all) */
  openFile?: (path: string, flags: number) => Promise<FileHandle>
}

/** Read-only, never waiting on a FIFO or device, never following a symlink at the last step (the
 *  flags Windows lacks are 0 there; the lstat before and the fstat after cover it). */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY'])
/** Errors on the root itself that mean "the share is not there right now". */
const ROOT_GONE = new Set([
  'ENOENT',
  'ENOTDIR',
  'EIO',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ENOTCONN',
  'EACCES',
  'EPERM',
  'ESTALE',
  'EBADF'
])

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code

export function createFolderStorage(root: string, options: FolderStorageOptions = {}): FolderStorage {
  const retry = options.retry ?? { tries: 6, baseDelayMs: 60 }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const linkFile = options.linkFile ?? link
  const openFile = options.openFile ?? ((path: string, flags: number) => open(path, flags))

  async function ensureRoot(): Promise<void> {
    try {
      if ((await stat(root)).isDirectory()) return
    } catch (error) {
      if (!ROOT_GONE.has(codeOf(error) ?? '')) throw new ShareServiceError('io', String(error))
    }
    throw new ShareServiceError('unavailable', `share root ${root} is not reachable`)
  }

  /** Absolute path of a share path, confined to the root (also against symlinks inside the share). */
  async function resolve(path: string): Promise<string> {
    const target = join(root, ...shareSegments(path))
    const rel = relative(root, target)
    if (rel.startsWith('..') || isAbsolute(rel)) throw new ShareServiceError('outsideRoot', path)
    // A symlink placed in the share must not lead out of it: the nearest existing ancestor's real
    // path has to stay under the root's real path.
    const realRoot = await realpath(root).catch(() => root)
    let probe = target
    for (;;) {
      try {
        const real = await realpath(probe)
        const inside = relative(realRoot, real)
        if (inside.startsWith('..') || isAbsolute(inside)) throw new ShareServiceError('outsideRoot', path)
        break
      } catch (error) {
        if (error instanceof ShareServiceError) throw error
        if (probe === root || dirname(probe) === probe) break
        probe = dirname(probe)
      }
    }
    return target
  }

  async function withRetry<T>(step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step()
      } catch (error) {
        if (!TRANSIENT.has(codeOf(error) ?? '') || attempt >= retry.tries) throw error
        await sleep(retry.baseDelayMs * 2 ** (attempt - 1))
      }
    }
  }

  return {
    root,

    async list(dir) {
      await ensureRoot()
      const abs = await resolve(dir)
      let names: string[]
      try {
        names = await readdir(abs)
      } catch (error) {
        await ensureRoot()
        if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return []
        throw new ShareServiceError('io', String(error))
      }
      const out: ShareEntry[] = []
      for (const name of names) {
        if (name.startsWith('.tmp-')) continue // unfinished writes are nobody's files yet
        if (isReservedWindowsName(name)) continue // a device on Windows, never a share file
        try {
          const s = await lstat(join(abs, name))
          if (s.isSymbolicLink()) continue
          out.push({ name, size: s.isDirectory() ? 0 : s.size, mtimeMs: s.mtimeMs })
        } catch {
          // gone between readdir and stat
        }
      }
      return out
    },

    async read(path) {
      await ensureRoot()
      const abs = await resolve(path)
      const cap = readCapFor(path)
      try {
        // Checked before opening: a FIFO, a device, a symlink or a huge file is never opened at all.
        const seen = await lstat(abs)
        if (seen.isDirectory()) throw new ShareServiceError('notFound', `${path} is a folder`)
        if (!seen.isFile()) throw new ShareServiceError('notAFile', `${path} is not a regular file`)
        if (seen.size > cap) throw new ShareServiceError('tooLarge', `${path}: ${seen.size} bytes > ${cap}`)
        const handle = await openFile(abs, READ_FLAGS)
        try {
          // The same file as looked at (not swapped meanwhile), still a regular file within the cap.
          const opened = await handle.stat()
          if (!opened.isFile() || opened.ino !== seen.ino || opened.dev !== seen.dev)
            throw new ShareServiceError('notAFile', `${path} changed while being opened`)
          if (opened.size > cap)
            throw new ShareServiceError('tooLarge', `${path}: ${opened.size} bytes > ${cap}`)
          return await readAll(handle, opened.size)
        } finally {
          await handle.close()
        }
      } catch (error) {
        if (error instanceof ShareServiceError) throw error
        await ensureRoot()
        if (codeOf(error) === 'ENOENT' || codeOf(error) === 'EISDIR')
          throw new ShareServiceError('notFound', `${path} does not exist`)
        if (codeOf(error) === 'ELOOP') throw new ShareServiceError('notAFile', `${path} is a symlink`)
        throw new ShareServiceError('io', String(error))
      }
    },

    async writeNew(path, bytes) {
      await ensureRoot()
      const target = await resolve(path)
      if (shareSegments(path).length === 0)
        throw new ShareServiceError('outsideRoot', 'cannot write the root')
      await mkdir(dirname(target), { recursive: true }).catch(async (error: unknown) => {
        await ensureRoot()
        throw new ShareServiceError('io', String(error))
      })
      const temp = join(dirname(target), `.tmp-${randomBytes(8).toString('hex')}`)
      try {
        const handle = await open(temp, 'wx')
        try {
          await handle.writeFile(bytes)
          await handle.sync()
        } finally {
          await handle.close()
        }
        try {
          await withRetry(() => linkFile(temp, target))
        } catch (error) {
          if (codeOf(error) === 'EEXIST') throw new ShareServiceError('exists', `${path} already exists`)
          throw error
        }
        // The bytes under the final name are what we wrote (a full disk or a flaky share shows here).
        const written = await stat(target)
        if (written.size !== bytes.byteLength)
          throw new ShareServiceError('io', `${path}: wrote ${bytes.byteLength} bytes, found ${written.size}`)
      } catch (error) {
        if (error instanceof ShareServiceError) throw error
        await ensureRoot()
        throw new ShareServiceError('io', String(error))
      } finally {
        await withRetry(() => unlink(temp)).catch(() => undefined)
      }
    },

    async remove(path) {
      await ensureRoot()
      const abs = await resolve(path)
      try {
        // An EMPTY folder may go too (a removed snapshot's); a folder with anything in it never does.
        const seen = await lstat(abs)
        await withRetry(() => (seen.isDirectory() ? rmdir(abs) : unlink(abs)))
      } catch (error) {
        if (codeOf(error) === 'ENOENT') return
        await ensureRoot()
        throw new ShareServiceError('io', String(error))
      }
    },

    async sweepTemp(dir, olderThanMs, now = Date.now()) {
      await ensureRoot()
      const abs = await resolve(dir)
      let removed = 0
      for (const name of await readdir(abs).catch(() => [] as string[])) {
        if (!name.startsWith('.tmp-')) continue
        const s = await stat(join(abs, name)).catch(() => null)
        if (s && now - s.mtimeMs > olderThanMs) {
          await unlink(join(abs, name)).catch(() => undefined)
          removed++
        }
      }
      return removed
    }
  }
}

/** Exactly `size` bytes from the start (a file that grew meanwhile is read up to the size checked). */
async function readAll(handle: FileHandle, size: number): Promise<Uint8Array> {
  const out = new Uint8Array(size)
  let done = 0
  while (done < size) {
    const { bytesRead } = await handle.read(out, done, size - done, done)
    if (bytesRead === 0) break
    done += bytesRead
  }
  return done === size ? out : out.slice(0, done)
}
