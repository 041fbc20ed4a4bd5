import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

// Which folder this PC syncs through: chosen in 系统设置, kept by main in <userData>/share.json
// (written atomically). Only the path is kept — never a passphrase.

const FILE_NAME = 'share.json'
const storedSchema = z.object({ schemaVersion: z.literal(1), root: z.string().min(1).max(260).nullable() })

export interface ShareConfigStore {
  getRoot(): Promise<string | null>
  setRoot(root: string | null): Promise<void>
}

export function createShareConfig(dataDir: string): ShareConfigStore {
  const file = join(dataDir, FILE_NAME)
  return {
    async getRoot() {
      try {
        const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
        // A damaged file means "not set": the user picks the folder again; nothing else depends on it.
        return parsed.success ? parsed.data.root : null
      } catch {
        return null
      }
    },
    async setRoot(root) {
      await writeFileAtomic(file, JSON.stringify({ schemaVersion: 1, root }, null, 2) + '\n')
    }
  }
}
