import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

// The store key of an encrypted share, kept between runs in <userData>/store-key.json — only ever
// wrapped by the OS key store (docs/sync-engine.md, "The store key"). The wrapper is the host's
// (Electron safeStorage in the shell: DPAPI on Windows, Keychain, libsecret), injected, so this service
// never imports electron; without an OS key store nothing is kept and the passphrase is typed again
// after a restart. The file names the store and key check it belongs to: a key is handed out only for
// exactly those.

/** What the host's OS key store offers (electron/main/keyWrapper.ts over safeStorage). */
export interface KeyWrapper {
  /** false when the OS has no key store the app may use (then nothing is written) */
  isAvailable(): boolean
  wrap(plain: Uint8Array): Uint8Array
  /** throws when the bytes were not wrapped by this user on this PC */
  unwrap(wrapped: Uint8Array): Uint8Array
}

export interface StoreKeyRef {
  storeId: string
  keyCheck: string
}

export interface StoreKeyVault {
  save(ref: StoreKeyRef, key: Uint8Array): Promise<{ kept: boolean }>
  load(ref: StoreKeyRef): Promise<Uint8Array | null>
  forget(): Promise<void>
}

export const STORE_KEY_FILE = 'store-key.json'
const KEY_BYTES = 32

const storedSchema = z.strictObject({
  schemaVersion: z.literal(1),
  storeId: z.string().min(1).max(64),
  keyCheck: z.string().min(1).max(200),
  /** base64 of the wrapper's output: never the key itself */
  wrapped: z.string().min(1).max(4096)
})

export function createStoreKeyVault(opts: { dataDir: string; wrapper: KeyWrapper }): StoreKeyVault {
  const file = join(opts.dataDir, STORE_KEY_FILE)
  return {
    async save(ref, key) {
      if (key.byteLength !== KEY_BYTES) throw new Error('a store key is 32 bytes')
      if (!opts.wrapper.isAvailable()) {
        await rm(file, { force: true })
        return { kept: false }
      }
      const wrapped = Buffer.from(opts.wrapper.wrap(key)).toString('base64')
      const stored = storedSchema.parse({ schemaVersion: 1, ...ref, wrapped })
      await writeFileAtomic(file, JSON.stringify(stored, null, 2) + '\n', { fsync: true })
      return { kept: true }
    },
    async load(ref) {
      let json: unknown
      try {
        json = JSON.parse(await readFile(file, 'utf8'))
      } catch {
        return null
      }
      const parsed = storedSchema.safeParse(json)
      if (!parsed.success || parsed.data.storeId !== ref.storeId || parsed.data.keyCheck !== ref.keyCheck)
        return null
      if (!opts.wrapper.isAvailable()) return null
      try {
        const key = opts.wrapper.unwrap(new Uint8Array(Buffer.from(parsed.data.wrapped, 'base64')))
        return key.byteLength === KEY_BYTES ? new Uint8Array(key) : null
      } catch {
        // Another user's or another PC's wrapping (a copied profile): as if nothing were kept.
        return null
      }
    },
    async forget() {
      await rm(file, { force: true })
    }
  }
}
