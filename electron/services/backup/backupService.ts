import { createHash, randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { lstat, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join, relative, resolve, isAbsolute } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { backupsToKeep, DEFAULT_GENERATIONS, type BackupGeneration } from '@shared/backup/generations'
import {
  BACKUP_FILE_MAX_BYTES,
  type BackupEntry,
  type BackupFolderChoice,
  type BackupListing,
  type BackupWriteInput,
  type OpenedBackupFile
} from '@shared/ipc/contract'
import { checkShareRoot, type ShareRootEnv } from '../sync/shareRoot'

// 数据备份 in main (issue 17 point 4; docs/backup.md): main decides every path. Backups are written
// into <userData>/backups, and a copy into the second folder when one is set (picked in main's own
// folder dialog; never the share nor inside it; refused when it cannot be written). The renderer
// builds and checks the file's contents (it alone holds the data and the store key); main stores the
// bytes, keeps the list (index.json), compares the second copy's checksum with the first, and prunes
// by the generation rules (shared/backup/generations.ts).

export const BACKUP_FOLDER = 'backups'
export const BACKUP_EXT = '.sdbak'
export const DEFAULT_INTERVAL_HOURS = 4

/** Why a call failed; crosses IPC as { code: 'backup', message: 'backup.<failure>' }. */
export type BackupFailure = 'notFound' | 'notAFile' | 'tooLarge' | 'io'

export class BackupServiceError extends Error {
  constructor(
    readonly failure: BackupFailure,
    message: string
  ) {
    super(message)
    this.name = 'BackupServiceError'
  }
}

const entrySchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  reason: z.enum(['scheduled', 'manual', 'quit', 'upgrade', 'preRestore', 'preJoin']),
  size: z.number(),
  counts: z.record(z.string(), z.number()),
  encrypted: z.boolean(),
  verified: z.boolean().nullable(),
  sha256: z.string(),
  /** true: the second folder holds an identical copy; false: it could not be written; null: none set */
  secondCopy: z.boolean().nullable()
})
const indexSchema = z.object({ schemaVersion: z.literal(1), entries: z.array(entrySchema) })
const configSchema = z.object({
  schemaVersion: z.literal(1),
  secondFolder: z.string().min(1).max(260).nullable(),
  intervalHours: z.number().int().min(1).max(24)
})
type Index = z.infer<typeof indexSchema>
type Config = z.infer<typeof configSchema>

export interface BackupService {
  list(): Promise<BackupListing>
  write(input: BackupWriteInput): Promise<{ id: string }>
  read(id: string): Promise<Uint8Array>
  setVerified(id: string, verified: boolean): Promise<BackupEntry>
  chooseFolder(): Promise<BackupFolderChoice>
  clearFolder(): Promise<BackupListing>
  setInterval(hours: number): Promise<BackupListing>
  /** main's open dialog for a backup file (从备份恢复, or one kept elsewhere); null = cancelled */
  openFile(): Promise<OpenedBackupFile | null>
}

export interface BackupServiceOptions {
  dataDir: string
  /** main's folder dialog (the e2e bridge stands in): an absolute folder, or null when cancelled */
  pickFolder: () => Promise<string | null>
  /** main's open-file dialog for a backup file; null when cancelled */
  pickFile: () => Promise<string | null>
  /** the share folder this PC syncs through, if any: never the second folder */
  shareRoot: () => Promise<string | null>
  rootEnv: ShareRootEnv
  now?: () => number
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The same folder, or one inside the other (either way the share would hold the backups). */
function overlaps(a: string, b: string, windows: boolean): boolean {
  const norm = (p: string) => (windows ? resolve(p).toLowerCase() : resolve(p))
  const inside = (child: string, parent: string) => {
    const rel = relative(norm(parent), norm(child))
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  }
  return inside(a, b) || inside(b, a)
}

async function writable(folder: string): Promise<boolean> {
  const probe = join(folder, `.sdbak-probe-${randomBytes(4).toString('hex')}`)
  try {
    if (!(await stat(folder)).isDirectory()) return false
    await writeFile(probe, 'probe', { flag: 'wx' })
    await rm(probe, { force: true })
    return true
  } catch {
    return false
  }
}

/** A regular file within the cap, read without following links or blocking on a FIFO. */
async function readRegular(path: string): Promise<Uint8Array> {
  const info = await lstat(path).catch(() => null)
  if (!info) throw new BackupServiceError('notFound', `${path} is missing`)
  if (!info.isFile()) throw new BackupServiceError('notAFile', `${path} is not a regular file`)
  if (info.size > BACKUP_FILE_MAX_BYTES)
    throw new BackupServiceError('tooLarge', `${path}: ${info.size} bytes`)
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    return new Uint8Array(await handle.readFile())
  } finally {
    await handle.close()
  }
}

export function createBackupService(options: BackupServiceOptions): BackupService {
  const now = options.now ?? Date.now
  const folder = join(options.dataDir, BACKUP_FOLDER)
  const indexFile = join(folder, 'index.json')
  const configFile = join(options.dataDir, 'backup.json')
  const windows = options.rootEnv.platform === 'win32'
  const fileOf = (dir: string, id: string) => join(dir, `${id}${BACKUP_EXT}`)

  async function readIndex(): Promise<Index> {
    try {
      const parsed = indexSchema.safeParse(JSON.parse(await readFile(indexFile, 'utf8')))
      if (parsed.success) return parsed.data
    } catch {
      // no index yet, or a damaged one: the files themselves are still there (listed again below)
    }
    return { schemaVersion: 1, entries: [] }
  }
  async function saveIndex(index: Index): Promise<void> {
    await mkdir(folder, { recursive: true })
    await writeFileAtomic(indexFile, JSON.stringify(index, null, 1) + '\n')
  }
  async function readConfig(): Promise<Config> {
    try {
      const parsed = configSchema.safeParse(JSON.parse(await readFile(configFile, 'utf8')))
      if (parsed.success) return parsed.data
    } catch {
      // not set
    }
    return { schemaVersion: 1, secondFolder: null, intervalHours: DEFAULT_INTERVAL_HOURS }
  }
  async function saveConfig(config: Config): Promise<void> {
    await mkdir(options.dataDir, { recursive: true })
    await writeFileAtomic(configFile, JSON.stringify(config, null, 2) + '\n')
  }
  /** The second folder as set, if it may still be used (not the share now either). */
  async function secondFolder(config: Config): Promise<string | null> {
    if (!config.secondFolder) return null
    const share = await options.shareRoot().catch(() => null)
    if (share && overlaps(config.secondFolder, share, windows)) return null
    return config.secondFolder
  }

  async function listing(): Promise<BackupListing> {
    const [index, config] = await Promise.all([readIndex(), readConfig()])
    return {
      entries: [...index.entries].sort((a, b) => b.createdAt - a.createdAt),
      secondFolder: config.secondFolder,
      intervalHours: config.intervalHours,
      dataFolder: folder
    }
  }

  async function prune(index: Index, config: Config): Promise<Index> {
    const generations: BackupGeneration[] = index.entries.map((e) => ({
      id: e.id,
      at: e.createdAt,
      // not yet checked: kept until it is
      verified: e.verified !== false,
      reason: e.reason
    }))
    const keep = backupsToKeep(generations, now(), DEFAULT_GENERATIONS)
    const second = await secondFolder(config)
    for (const e of index.entries) {
      if (keep.has(e.id)) continue
      await rm(fileOf(folder, e.id), { force: true }).catch(() => undefined)
      if (second) await rm(fileOf(second, e.id), { force: true }).catch(() => undefined)
    }
    return { ...index, entries: index.entries.filter((e) => keep.has(e.id)) }
  }

  const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

  return {
    list: listing,

    async write(input) {
      await mkdir(folder, { recursive: true })
      const id = `backup-${stamp(input.createdAt)}-${randomBytes(3).toString('hex')}`
      await writeFileAtomic(
        fileOf(folder, id),
        Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
      )
      const config = await readConfig()
      const second = await secondFolder(config)
      let secondCopy: boolean | null = null
      if (second) {
        secondCopy = await writeFileAtomic(
          fileOf(second, id),
          Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
        ).then(
          () => true,
          () => false
        )
      }
      const index = await readIndex()
      index.entries.push({
        id,
        createdAt: input.createdAt,
        reason: input.reason,
        size: input.bytes.byteLength,
        counts: input.counts,
        encrypted: input.encrypted,
        verified: null,
        sha256: sha256(input.bytes),
        secondCopy
      })
      await saveIndex(index)
      return { id }
    },

    async read(id) {
      const index = await readIndex()
      if (!index.entries.some((e) => e.id === id)) throw new BackupServiceError('notFound', `no backup ${id}`)
      return readRegular(fileOf(folder, id))
    },

    async setVerified(id, verified) {
      const config = await readConfig()
      let index = await readIndex()
      const entry = index.entries.find((e) => e.id === id)
      if (!entry) throw new BackupServiceError('notFound', `no backup ${id}`)
      // The renderer checked the first copy whole; main checks that it is the file it was given, and
      // that the second copy is byte for byte the same.
      const first = await readRegular(fileOf(folder, id)).catch(() => null)
      entry.verified = verified && first !== null && sha256(first) === entry.sha256
      const second = await secondFolder(config)
      if (second && entry.secondCopy !== null) {
        const copy = await readRegular(fileOf(second, id)).catch(() => null)
        entry.secondCopy = copy !== null && sha256(copy) === entry.sha256
      }
      index = await prune(index, config)
      await saveIndex(index)
      return { ...entry }
    },

    async chooseFolder() {
      const picked = await options.pickFolder()
      const config = await readConfig()
      const view = await listing()
      if (picked === null) return { outcome: 'cancelled', secondFolder: view.secondFolder }
      const share = await options.shareRoot().catch(() => null)
      if (share && overlaps(picked, share, windows))
        return { outcome: 'refused', refusal: 'isShare', secondFolder: view.secondFolder }
      const checked = checkShareRoot(picked, options.rootEnv)
      // A USB disk's root is a fine place for backups; everything else the share check refuses is not.
      if (!checked.ok && checked.refusal !== 'driveRoot')
        return { outcome: 'refused', refusal: 'systemFolder', secondFolder: view.secondFolder }
      if (overlaps(picked, options.dataDir, windows))
        return { outcome: 'refused', refusal: 'systemFolder', secondFolder: view.secondFolder }
      if (!(await writable(picked)))
        return { outcome: 'refused', refusal: 'notWritable', secondFolder: view.secondFolder }
      await saveConfig({ ...config, secondFolder: picked })
      return { outcome: 'chosen', secondFolder: picked }
    },

    async clearFolder() {
      await saveConfig({ ...(await readConfig()), secondFolder: null })
      return listing()
    },

    async setInterval(hours) {
      await saveConfig({ ...(await readConfig()), intervalHours: hours })
      return listing()
    },

    async openFile() {
      const picked = await options.pickFile()
      if (picked === null) return null
      return { name: basename(picked), bytes: await readRegular(picked) }
    }
  }
}
