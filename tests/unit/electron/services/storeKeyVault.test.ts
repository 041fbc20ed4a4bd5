import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createStoreKeyVault, STORE_KEY_FILE } from '../../../../electron/services'
import { fakeKeyWrapper } from '../../../support/fakeKeyWrapper'

// The store key kept by main, wrapped by the OS key store (safeStorage in the app; the small
// KeyWrapper interface is faked here, Electron cannot run on this machine).

const made: string[] = []
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
})
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-vault-'))
  made.push(dir)
  return dir
}

const KEY = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff)
const REF = { storeId: 'Vx3k9_aa', keyCheck: 'a2V5Q2hlY2s=' }

describe('the store key vault', () => {
  it('keeps the key only wrapped, and hands it back for exactly its store and key check', async () => {
    const dir = await dataDir()
    const wrapper = fakeKeyWrapper()
    const vault = createStoreKeyVault({ dataDir: dir, wrapper })
    expect(await vault.load(REF)).toBeNull()
    expect(await vault.save(REF, KEY)).toEqual({ kept: true })
    expect(wrapper.wrapped).toBe(1)
    const text = await readFile(join(dir, STORE_KEY_FILE), 'utf8')
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'))
    expect(text.toLowerCase()).not.toContain(Buffer.from(KEY).toString('hex'))
    expect(await vault.load(REF)).toEqual(KEY)
    // another process start reads the same file
    expect(await createStoreKeyVault({ dataDir: dir, wrapper }).load(REF)).toEqual(KEY)
    expect(await vault.load({ ...REF, keyCheck: 'b3RoZXI=' })).toBeNull()
    expect(await vault.load({ ...REF, storeId: 'other' })).toBeNull()
    await vault.forget()
    expect(await readdir(dir)).toEqual([])
    expect(await vault.load(REF)).toBeNull()
  })

  it('without an OS key store keeps nothing (and removes what an earlier run kept)', async () => {
    const dir = await dataDir()
    await createStoreKeyVault({ dataDir: dir, wrapper: fakeKeyWrapper() }).save(REF, KEY)
    const none = createStoreKeyVault({ dataDir: dir, wrapper: fakeKeyWrapper({ available: false }) })
    expect(await none.load(REF)).toBeNull()
    expect(await none.save(REF, KEY)).toEqual({ kept: false })
    expect(await readdir(dir)).toEqual([])
  })

  it('a file from another user or PC (the OS refuses to unwrap), or a damaged one, reads as nothing kept', async () => {
    const dir = await dataDir()
    await createStoreKeyVault({ dataDir: dir, wrapper: fakeKeyWrapper({ pad: 0x11 }) }).save(REF, KEY)
    const mine = createStoreKeyVault({ dataDir: dir, wrapper: fakeKeyWrapper({ pad: 0x22 }) })
    expect(await mine.load(REF)).not.toEqual(KEY)
    for (const junk of ['{', '[]', JSON.stringify({ schemaVersion: 1, ...REF, wrapped: 'AAAA' }), '']) {
      await writeFile(join(dir, STORE_KEY_FILE), junk)
      expect(await mine.load(REF)).toBeNull()
    }
  })

  it('refuses anything but a 32-byte key', async () => {
    const vault = createStoreKeyVault({ dataDir: await dataDir(), wrapper: fakeKeyWrapper() })
    await expect(vault.save(REF, new Uint8Array(16))).rejects.toThrow('32 bytes')
  })
})
