import { randomBytes } from 'node:crypto'
import { link, mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ShareError, type ShareEntry, type SharePort } from '@/db/sync/sharePort'

// A real folder behind the engine's SharePort, for tests only (the production folder store lives in
// electron/services, owned by the storage work). Real files in a temp dir, no fs mocks, so the tests
// see what a share does: temp files left behind, truncated and flipped bytes, a root that vanishes.

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

export class FolderShare implements SharePort {
  /** Fault hook: runs after the temp file is written and flushed, before it gets its final name. */
  beforeRename?: () => Promise<void>

  private constructor(readonly root: string) {}

  static async create(): Promise<FolderShare> {
    const base = await mkdtemp(join(tmpdir(), 'desk-share-'))
    const root = join(base, 'share')
    await mkdir(root)
    return new FolderShare(root)
  }

  /** Absolute path of a share path; refuses anything that could leave the root. */
  abs(path: string): string {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.')
    if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0')))
      throw new ShareError('io', `path leaves the share: ${path}`)
    return join(this.root, ...parts)
  }

  private async ensureRoot(): Promise<void> {
    try {
      if ((await stat(this.root)).isDirectory()) return
    } catch {
      // fall through
    }
    throw new ShareError('unavailable', `share root ${this.root} is not reachable`)
  }

  async list(dir: string): Promise<ShareEntry[]> {
    await this.ensureRoot()
    let names: string[]
    try {
      names = await readdir(this.abs(dir))
    } catch (error) {
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
        await this.ensureRoot()
        return []
      }
      throw new ShareError('io', String(error))
    }
    const entries: ShareEntry[] = []
    for (const name of names) {
      try {
        const s = await stat(join(this.abs(dir), name))
        entries.push({ name, size: s.isDirectory() ? 0 : s.size, mtimeMs: s.mtimeMs })
      } catch {
        // removed between readdir and stat: not listed
      }
    }
    return entries
  }

  async read(path: string): Promise<Uint8Array> {
    await this.ensureRoot()
    try {
      return new Uint8Array(await readFile(this.abs(path)))
    } catch (error) {
      await this.ensureRoot()
      if (codeOf(error) === 'ENOENT') throw new ShareError('notFound', `${path} does not exist`)
      throw new ShareError('io', String(error))
    }
  }

  /** temp file → fsync → link to the final name (fails if it exists: rename would overwrite) → unlink temp. */
  async writeNew(path: string, bytes: Uint8Array): Promise<void> {
    await this.ensureRoot()
    const target = this.abs(path)
    await mkdir(dirname(target), { recursive: true })
    const temp = join(dirname(target), `.tmp-${randomBytes(6).toString('hex')}`)
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await this.beforeRename?.()
    try {
      await link(temp, target)
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      if (codeOf(error) === 'EEXIST') throw new ShareError('exists', `${path} already exists`)
      await this.ensureRoot()
      throw new ShareError('io', String(error))
    }
    await unlink(temp)
  }

  async remove(path: string): Promise<void> {
    await this.ensureRoot()
    try {
      await unlink(this.abs(path))
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw new ShareError('io', String(error))
    }
  }

  // --- fault injection -------------------------------------------------------------------------

  /** The share vanishes (unplugged drive, renamed network folder). */
  async disappear(): Promise<void> {
    await rename(this.root, `${this.root}.gone`)
  }

  async reappear(): Promise<void> {
    await rename(`${this.root}.gone`, this.root)
  }

  /** Someone selects everything in the share and deletes it. */
  async empty(): Promise<void> {
    for (const name of await readdir(this.root))
      await rm(join(this.root, name), { recursive: true, force: true })
  }

  /** Overwrites a file in place, bypassing the write-once rule (damage done by something else). */
  async corrupt(path: string, change: (bytes: Uint8Array) => Uint8Array): Promise<void> {
    const bytes = new Uint8Array(await readFile(this.abs(path)))
    const handle = await open(this.abs(path), 'w')
    try {
      await handle.writeFile(change(bytes))
    } finally {
      await handle.close()
    }
  }

  /** Share paths of every file under `dir`, recursively, sorted. */
  async files(dir = ''): Promise<string[]> {
    const out: string[] = []
    const walk = async (rel: string): Promise<void> => {
      for (const entry of await readdir(this.abs(rel), { withFileTypes: true })) {
        const path = rel ? `${rel}/${entry.name}` : entry.name
        if (entry.isDirectory()) await walk(path)
        else out.push(path)
      }
    }
    await walk(dir)
    return out.sort()
  }

  async dispose(): Promise<void> {
    await rm(dirname(this.root), { recursive: true, force: true })
  }
}
