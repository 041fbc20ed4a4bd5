import { readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ShareServiceError, type FolderStorage } from '../../electron/services'

// The share port's contract (renderer/src/db/sync/sharePort.ts) as every storage main offers must keep
// it: the shared folder (folderStorage.ts) and WebDAV (webdavStorage.ts) run these same tests. A
// fixture gives a storage on a fresh, empty share and the folder on disk that really holds it (the
// folder itself, or the WebDAV server's DocumentRoot), so a test sees what was stored, not what the
// storage says it stored.

export interface StorageFixture {
  /** a storage on a fresh, empty share */
  share: FolderStorage
  /** another client of the same share (another PC) */
  other(): FolderStorage
  /** the folder on disk holding the share */
  root: string
}

const failure = (e: unknown) => (e instanceof ShareServiceError ? e.failure : String(e))
const bytes = (text: string) => new TextEncoder().encode(text)

export function storageContract(name: string, make: () => Promise<StorageFixture>): void {
  describe(`${name}: the share port's contract`, () => {
    it('writes once: a file appears whole under its name, and an existing name is never overwritten', async () => {
      const { share, root } = await make()
      await share.writeNew('devices/pcA/segments/seg-pcA-000000000001.seg', bytes('first'))
      expect(
        new TextDecoder().decode(await share.read('devices/pcA/segments/seg-pcA-000000000001.seg'))
      ).toBe('first')
      await expect(
        share.writeNew('devices/pcA/segments/seg-pcA-000000000001.seg', bytes('second'))
      ).rejects.toSatisfy((e) => failure(e) === 'exists')
      expect(await readFile(join(root, 'devices/pcA/segments/seg-pcA-000000000001.seg'), 'utf8')).toBe(
        'first'
      )
      expect((await readdir(join(root, 'devices/pcA/segments'))).filter((n) => n.startsWith('.'))).toEqual([]) // temps cleaned
    })

    it('two writers racing for one name: exactly one wins, the file is intact', async () => {
      const { share: a, other, root } = await make()
      const b = other()
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? a : b).writeNew('store.json', bytes(`writer ${i} `.repeat(5000)))
        )
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(
        results
          .filter((r) => r.status === 'rejected')
          .map((r) => failure((r as PromiseRejectedResult).reason))
      ).toEqual(Array(7).fill('exists'))
      const text = await readFile(join(root, 'store.json'), 'utf8')
      expect(text).toMatch(/^(writer \d )+$/)
      expect(
        new Set(
          text
            .trim()
            .split(' writer')
            .map((x) => x.replace('writer', '').trim())
        ).size
      ).toBe(1)
      expect((await readdir(root)).filter((n) => n.startsWith('.'))).toEqual([]) // no temp left
    })

    it('lists without unfinished temp files; a missing subfolder is empty; stale temps are swept', async () => {
      const { share, root } = await make()
      await share.writeNew('devices/pcA/status-000000000000001.json', bytes('{}'))
      await writeFile(join(root, 'devices/pcA/.tmp-crashed'), 'half a file') // a writer died before its rename
      expect((await share.list('devices/pcA')).map((e) => e.name)).toEqual(['status-000000000000001.json'])
      const [entry] = await share.list('devices/pcA')
      expect(entry?.size).toBe(2)
      expect((await share.list('devices')).map((e) => [e.name, e.size])).toEqual([['pcA', 0]])
      expect(await share.list('devices/nobody')).toEqual([])
      const old = Date.now() - 2 * 3_600_000
      await utimes(join(root, 'devices/pcA/.tmp-crashed'), old / 1000, old / 1000)
      expect(await share.sweepTemp('devices/pcA', 3_600_000)).toBe(1)
      expect(await readdir(join(root, 'devices/pcA'))).toEqual(['status-000000000000001.json'])
    })

    it('a vanished root is "unavailable" for every operation — never an empty list', async () => {
      const { share, root } = await make()
      await share.writeNew('store.json', bytes('{}'))
      await rename(root, `${root}.gone`)
      for (const op of [
        () => share.list(''),
        () => share.list('devices'),
        () => share.read('store.json'),
        () => share.writeNew('x.json', bytes('x')),
        () => share.writeNew('devices/pcB/status-000000000000001.json', bytes('x')),
        () => share.remove('store.json')
      ]) {
        await expect(op()).rejects.toSatisfy((e) => failure(e) === 'unavailable')
      }
      await rename(`${root}.gone`, root)
      expect((await share.list('')).map((e) => e.name)).toEqual(['store.json'])
    })

    it('refuses every path that could leave the share, before touching it', async () => {
      const { share, root } = await make()
      const around = await readdir(dirname(root))
      for (const bad of [
        '../secret.txt',
        '/etc/passwd',
        'a/../../secret.txt',
        'C:\\x',
        '\\\\server\\x',
        'a\\b',
        'x\0y',
        '.tmp-abc',
        '..',
        'a//b',
        'a/%2e%2e/b',
        'http://evil.example/x'
      ]) {
        await expect(share.read(bad)).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
        await expect(share.writeNew(bad, bytes('x'))).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
        await expect(share.remove(bad)).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
        await expect(share.list(bad)).rejects.toSatisfy((e) => failure(e) === 'outsideRoot')
      }
      expect(await readdir(dirname(root))).toEqual(around)
      expect(await readdir(root)).toEqual([])
    })

    it('read of a missing file is notFound; remove of a missing file is fine', async () => {
      const { share } = await make()
      await expect(share.read('store.json')).rejects.toSatisfy((e) => failure(e) === 'notFound')
      await expect(share.read('devices/pcA/status-1.json')).rejects.toSatisfy(
        (e) => failure(e) === 'notFound'
      )
      await expect(share.remove('store.json')).resolves.toBeUndefined()
    })

    it('reads back exactly the bytes written, of every size up to a chunk', async () => {
      const { share, other } = await make()
      const sizes = [0, 1, 65_535, 65_536, 3 * 1024 * 1024 + 7]
      for (const [i, size] of sizes.entries()) {
        const data = new Uint8Array(size).map((_, j) => (j * 31 + i) & 0xff)
        await share.writeNew(`snapshots/s1/chunk-00000${i}.snap`, data)
        expect(
          Buffer.from(await other().read(`snapshots/s1/chunk-00000${i}.snap`)).equals(Buffer.from(data))
        ).toBe(true)
      }
      expect((await share.list('snapshots/s1')).map((e) => e.size).sort((x, y) => x - y)).toEqual(sizes)
    })

    it('removes an empty folder (of a removed snapshot), never one that still holds a file', async () => {
      const { share, root } = await make()
      await share.writeNew('snapshots/s1/manifest.snap', bytes('m'))
      await share.writeNew('snapshots/s2/chunk-000001.snap', bytes('c'))
      await share.remove('snapshots/s1/manifest.snap')
      await share.remove('snapshots/s1')
      await expect(share.remove('snapshots/s2')).rejects.toSatisfy((e) => failure(e) === 'io')
      expect(await readdir(join(root, 'snapshots'))).toEqual(['s2'])
      expect(await readFile(join(root, 'snapshots/s2/chunk-000001.snap'), 'utf8')).toBe('c')
    })
  })
}
