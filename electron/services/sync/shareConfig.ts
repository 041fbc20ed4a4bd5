import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

// Which folder this PC syncs through: picked in main's folder dialog (系统设置 → 同步 → 选择文件夹),
// kept by main in <userData>/share.json (written atomically). Only the path is kept — never a
// passphrase. Version 1 files were written with a path the renderer sent; version 2 ones with a folder
// picked in main's dialog (`picked`), the only way in since issue 17.

const FILE_NAME = 'share.json'
const storedSchema = z.discriminatedUnion('schemaVersion', [
  z.object({ schemaVersion: z.literal(1), root: z.string().min(1).max(260).nullable() }),
  z.object({ schemaVersion: z.literal(2), root: z.string().min(1).max(260).nullable(), picked: z.boolean() })
])

export interface StoredShareRoot {
  root: string
  /** true when picked in main's dialog (version 2); false for a path the renderer once sent */
  picked: boolean
}

export interface ShareConfigStore {
  getRoot(): Promise<StoredShareRoot | null>
  setRoot(root: string | null): Promise<void>
}

export function createShareConfig(dataDir: string): ShareConfigStore {
  const file = join(dataDir, FILE_NAME)
  return {
    async getRoot() {
      try {
        const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
        // A damaged file means "not set": the user picks the folder again; nothing else depends on it.
        if (!parsed.success || parsed.data.root === null) return null
        return {
          root: parsed.data.root,
          picked: parsed.data.schemaVersion === 2 && parsed.data.picked
        }
      } catch {
        return null
      }
    },
    async setRoot(root) {
      await writeFileAtomic(
        file,
        JSON.stringify({ schemaVersion: 2, root, picked: root !== null }, null, 2) + '\n'
      )
    }
  }
}
