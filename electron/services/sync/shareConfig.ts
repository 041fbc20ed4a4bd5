import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

// Which share this PC syncs through, kept by main in <userData>/share.json (written atomically): a
// folder picked in main's dialog (系统设置 → 同步 → 选择文件夹), or a WebDAV address with its user name
// and app password. The password is kept ONLY wrapped by the OS key store (Electron safeStorage: DPAPI,
// Keychain, libsecret — the same KeyWrapper as the store key, storeKeyVault.ts); without one it is kept
// in memory for this run only and typed again after a restart. Never a passphrase.
// Versions: 1 a path the renderer sent; 2 a folder picked in main's dialog (`picked`); 3 adds `webdav`.

const FILE_NAME = 'share.json'
const webdavSchema = z.strictObject({
  url: z.string().min(1).max(2000),
  user: z.string().max(200),
  /** base64 of the KeyWrapper's output; null when the OS had no key store */
  wrappedPassword: z.string().min(1).max(8192).nullable()
})
const storedSchema = z.discriminatedUnion('schemaVersion', [
  z.object({ schemaVersion: z.literal(1), root: z.string().min(1).max(260).nullable() }),
  z.object({ schemaVersion: z.literal(2), root: z.string().min(1).max(260).nullable(), picked: z.boolean() }),
  z.object({
    schemaVersion: z.literal(3),
    root: z.string().min(1).max(260).nullable(),
    picked: z.boolean(),
    webdav: webdavSchema.nullable()
  })
])

export interface StoredShareRoot {
  root: string
  /** true when picked in main's dialog (version 2); false for a path the renderer once sent */
  picked: boolean
}

export type StoredWebdav = z.infer<typeof webdavSchema>

export interface ShareConfigStore {
  getRoot(): Promise<StoredShareRoot | null>
  /** a folder (the WebDAV setting goes), or nothing */
  setRoot(root: string | null): Promise<void>
  getWebdav(): Promise<StoredWebdav | null>
  /** a WebDAV share (the folder setting goes) */
  setWebdav(webdav: StoredWebdav): Promise<void>
}

export function createShareConfig(dataDir: string): ShareConfigStore {
  const file = join(dataDir, FILE_NAME)
  const read = async (): Promise<z.infer<typeof storedSchema> | null> => {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
      // A damaged file means "not set": the user picks the share again; nothing else depends on it.
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
  const write = (root: string | null, webdav: StoredWebdav | null) =>
    writeFileAtomic(
      file,
      JSON.stringify({ schemaVersion: 3, root, picked: root !== null, webdav }, null, 2) + '\n',
      { fsync: true }
    )
  return {
    async getRoot() {
      const stored = await read()
      if (!stored || stored.root === null) return null
      return { root: stored.root, picked: stored.schemaVersion !== 1 && stored.picked }
    },
    setRoot: (root) => write(root, null),
    async getWebdav() {
      const stored = await read()
      return stored?.schemaVersion === 3 ? stored.webdav : null
    },
    setWebdav: (webdav) => write(null, webdav)
  }
}
